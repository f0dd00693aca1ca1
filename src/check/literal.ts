// Layer 3: what the page states literally — the final status of a transcript, the token it asks
// for, the SAS fields its request sets (sas-claims.ts), the resource id its ARM request names
// (id-claims.ts), the file contents the prose told the reader to write, and sizes and hashes that follow from
// the data sent. Claims about the page itself (its example contradicts its own request or data)
// are drift; claims about what came back (the token is for another audience, the downloaded bytes
// differ from the uploaded ones) break the step.
import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { AzStep, Step, Tutorial } from '../model.ts';
import type { Observation } from '../run/observation.ts';
import { show, valueAt } from './issues.ts';
import { normaliseText } from './example.ts';
import { bodyText, tryJson, type Produced } from './produced.ts';
import type { CheckResult, Difference, FailureKind } from './verdict.ts';
import { sasClaims } from './sas-claims.ts';
import { idClaims } from './id-claims.ts';

export interface LiteralOutcome {
  result: CheckResult;
  /** The kind of failure when a claim about what came back is broken. */
  breaks?: FailureKind;
  /** The broken claim itself, for the reason. */
  broken?: Difference;
  suggestion?: string;
}

interface Claim {
  diff: Difference;
  breaks?: FailureKind;
  suggestion?: string;
}

/** Bytes `echo "…" > file` writes: the text and the newline echo adds. */
export function echoBytes(content: string): Buffer {
  return Buffer.from(content.endsWith('\n') ? content : content + '\n', 'utf8');
}

export function md5Base64(bytes: Buffer): string {
  return createHash('md5').update(bytes).digest('base64');
}

export interface StatedFile {
  file: string;
  content: string;
  /** Bytes on disk (echo adds a newline; portal uploads keep the text as typed). */
  bytes: Buffer;
  stepId: string;
  line: number;
}

/** A manual step's `creates` entry: "<kind>" or "<kind>: <detail>" (src/parse/manual.ts). */
export function createsEntry(entry: string): { kind: string; detail?: string } {
  const i = entry.indexOf(':');
  return i < 0 ? { kind: entry.trim() } : { kind: entry.slice(0, i).trim(), detail: entry.slice(i + 1).trim() };
}

/** File contents the page told the reader to create before `step`, newest last. */
export function statedFiles(tutorial: Tutorial, step: Step): StatedFile[] {
  const out: StatedFile[] = [];
  for (const s of tutorial.steps) {
    if (s.id === step.id) break;
    if (s.kind === 'shell' && s.shell.kind === 'write-file') {
      const action = s.shell;
      const prev = action.append ? out.find((f) => f.file === action.file) : undefined;
      // `touch` appends nothing: the file is empty (echo's newline belongs to echo, not to touch).
      const bytes = action.content === '' ? Buffer.alloc(0) : echoBytes(action.content);
      if (prev) {
        prev.bytes = Buffer.concat([prev.bytes, bytes]);
        prev.content += bytes.toString('utf8');
      } else out.push({ file: action.file, content: bytes.toString('utf8'), bytes, stepId: s.id, line: s.source.startLine });
    }
    if (s.kind === 'manual') {
      // "blob: hello world.txt" then "blob-content: Hello world!" — a portal upload keeps the text as typed.
      const entries = s.creates.map(createsEntry);
      const name = entries.find((e) => e.kind === 'blob' && e.detail)?.detail;
      const content = entries.find((e) => e.kind === 'blob-content' && e.detail !== undefined)?.detail;
      if (name !== undefined && content !== undefined) out.push({ file: name, content, bytes: Buffer.from(content, 'utf8'), stepId: s.id, line: s.source.startLine });
    }
  }
  return out;
}

const NAMED_KINDS = new Set(['data-lake-folder', 'blob-container', 'blob', 'key-vault', 'key-vault-secret', 'storage-account', 'resource-group']);

