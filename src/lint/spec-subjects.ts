// Every JSON a page sends to, or shows back from, a Resource Manager operation whose schema the index
// (src/reference/spec-schemas.ts) holds for that api-version: the body of `curl -d '{…}'` and
// `az rest --body '{…}'`, the JSON block after a raw `PUT https://management.azure.com/…` request line,
// the answer a curl or az rest step prints, each resource of an ARM template and of a Bicep block. The request-body-schema
// and example-output-schema rules report from this one reading.
import type { JsonBlock, LintDocument } from './document.ts';
import { azOption, hostAndPath, invocations, queryParams } from './commands.ts';
import { contractFor, printsAsIs, requestBodyContract } from './contracts.ts';
import { codeFences, fenceAt } from './fences.ts';
import { readJson, type JsonPosition, type JsonString } from '../parse/json-reader.ts';
import { bicepResources } from '../parse/bicep-resources.ts';
import type { ShellWord } from '../parse/shell-words.ts';
import { operationSchema, resourceSchema, type SchemaRole, type SchemaView } from '../reference/spec-schemas.ts';

export interface SchemaSubject {
  role: SchemaRole;
  value: unknown;
  view: SchemaView;
  apiVersion: string;
  /** Where the value's keys are written; undefined when the JSON is a shell word with escapes. */
  keys: readonly JsonString[] | undefined;
  /** Keys from the reading's root to `value` (a template's resources[2]). */
  base: string[];
  /** Where to point when no key can be located. */
  at: JsonPosition;
  stepId?: string;
}

const ARM_HOST = 'management.azure.com';

