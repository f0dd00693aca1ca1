// Tutorial models for check/ and report/ tests, built from the real tutorial files: every raw text
// and expectation is sliced from tutorials/*.md at its real lines, so a test sees what the parser
// would hand over. (Once src/parse exists, parsed-model tests sit beside these.)
import { readFileSync } from 'node:fs';
import type { AzCommand, CurlCommand, Expectation, HttpExpectation, JsonExpectation, Step, TextExpectation, Tutorial } from '../../src/model.ts';
import type { Observation, ObservedExchange } from '../../src/run/observation.ts';

const cache = new Map<string, string[]>();
export function fileLines(file: string): string[] {
  let l = cache.get(file);
  if (!l) {
    l = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8').split('\n');
    cache.set(file, l);
  }
  return l;
}

export function slice(file: string, a: number, b: number): string {
  return fileLines(file).slice(a - 1, b).join('\n');
}

function dedent(text: string): string {
  const lines = text.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^\s*/.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

function elidedPointers(v: unknown, path: string[] = [], out: string[] = []): string[] {
  if (typeof v === 'string' && /\.\.\.$/.test(v)) out.push('/' + path.join('/'));
  else if (Array.isArray(v)) v.forEach((x, i) => elidedPointers(x, [...path, String(i)], out));
  else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => elidedPointers(x, [...path, k], out));
  return out;
}

export function jsonExp(file: string, a: number, b: number): JsonExpectation {
  const raw = slice(file, a, b);
  const lines = dedent(raw).split('\n');
  const progress = lines.find((l) => l.startsWith('Finished['));
  const text = lines.filter((l) => !l.startsWith('Finished[')).join('\n').trim();
  const value = JSON.parse(text) as unknown;
  return { kind: 'json', source: { file, startLine: a, endLine: b }, raw, text, ...(progress ? { progressLine: progress } : {}), valid: true, hasComments: false, value, elided: elidedPointers(value) };
}

export function httpExp(file: string, a: number, b: number): HttpExpectation {
  const raw = slice(file, a, b);
  const exchanges: HttpExpectation['exchanges'] = [];
  raw.split('\n').forEach((l, i) => {
    const t = l.trim();
    const m = /^HTTP\/(\S+) (\d{3}) (.*)$/.exec(t);
    if (m) exchanges.push({ line: a + i, httpVersion: m[1]!, status: Number(m[2]), reason: m[3]!, headers: [] });
    else if (t.includes(':') && exchanges.length) {
      const k = t.indexOf(':');
      exchanges[exchanges.length - 1]!.headers.push({ name: t.slice(0, k), value: t.slice(k + 1).trim(), line: a + i });
    }
  });
  return { kind: 'http', source: { file, startLine: a, endLine: b }, raw, exchanges };
}

export function textExp(file: string, a: number, b: number): TextExpectation {
  const raw = slice(file, a, b);
  return { kind: 'text', source: { file, startLine: a, endLine: b }, raw, text: dedent(raw).trim() };
}

interface Base {
  id: string;
  file: string;
  line: number;
  endLine?: number;
  expectation?: Expectation;
  placeholders?: string[];
}

function base(b: Base) {
  const raw = slice(b.file, b.line, b.endLine ?? b.line);
  const marks = [...raw.matchAll(/\u2013/g)].map((m) => ({ kind: 'en-dash' as const, text: '\u2013', codePoints: ['U+2013'], line: b.line, column: (m.index ?? 0) + 1 }));
  return {
    id: b.id,
    source: { file: b.file, startLine: b.line, endLine: b.endLine ?? b.line },
    raw,
    section: '',
    marks,
    placeholders: b.placeholders ?? [],
    ...(b.expectation ? { expectation: b.expectation } : {}),
  };
}