/** Names the page told the reader to create (a folder, a container) — single words only. */
export function statedNames(tutorial: Tutorial, step: Step): string[] {
  const out: string[] = [];
  for (const s of tutorial.steps) {
    if (s.id === step.id) break;
    if (s.kind !== 'manual') continue;
    for (const e of s.creates.map(createsEntry)) if (NAMED_KINDS.has(e.kind) && e.detail && /^[\w.-]+$/.test(e.detail)) out.push(e.detail);
  }
  return out;
}

const sameFileName = (a: string, b: string) => a.toLowerCase().replace(/[\s_]+/g, '_') === b.toLowerCase().replace(/[\s_]+/g, '_');

function azOption(step: AzStep, names: readonly string[]): string | undefined {
  const o = step.az.options.find((x) => names.includes(x.name));
  return o?.value ?? undefined;
}

/** The curl URL the page wrote for this step (directly or inside `var=$(curl …)`). */
/** The data arguments of the step's curl as the page writes them. */
function writtenData(step: Step): string[] {
  const curl = step.kind === 'http' ? step.curl : step.kind === 'shell' && step.shell.kind === 'assign' ? step.shell.curl : undefined;
  return curl ? curl.data.map((d) => d.value) : [];
}

function writtenUrl(step: Step): { url: string; data: string } | undefined {
  if (step.kind === 'http') return { url: step.curl.url, data: step.curl.data.map((d) => d.value).join('&') };
  if (step.kind === 'shell' && step.shell.kind === 'assign' && step.shell.curl) return { url: step.shell.curl.url, data: step.shell.curl.data.map((d) => d.value).join('&') };
  return undefined;
}

/** The `resource` a token request asks for, URL-decoded, byte for byte. */
export function requestedResource(url: string, formBody: string): string | undefined {
  const q = url.indexOf('?');
  const fromQuery = q >= 0 ? new URLSearchParams(url.slice(q + 1)).get('resource') : null;
  if (fromQuery !== null) return fromQuery;
  const fromBody = new URLSearchParams(formBody).get('resource');
  return fromBody ?? undefined;
}

function tokenClaims(step: Step, obs: Observation, produced: Produced, exampleJson: unknown): Claim[] {
  const out: Claim[] = [];
  const written = writtenUrl(step);
  const sent = obs.exchanges[0]?.request;
  const asked = sent ? requestedResource(sent.url, sent.body ?? '') : written ? requestedResource(written.url, written.data) : undefined;
  if (asked === undefined) return out;
  const exampleResource = valueAt(exampleJson, ['resource']);
  if (typeof exampleResource === 'string' && exampleResource !== asked) {
    out.push({
      diff: {
        path: 'claim:example.resource',
        kind: 'claim',
        expected: asked,
        actual: exampleResource,
        message: `the command asks for resource ${show(asked)} but the page's example response shows ${show(exampleResource)}; IMDS echoes the requested resource byte for byte${asked.endsWith('/') && !exampleResource.endsWith('/') ? ' (the example drops the trailing slash the page insists on)' : ''}`,
      },
      suggestion: `"resource":"${asked}"`,
    });
  }
  // The HTTP answer, not what the reader saw: `t=$(curl … | jq -r .access_token)` prints only the token.
  const json = produced.final ? (produced.final.json ?? tryJson(bodyText(produced.final))) : produced.json;
  const token = valueAt(json, ['access_token']);
  if (typeof token !== 'string') return out;
  const echoed = valueAt(json, ['resource']);
  if (typeof echoed === 'string' && echoed !== asked) {
    out.push({ diff: { path: 'claim:resource', kind: 'claim', expected: asked, actual: echoed, message: `the response's resource ${show(echoed)} is not the requested ${show(asked)}` } });
  }
  let claims: ReturnType<typeof decodeJwt>;
  try {
    claims = decodeJwt(token);
  } catch {
    out.push({ diff: { path: 'claim:access_token', kind: 'claim', expected: 'a JWT', message: 'access_token is not a decodable JWT' }, breaks: 'contract-broken' });
    return out;
  }
  const aud = Array.isArray(claims.aud) ? claims.aud.join(' ') : claims.aud;
  if (aud !== asked) {
    out.push({ diff: { path: 'claim:aud', kind: 'claim', expected: asked, actual: aud ?? '(none)', message: `the token's aud ${show(aud ?? '(none)')} is not the requested resource ${show(asked)}` }, breaks: 'token-audience-mismatch' });
  }
  const expiresOn = valueAt(json, ['expires_on']);
  if (typeof claims.exp === 'number' && (typeof expiresOn === 'string' || typeof expiresOn === 'number') && Number(expiresOn) !== claims.exp) {
    out.push({ diff: { path: 'claim:exp', kind: 'claim', expected: String(expiresOn), actual: String(claims.exp), message: `expires_on ${expiresOn} is not the token's exp ${claims.exp}` } });
  }
  return out;
}