/** The ARM path and api-version of a URL (absolute, or relative as az rest takes it). */
export function armTarget(url: string): { path: string; apiVersion: string } | undefined {
  let path: string;
  if (url.startsWith('/')) path = url.replace(/[?#].*$/s, '');
  else {
    const hp = hostAndPath(url);
    if (!hp || hp.host !== ARM_HOST) return undefined;
    path = hp.path;
  }
  const apiVersion = queryParams(url).get('api-version');
  if (!apiVersion || !/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(apiVersion)) return undefined;
  return { path, apiVersion };
}

/** A JSON body written in one shell word: parsed from its value, positioned exactly when single-quoted on one line. */
function wordJson(word: ShellWord): { value: unknown; keys: JsonString[] | undefined } | undefined {
  const text = word.value.trim();
  if (!text.startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined; // invalid JSON is json-example-invalid's business
  }
  if (word.raw !== `'${word.value}'` || word.value.includes('\n')) return { value, keys: undefined };
  const reading = readJson([{ line: word.line, text: ' '.repeat(word.column) + word.value }]);
  return { value, keys: reading.ok ? reading.strings : undefined };
}

function commandSubjects(doc: LintDocument, out: SchemaSubject[], used: Set<JsonBlock>): void {
  const responseOf = new Map(doc.json.filter((b) => b.role === 'response' && b.step).map((b) => [b.step, b]));
  for (const command of doc.commands) {
    const all = invocations(command.words);
    for (const [i, inv] of all.entries()) {
      let url: string | undefined;
      let method = 'GET';
      let bodies: ShellWord[] = [];
      let printsAnswer = i === all.length - 1;
      if (inv.curl) {
        // The hand contracts of src/lint/contracts.ts judge these bodies already (listServiceSas).
        if (requestBodyContract(inv.curl)) continue;
        url = inv.curl.urls[0]?.value;
        method = inv.curl.method.toUpperCase();
        bodies = inv.curl.data;
      } else if (inv.az && inv.az.path.join(' ') === 'rest') {
        url = azOption(inv.az, '--url', '--uri', '-u')?.value?.value;
        method = (azOption(inv.az, '--method', '-m')?.value?.value ?? 'GET').toUpperCase();
        const body = azOption(inv.az, '--body', '-b')?.value;
        if (body) bodies = [body];
        if (!printsAsIs(inv.az)) printsAnswer = false;
      } else continue;
      const target = url ? armTarget(url) : undefined;
      if (!target) continue;
      const stepId = command.step.id;
      for (const word of bodies) {
        const file = /^@(?:\.\/)?([\w.-]+\.json)$/.exec(word.value)?.[1];
        const saved = file ? savedFile(doc, file, command.step.source.startLine, used) : undefined;
        if (saved) {
          const view = operationSchema(method, target.path, target.apiVersion, 'body');
          if (view) {
            used.add(saved);
            out.push(blockSubject(saved, 'body', view, target.apiVersion));
          }
          continue;
        }
        const json = wordJson(word);
        const view = json && operationSchema(method, target.path, target.apiVersion, 'body');
        if (json && view) out.push({ role: 'body', value: json.value, view, apiVersion: target.apiVersion, keys: json.keys, base: [], at: { line: word.line, column: word.column + 1 }, stepId });
      }
      const answer = responseOf.get(command.step);
      // An answer a hand contract of src/lint/contracts.ts judges (listKeys, a resource group) is left to it.
      if (answer && printsAnswer && !used.has(answer) && !contractFor(doc, answer)) {
        const view = operationSchema(method, target.path, target.apiVersion, 'response');
        if (view) {
          used.add(answer);
          out.push(blockSubject(answer, 'response', view, target.apiVersion));
        }
      }
    }
  }
}

/** The JSON block the page has the reader save as `file` before `line`: the last one whose caption (the few lines above it) names the file. */
function savedFile(doc: LintDocument, file: string, line: number, used: Set<JsonBlock>): JsonBlock | undefined {
  const named = new RegExp(`(^|[^\\w.-])${file.replace(/[.]/g, '\\.')}($|[^\\w-])`);
  const blocks = doc.json.filter((b) => b.json.source.endLine < line && !used.has(b) && b.role === 'example');
  for (const block of blocks.reverse()) {
    for (let n = block.json.source.startLine - 1, seen = 0; n >= 1 && seen < 3; n--) {
      const text = doc.line(n);
      if (/^\s*(```|~~~)/.test(text) || text.trim() === '') continue;
      if (/^#/.test(text)) break;
      seen++;
      if (named.test(text)) return block;
    }
  }
  return undefined;
}

function blockSubject(block: JsonBlock, role: SchemaRole, view: SchemaView, apiVersion: string, base: string[] = [], value: unknown = block.read.value): SchemaSubject {
  return { role, value, view, apiVersion, keys: block.read.strings, base, at: { line: block.json.source.startLine, column: 1 }, ...(block.step?.id ? { stepId: block.step.id } : {}) };
}

// `PUT https://management.azure.com/…?api-version=…` alone on a line of a fence: a raw request the
// reader sends with a REST client; the JSON blocks after it are its body and its answer.
const REQUEST_LINE = /^\s*(GET|PUT|POST|PATCH)\s+(https:\/\/management\.azure\.com\/\S+)\s*$/i;
const ANSWER_PROSE = /\b(output|response|returns?|result)\b/i;

/** The nearest line of text above a block (blank lines and fences skipped). */
function proseBefore(doc: LintDocument, line: number): string {
  for (let n = line - 1; n > 0 && n >= line - 6; n--) {
    const text = doc.line(n).trim();
    if (text && !/^(`{3,}|~{3,})/.test(text) && !/^[{[]/.test(text)) return text;
  }
  return '';
}

function requestLineSubjects(doc: LintDocument, out: SchemaSubject[], used: Set<JsonBlock>): void {
  if (!doc.hasText) return;
  const fences = codeFences(doc);
  const requests: { line: number; method: string; url: string }[] = [];
  for (let n = 1; n <= doc.lineCount; n++) {
    const m = REQUEST_LINE.exec(doc.line(n));
    if (m && fenceAt(fences, n)) requests.push({ line: n, method: (m[1] as string).toUpperCase(), url: m[2] as string });
  }
  for (const [k, request] of requests.entries()) {
    const target = armTarget(request.url);
    if (!target) continue;
    // The request's own part of the page: up to the next request, command or heading.
    let heading = request.line + 1;
    while (heading <= doc.lineCount && !(doc.isProse(heading) && /^#{1,6}\s/.test(doc.line(heading)))) heading++;
    const end = Math.min(requests[k + 1]?.line ?? Infinity, doc.commandAfter(request.line)?.step.source.startLine ?? Infinity, heading);
    const blocks = doc.json.filter((b) => b.json.source.startLine > request.line && b.json.source.startLine < end && !used.has(b));
    for (const [j, block] of blocks.entries()) {
      // The first block after a PUT/PATCH/POST is its body, unless the prose just before calls it the answer.
      const role: SchemaRole = j === 0 && request.method !== 'GET' && !ANSWER_PROSE.test(proseBefore(doc, block.json.source.startLine)) ? 'body' : 'response';
      const view = operationSchema(request.method, target.path, target.apiVersion, role);
      if (!view) continue;
      used.add(block);
      out.push(blockSubject(block, role, view, target.apiVersion));
    }
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
// Keys of a template resource that are the template's, not the RP's body.
const TEMPLATE_KEYS = new Set(['type', 'apiVersion', 'name', 'dependsOn', 'condition', 'copy', 'comments', 'scope', 'resources', 'metadata', 'existing']);

/** Each resource of an ARM template (nested ones with their parents' types), with its path in the block. */
function templateResources(value: unknown): { type: string; apiVersion: string; body: Json; path: string[] }[] {
  const out: { type: string; apiVersion: string; body: Json; path: string[] }[] = [];
  const visit = (resources: unknown, parentType: string | undefined, path: string[]): void => {
    if (!Array.isArray(resources)) return;
    resources.forEach((r, i) => {
      if (!isObject(r) || typeof r.type !== 'string' || typeof r.apiVersion !== 'string') return;
      const type = parentType && !r.type.includes('/') ? `${parentType}/${r.type}` : r.type;
      const body = Object.fromEntries(Object.entries(r).filter(([k]) => !TEMPLATE_KEYS.has(k)));
      out.push({ type, apiVersion: r.apiVersion, body, path: [...path, String(i)] });
      visit(r.resources, type, [...path, String(i), 'resources']);
    });
  };
  if (isObject(value)) visit(value.resources, undefined, ['resources']);
  return out;
}

function templateSubjects(doc: LintDocument, out: SchemaSubject[], used: Set<JsonBlock>): void {
  for (const block of doc.json) {
    if (used.has(block)) continue;
    for (const r of templateResources(block.read.value)) {
      if (!/^Microsoft\.[A-Za-z]+\/[A-Za-z/]+$/.test(r.type)) continue;
      const view = resourceSchema(r.type, r.apiVersion, 'body');
      if (view) out.push(blockSubject(block, 'body', view, r.apiVersion, r.path, r.body));
    }
  }
}

// Keys of a Bicep resource body that are Bicep's, not the RP's body.
const BICEP_KEYS = new Set(['name', 'parent', 'scope', 'dependsOn']);

function bicepSubjects(doc: LintDocument, out: SchemaSubject[]): void {
  for (const fence of codeFences(doc)) {
    if (fence.info !== 'bicep') continue;
    const lines = [];
    for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) lines.push({ line: n, text: doc.line(n) });
    for (const r of bicepResources(lines)) {
      if (!/^Microsoft\.[A-Za-z]+\/[A-Za-z/]+$/.test(r.type)) continue;
      const view = resourceSchema(r.type, r.apiVersion, 'body');
      if (!view) continue;
      const value = Object.fromEntries(Object.entries(r.body).filter(([k]) => !BICEP_KEYS.has(k)));
      out.push({ role: 'body', value, view, apiVersion: r.apiVersion, keys: r.keys, base: [], at: { line: r.line, column: 1 } });
    }
  }
}

export function schemaSubjects(doc: LintDocument): SchemaSubject[] {
  const out: SchemaSubject[] = [];
  const used = new Set<JsonBlock>();
  commandSubjects(doc, out, used);
  requestLineSubjects(doc, out, used);
  templateSubjects(doc, out, used);
  bicepSubjects(doc, out);
  return out;
}

/** Where the key at `path` (below the subject's base) is written: the deepest key of the path that can be found. */
export function locate(subject: SchemaSubject, path: readonly string[]): JsonPosition {
  const keys = subject.keys;
  if (!keys) return subject.at;
  const full = [...subject.base, ...path];
  for (let len = full.length; len > 0; len--) {
    const want = full.slice(0, len);
    if (/^\d+$/.test(want[want.length - 1] as string)) continue;
    const s = keys.find((x) => x.isKey && x.path.length === want.length && x.path.every((p, i) => p === want[i]));
    if (s) return { line: s.line, column: s.column };
  }
  return subject.at;
}