export function curl(partial: Partial<CurlCommand> & { url: string }): CurlCommand {
  return {
    method: partial.method ?? 'GET',
    methodExplicit: partial.methodExplicit ?? false,
    url: partial.url,
    headers: partial.headers ?? [],
    data: partial.data ?? [],
    followRedirects: partial.followRedirects ?? false,
    includeHeaders: partial.includeHeaders ?? false,
    get: false,
    silent: false,
    extraUrls: partial.extraUrls ?? [],
    unknownFlags: partial.unknownFlags ?? [],
    argv: partial.argv ?? [],
    ...(partial.uploadFile ? { uploadFile: partial.uploadFile } : {}),
  };
}

export function httpStep(b: Base & { curl: CurlCommand }): Step {
  return { ...base(b), kind: 'http', curl: b.curl };
}

export function azStep(b: Base & { path: string[]; options: [string, string | null][] }): Step {
  const az: AzCommand = { path: b.path, options: b.options.map(([name, value]) => ({ name, value, raw: value === null ? [name] : [name, value] })), positionals: [], argv: [] };
  return { ...base(b), kind: 'az', az };
}

export function writeFileStep(b: Base & { file_: string; content: string }): Step {
  return { ...base(b), kind: 'shell', shell: { kind: 'write-file', file: b.file_, content: b.content, append: false } };
}

export function manualStep(b: Base & { creates: string[] }): Step {
  return { ...base(b), kind: 'manual', creates: b.creates };
}

export function tutorial(file: string, title: string, steps: Step[], placeholders: Tutorial['placeholders'] = [], seedFirstLine?: number): Tutorial {
  return {
    title,
    file,
    form: 'rendered',
    ...(seedFirstLine ? { seed: { file: '000_98cf1220b4d20f63.txt', firstLine: seedFirstLine } } : {}),
    sections: [],
    steps,
    examples: [],
    placeholders,
    captures: [],
    diagnostics: [],
    lineCount: fileLines(file).length,
  };
}

export function json(status: number, body: unknown, headers: [string, string][] = []): ObservedExchange['response'] {
  const text = JSON.stringify(body);
  return { status, statusText: status === 200 ? 'OK' : String(status), httpVersion: '1.1', headers: [['content-type', 'application/json; charset=utf-8'], ...headers], body: text, bodyEncoding: 'utf8', json: body };
}

export function exchange(method: string, url: string, response: ObservedExchange['response'], opts: { headers?: [string, string][]; body?: string; interim?: { status: number; statusText: string }[] } = {}): ObservedExchange {
  return {
    request: { method, url, headers: opts.headers ?? [], ...(opts.body !== undefined ? { body: opts.body } : {}), bodyEncoding: 'utf8' },
    ...(response ? { response } : {}),
    interim: opts.interim ?? [],
    durationMs: 12,
  };
}

export function observation(stepId: string, partial: Partial<Observation> = {}): Observation {
  return {
    stepId,
    engine: 'http',
    startedAt: '2026-11-22T22:00:00.000Z',
    durationMs: 15,
    exchanges: [],
    files: [],
    bindings: {},
    captured: {},
    ...partial,
  };
}

import { SignJWT, generateKeyPair } from 'jose';

let keyPair: Awaited<ReturnType<typeof generateKeyPair>> | undefined;
/** A real RS256 JWT with the claims a managed-identity token carries. */
export async function signToken(claims: Record<string, unknown>, expSeconds = 1_900_000_000): Promise<string> {
  keyPair ??= await generateKeyPair('RS256');
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuedAt(expSeconds - 86_400)
    .setExpirationTime(expSeconds)
    .sign(keyPair.privateKey);
}

/** An IMDS answer as Azure sends it today: all strings, the requested resource echoed. */
export async function imdsAnswer(resource: string, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const exp = 1_900_000_000;
  return {
    access_token: await signToken({ aud: resource, iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/', oid: '9c5c8d5e-3a1b-4f0e-9d9a-0b1c2d3e4f50', tid: '72f988bf-86f1-41af-91ab-2d7cd011db47', appid: '5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c', idtyp: 'app', ver: '1.0' }, exp),
    client_id: '5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c',
    expires_in: '86399',
    expires_on: String(exp),
    ext_expires_in: '86399',
    not_before: String(exp - 86_400),
    resource,
    token_type: 'Bearer',
    ...extra,
  };
}