function transcriptStatus(step: Step, produced: Produced): Claim[] {
  const exp = step.expectation;
  if (exp?.kind !== 'http' || exp.exchanges.length === 0) return [];
  const claimed = exp.exchanges[exp.exchanges.length - 1]!.status;
  const got = produced.final?.status;
  if (got === claimed) return [];
  return [{ diff: { path: 'status', kind: 'status', expected: String(claimed), actual: got === undefined ? 'none' : String(got), message: `the page says the request ends with ${claimed}; it ended with ${got ?? 'no response'}` } }];
}

function blobNameOf(obs: Observation): string | undefined {
  const url = obs.exchanges[obs.exchanges.length - 1]?.request.url;
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).slice(1).join('/'));
  } catch {
    return undefined;
  }
}

function textClaims(step: Step, tutorial: Tutorial, obs: Observation, produced: Produced): Claim[] {
  if (step.expectation?.kind !== 'text') return [];
  const name = blobNameOf(obs);
  const stated = statedFiles(tutorial, step).filter((f) => name !== undefined && sameFileName(f.file, name.split('/').pop() ?? name));
  const file = stated[stated.length - 1];
  if (!file) return [];
  const out: Claim[] = [];
  const said = normaliseText(file.content);
  const shown = normaliseText(step.expectation.text);
  if (shown !== said) {
    out.push({ diff: { path: 'claim:example-body', kind: 'claim', expected: said, actual: shown, message: `${file.stepId} (line ${file.line}) has the reader put ${show(said)} in ${file.file}, but the page shows the response ${show(shown)}` }, suggestion: said });
  }
  if (produced.text !== undefined && normaliseText(produced.text) !== said) {
    out.push({ diff: { path: 'claim:body', kind: 'claim', expected: said, actual: show(normaliseText(produced.text)), message: `the body is not the ${show(said)} the page told the reader to write into ${file.file}` } });
  }
  return out;
}

function uploadedBytes(tutorial: Tutorial, step: AzStep): { bytes: Buffer; file: string; blob?: string } | undefined {
  const files = statedFiles(tutorial, step);
  const blob = azOption(step, ['-n', '--name']);
  // The upload that put this blob there names the local file it read.
  let localFile: string | undefined;
  for (const s of tutorial.steps) {
    if (s.id === step.id) break;
    if (s.kind === 'az' && s.az.path.join(' ') === 'storage blob upload') {
      const n = azOption(s, ['-n', '--name']);
      if (blob === undefined || n === undefined || n === blob) localFile = azOption(s, ['-f', '--file']) ?? localFile;
    }
  }
  if (step.az.path.join(' ') === 'storage blob upload') localFile = azOption(step, ['-f', '--file']);
  const f = localFile !== undefined ? files.filter((x) => x.file === localFile).pop() : files.length === 1 ? files[0] : undefined;
  return f ? { bytes: f.bytes, file: f.file, ...(blob !== undefined ? { blob } : {}) } : undefined;
}

