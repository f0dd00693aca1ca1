// Layer 2 runner: every response of a step against its operation's contract (success schema or the
// service's error envelope), and an az step's printed JSON against the az output contract.
import type { Step } from '../model.ts';
import type { ObservedExchange, ObservedResponse } from '../run/observation.ts';
import { AZ_CONTRACTS, ERROR_SCHEMAS, REST_CONTRACTS, type Contract } from './contracts.ts';
import { issuesToDifferences, show } from './issues.ts';
import { identifyAzOperation, identifyRestOperation } from './operations.ts';
import { bodyText, tryJson, type Produced } from './produced.ts';
import type { CheckResult, Difference } from './verdict.ts';

export interface ContractOutcome {
  result: CheckResult;
  /** A success response broke its contract: the step does not do what the operation promises. */
  breaks: boolean;
  /** Operation ids recognised, in order (evidence for the report). */
  operations: string[];
}

const WHO = { who: 'the contract' };

export function lowercaseKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(lowercaseKeys);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k.toLowerCase(), lowercaseKeys(x)]));
  return v;
}

export function header(r: ObservedResponse, name: string): string | undefined {
  return r.headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

export function isNotEmulated(r: ObservedResponse): boolean {
  return header(r, 'x-emulator-not-emulated') !== undefined;
}

function prefixed(ds: Difference[], prefix: string): Difference[] {
  return prefix === '' ? ds : ds.map((d) => ({ ...d, path: `${prefix}${d.path}`, message: `${prefix} ${d.message}` }));
}

function checkSuccess(c: Contract, r: ObservedResponse): Difference[] {
  const out: Difference[] = [];
  const text = bodyText(r);
  if (c.body === 'empty' && text.trim() !== '') {
    out.push({ path: '/', kind: 'extra', actual: show(text.trim()), message: `the operation answers ${r.status} with no body; the response has one` });
  }
  if ((c.body === 'json' || c.body === 'json-lowercase-keys') && c.schema) {
    const raw = r.json ?? tryJson(text);
    if (raw === undefined) {
      out.push({ path: '/', kind: 'type', expected: 'object', actual: 'text', message: `the body is not JSON (${show(text.trim())})` });
    } else {
      const json = c.body === 'json-lowercase-keys' ? lowercaseKeys(raw) : raw;
      const parsed = c.schema.safeParse(json);
      if (!parsed.success) out.push(...issuesToDifferences(parsed.error.issues, json, WHO));
    }
  }
  for (const rule of c.headers ?? []) {
    const v = header(r, rule.name);
    if (v === undefined) {
      if (!rule.optional) out.push({ path: `header:${rule.name}`, kind: 'header', message: `the ${rule.name} header is missing; the contract says the operation returns it` });
    } else if (rule.shape && !rule.shape.test(v)) {
      out.push({ path: `header:${rule.name}`, kind: 'header', expected: String(rule.shape), actual: show(v), message: `the ${rule.name} header ${show(v)} does not have the contract's shape` });
    }
  }
  return out;
}

function checkError(c: Contract, r: ObservedResponse): Difference[] {
  const text = bodyText(r);
  if (c.error === 'storage-xml') {
    const out: Difference[] = [];
    if (!/<Error>\s*<Code>[^<]+<\/Code>\s*<Message>[\s\S]*<\/Message>/.test(text)) {
      out.push({ path: '/', kind: 'type', expected: 'Storage XML <Error><Code/><Message/></Error>', actual: show(text.trim()), message: 'the error body is not Storage\'s XML error' });
    }
    if (header(r, 'x-ms-error-code') === undefined) out.push({ path: 'header:x-ms-error-code', kind: 'header', message: 'the x-ms-error-code header is missing from a Storage error' });
    return out;
  }
  const raw = r.json ?? tryJson(text);
  if (raw === undefined) return [{ path: '/', kind: 'type', expected: `${c.error} error JSON`, actual: show(text.trim()), message: `the ${r.status} body is not the service's JSON error envelope` }];
  const json = c.error === 'webhdfs' ? lowercaseKeys(raw) : raw;
  const parsed = ERROR_SCHEMAS[c.error].safeParse(json);
  return parsed.success ? [] : issuesToDifferences(parsed.error.issues, json, { who: `the ${c.error} error envelope` });
}

function checkExchange(e: ObservedExchange): { op?: string; differences: Difference[]; breaks: boolean; note?: string } {
  const r = e.response;
  if (!r) return { differences: [], breaks: false, note: 'no response' };
  if (isNotEmulated(r)) return { differences: [], breaks: false, note: 'not emulated' };
  const op = identifyRestOperation(e.request);
  if (!op) return { differences: [], breaks: false, note: `no contract for ${e.request.method} ${safeHostPath(e.request.url)}` };
  const c = REST_CONTRACTS[op];
  if (c.success.includes(r.status)) {
    const ds = checkSuccess(c, r);
    // WebHDFS's first CREATE leg is only useful with the Location the client re-sends the data to.
    if (op === 'adls.create' && r.status === 307 && header(r, 'location') === undefined) {
      ds.push({ path: 'header:location', kind: 'header', message: 'the 307 of a WebHDFS CREATE has no Location header to send the data to' });
    }
    return { op, differences: ds, breaks: ds.length > 0 };
  }
  if (r.status >= 400) return { op, differences: checkError(c, r), breaks: false };
  return { op, differences: [], breaks: false };
}

function safeHostPath(url: string): string {
  try {
    const u = new URL(url);
    return u.host + u.pathname;
  } catch {
    return '(unparseable URL)';
  }
}

export function checkContract(step: Step, produced: Produced, exitCode: number | undefined): ContractOutcome {
  const units: { prefix: string; differences: Difference[]; breaks: boolean }[] = [];
  const operations: string[] = [];
  const notes: string[] = [];
  const many = produced.exchanges.length + (step.kind === 'az' ? 1 : 0) > 1;
  produced.exchanges.forEach((e, i) => {
    const r = checkExchange(e);
    if (r.op) {
      operations.push(r.op);
      units.push({ prefix: many ? `[${i + 1}]` : '', differences: r.differences, breaks: r.breaks });
    } else if (r.note) notes.push(r.note);
  });
  if (step.kind === 'az') {
    const op = identifyAzOperation(step);
    if (op && produced.json !== undefined && (exitCode ?? 0) === 0) {
      operations.push(op);
      const parsed = AZ_CONTRACTS[op].schema.safeParse(produced.json);
      const ds = parsed.success ? [] : issuesToDifferences(parsed.error.issues, produced.json, WHO);
      units.push({ prefix: many ? 'output' : '', differences: ds, breaks: ds.length > 0 });
    } else if (!op) notes.push(`no output contract for az ${step.az.path.join(' ')}`);
  }
  if (units.length === 0) {
    return { result: { layer: 'contract', ok: true, skipped: notes.length ? notes.join('; ') : 'the step made no request with a known contract', differences: [] }, breaks: false, operations };
  }
  const differences = units.flatMap((u) => prefixed(u.differences, u.prefix));
  return { result: { layer: 'contract', ok: differences.length === 0, differences }, breaks: units.some((u) => u.breaks), operations };
}