function blobClaims(step: Step, tutorial: Tutorial, obs: Observation, produced: Produced): Claim[] {
  if (step.kind !== 'az') return [];
  const cmd = step.az.path.join(' ');
  if (cmd !== 'storage blob download' && cmd !== 'storage blob upload') return [];
  const data = uploadedBytes(tutorial, step);
  if (!data) return [];
  const n = data.bytes.length;
  const md5 = md5Base64(data.bytes);
  const out: Claim[] = [];
  const example = step.expectation?.kind === 'json' ? step.expectation.value : undefined;
  const pageClaim = (path: string, shown: unknown, want: string, what: string) => {
    if (shown !== undefined && shown !== null && String(shown) !== want) {
      out.push({ diff: { path: `claim:example${path}`, kind: 'claim', expected: want, actual: String(shown), message: `the example shows ${what} ${show(shown)}, but ${data.file} as written holds ${n} bytes (${show(data.bytes.toString('utf8'))}), so it is ${show(want)}` } });
    }
  };
  const realClaim = (path: string, got: unknown, want: string, what: string) => {
    if (got !== undefined && got !== null && typeof got !== 'object' && String(got) !== want) {
      out.push({ diff: { path: `claim:${path}`, kind: 'claim', expected: want, actual: String(got), message: `${what} is ${show(got)}; the ${n} bytes uploaded from ${data.file} give ${show(want)}` }, breaks: 'output-mismatch' });
    }
  };
  if (cmd === 'storage blob download') {
    pageClaim('/properties/contentLength', valueAt(example, ['properties', 'contentLength']), String(n), 'contentLength');
    pageClaim('/properties/contentRange', valueAt(example, ['properties', 'contentRange']), `bytes 0-${n - 1}/${n}`, 'contentRange');
    pageClaim('/properties/contentSettings/contentMd5', valueAt(example, ['properties', 'contentSettings', 'contentMd5']), md5, 'contentMd5');
    if (data.blob !== undefined && !/^<.*>$/.test(data.blob)) pageClaim('/name', valueAt(example, ['name']), data.blob, 'name');
    realClaim('properties/contentLength', valueAt(produced.json, ['properties', 'contentLength']), String(n), 'contentLength');
    const gotMd5 = valueAt(produced.json, ['properties', 'contentSettings', 'contentMd5']);
    if (typeof gotMd5 === 'string' && /^[A-Za-z0-9+/]{22}==$/.test(gotMd5)) realClaim('properties/contentSettings/contentMd5', gotMd5, md5, 'contentMd5');
    const target = azOption(step, ['-f', '--file']);
    const written = obs.files.find((f) => target !== undefined && (f.path === target || f.path.endsWith('/' + target)));
    if (written && written.content !== data.bytes.toString('utf8')) {
      out.push({ diff: { path: `claim:file:${written.path}`, kind: 'claim', expected: show(data.bytes.toString('utf8')), actual: show(written.content), message: `the downloaded ${written.path} differs from the uploaded ${data.file}` }, breaks: 'output-mismatch' });
    }
  } else {
    const got = valueAt(produced.json, ['content_md5']) ?? valueAt(produced.json, ['contentMd5']);
    if (typeof got === 'string' && /^[A-Za-z0-9+/]{22}==$/.test(got)) realClaim('content_md5', got, md5, 'content_md5');
  }
  return out;
}

/**
 * The request parameters the prose lists (a JSON example between the previous step and this one)
 * must be what the command sends: same names, same values (placeholders included).
 */
function requestBodyClaims(step: Step, tutorial: Tutorial): Claim[] {
  if (step.kind !== 'http' || step.curl.data.length === 0) return [];
  const idx = tutorial.steps.findIndex((s) => s.id === step.id);
  const after = idx > 0 ? tutorial.steps[idx - 1]!.source.endLine : 0;
  // Another request's own body (bodyOf) lists nothing for this step.
  const ex = [...tutorial.examples].reverse().find((e) => e.bodyOf === undefined && e.source.endLine < step.source.startLine && e.source.startLine > after);
  const listed = ex?.json.value;
  if (!ex || listed === null || typeof listed !== 'object' || Array.isArray(listed)) return [];
  let sent: unknown;
  try {
    sent = JSON.parse(step.curl.data.map((d) => d.value).join('&'));
  } catch {
    return [{ diff: { path: 'claim:request-body', kind: 'claim', expected: 'JSON', message: `lines ${ex.source.startLine}–${ex.source.endLine} list JSON parameters, but the command's -d body is not JSON` } }];
  }
  if (sent === null || typeof sent !== 'object') return [];
  const out: Claim[] = [];
  const a = listed as Record<string, unknown>;
  const b = sent as Record<string, unknown>;
  for (const k of Object.keys(a)) {
    if (!(k in b)) out.push({ diff: { path: `claim:request-body/${k}`, kind: 'claim', expected: show(a[k]), message: `lines ${ex.source.startLine}–${ex.source.endLine} list the parameter ${k}, but the command does not send it` } });
    else if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out.push({ diff: { path: `claim:request-body/${k}`, kind: 'claim', expected: show(a[k]), actual: show(b[k]), message: `lines ${ex.source.startLine}–${ex.source.endLine} give ${k} as ${show(a[k])}, but the command sends ${show(b[k])}` } });
  }
  for (const k of Object.keys(b)) {
    if (!(k in a)) out.push({ diff: { path: `claim:request-body/${k}`, kind: 'claim', actual: show(b[k]), message: `the command sends ${k}, which the parameters listed at lines ${ex.source.startLine}–${ex.source.endLine} do not mention` } });
  }
  return out;
}

function collectStrings(v: unknown, into: Set<string>): Set<string> {
  if (typeof v === 'string') into.add(v);
  else if (Array.isArray(v)) v.forEach((x) => collectStrings(x, into));
  else if (v !== null && typeof v === 'object') Object.values(v).forEach((x) => collectStrings(x, into));
  return into;
}

function nameClaims(step: Step, tutorial: Tutorial, produced: Produced): Claim[] {
  if (step.expectation?.kind !== 'json' || produced.json === undefined) return [];
  const shown = collectStrings(step.expectation.value, new Set());
  const got = collectStrings(produced.json, new Set());
  return statedNames(tutorial, step)
    .filter((n) => shown.has(n) && !got.has(n))
    .map((n) => ({ diff: { path: `claim:name:${n}`, kind: 'claim' as const, expected: n, message: `the page has the reader create ${show(n)} and its example lists it, but the response does not contain it` } }));
}

export function checkLiteral(input: { tutorial: Tutorial; step: Step; observation: Observation; produced: Produced }): LiteralOutcome {
  const { tutorial, step, observation, produced } = input;
  const exampleJson = step.expectation?.kind === 'json' ? step.expectation.value : undefined;
  const claims: Claim[] = [
    ...transcriptStatus(step, produced),
    ...tokenClaims(step, observation, produced, exampleJson),
    ...textClaims(step, tutorial, observation, produced),
    ...blobClaims(step, tutorial, observation, produced),
    ...nameClaims(step, tutorial, produced),
    ...requestBodyClaims(step, tutorial),
    ...sasClaims(writtenUrl(step), observation, exampleJson).map((diff) => ({ diff })),
    ...idClaims(writtenUrl(step)?.url, observation, exampleJson, writtenData(step)).map((diff) => ({ diff })),
  ];
  const differences = claims.map((c) => c.diff);
  const breaking = claims.find((c) => c.breaks !== undefined);
  const suggestion = claims.find((c) => c.suggestion !== undefined)?.suggestion;
  const result: CheckResult = differences.length === 0 && !hasAnyClaimSource(step)
    ? { layer: 'literal', ok: true, skipped: 'the page states no literal value for this step', differences: [] }
    : { layer: 'literal', ok: differences.length === 0, differences };
  return { result, ...(breaking?.breaks ? { breaks: breaking.breaks, broken: breaking.diff } : {}), ...(suggestion !== undefined ? { suggestion } : {}) };
}

function hasAnyClaimSource(step: Step): boolean {
  if (step.expectation !== undefined) return true;
  const w = writtenUrl(step);
  return w !== undefined && requestedResource(w.url, w.data) !== undefined;
}
