// Shared access signatures as pages show them (a token in an example, a URL with one) and as
// requests ask for them (the listServiceSas/listAccountSas body, az … generate-sas options), so an
// example can be held against the request that produced it. Field names: Azure Storage's
// "Create a service SAS" / "Create an account SAS" references.
import type { LintDocument } from './document.ts';
import { azOption, type AzView, type CurlView } from './commands.ts';
import { sasQueryParts, sasRequestOfBody, type SasRequest } from '../reference/sas-fields.ts';
import { isStorageSas } from '../reference/sas-validity.ts';

export type { SasRequest } from '../reference/sas-fields.ts';

/** One field of a SAS shown on a page, with where its name starts. */
export interface SasField {
  value: string;
  line: number;
  column: number;
}

// A query string: name=value pairs joined by "&" (a name starts a word: "restype=" is not "estype=").
const QUERY = /(?<![A-Za-z0-9_-])[A-Za-z]{2,7}=[^&\s"'<>]*(?:<[^>]*>[^&\s"'<>]*)*(?:&[A-Za-z]{2,7}=[^&\s"'<>]*(?:<[^>]*>[^&\s"'<>]*)*)+/g;
// A URL, placeholders in angle brackets allowed (https://<account>.blob.core.windows.net/<container>?…).
const URL_IN_TEXT = /https?:\/\/[^\s"'`<>()]*(?:<[^>]*>[^\s"'`<>()]*)*/g;

/** One query string of one line, as written. */
interface QueryMatch {
  fields: Map<string, SasField>;
  /** 0-based start and end of the query in the line. */
  start: number;
  end: number;
}

function queriesOf(raw: string, line: number): QueryMatch[] {
  // JSON written by PowerShell (ConvertTo-Json) escapes "&" as \u0026: read the token it stands for,
  // and map every offset back to the line as written.
  const at: number[] = [];
  let text = '';
  for (let i = 0; i < raw.length; ) {
    at.push(i);
    if (raw.startsWith('\\u0026', i)) {
      text += '&';
      i += 6;
    } else {
      text += raw[i];
      i++;
    }
  }
  at.push(raw.length);
  const out: QueryMatch[] = [];
  for (const m of text.matchAll(QUERY)) {
    const start = m.index ?? 0;
    const parts = sasQueryParts(m[0]);
    const fields = new Map<string, SasField>();
    parts.forEach((p, i) => {
      // The query's last value runs to the next space or quote: prose and Markdown glue "`", ")", "]", "|" and a full stop to it.
      const value = i === parts.length - 1 ? p.value.replace(/[`)\]|*\\].*$/s, '').replace(/[.,;:]+$/, '') : p.value;
      fields.set(p.name, { value, line, column: (at[start + p.offset] ?? 0) + 1 });
    });
    out.push({ fields, start: at[start] ?? 0, end: at[start + m[0].length] ?? raw.length });
  }
  return out;
}

/** The SAS tokens in one line of text: query strings with a signature or a version and permissions. */
export function sasTokensIn(text: string, line: number): Map<string, SasField>[] {
  return queriesOf(text, line)
    .map((q) => q.fields)
    .filter((fields) => fields.has('sig') || (fields.has('sv') && (fields.has('sp') || fields.has('se'))));
}

/** A SAS token of a page, wherever it is written (prose, a command, JSON, PowerShell, output). */
export interface PageSas {
  fields: Map<string, SasField>;
  /** The URL the token is appended to: its host and path segments. */
  url?: { host: string; segments: string[] };
  /** Cut by a line break or elided ("…", "..."): what it lacks is not known. */
  partial: boolean;
}

const FENCE = /^\s*(```|~~~)/;

/** Every Azure Storage SAS token written on the page, line by line, with the URL it belongs to. */
export function sasTokensOfPage(doc: LintDocument): PageSas[] {
  const out: PageSas[] = [];
  for (let n = 1; n <= doc.lineCount; n++) {
    const text = doc.line(n);
    for (const q of queriesOf(text, n)) {
      const plain = new Map([...q.fields].map(([k, v]) => [k, v.value] as const));
      if (!isStorageSas(plain)) continue;
      const after = text.slice(q.end);
      const before = text.slice(0, q.start);
      const next = n < doc.lineCount ? doc.line(n + 1) : '';
      const prev = n > 1 ? doc.line(n - 1) : '';
      // A token that runs to the end of the line and goes on in the next one, or a tail that starts a line.
      const cutAfter = (after.trim() === '' || after.startsWith('\\')) && /^\S/.test(next) && !FENCE.test(next);
      const cutBefore = before.trim() === '' && /\S$/.test(prev) && !FENCE.test(prev) && !/^[?&]/.test(text.trimStart()) && prev.trim() !== '';
      const elided = /\.\.\.|…/.test(text.slice(q.start, q.end + 4)) || /^\s*&/.test(after);
      // The field a line break cuts is not shown whole: its value is not judged either.
      const fields = new Map(q.fields);
      const names = [...fields.keys()];
      if (cutAfter) fields.delete(names[names.length - 1] ?? '');
      if (cutBefore) fields.delete(names[0] ?? '');
      out.push({ fields, ...urlOf(text, q.start), partial: cutAfter || cutBefore || elided });
    }
  }
  return out;
}

/** The URL a query at `start` belongs to: a URL of the line whose "?" comes before it, with nothing between but the query. */
function urlOf(text: string, start: number): { url?: { host: string; segments: string[] } } {
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const at = m.index ?? 0;
    const q = m[0].indexOf('?');
    if (q < 0 || at + q >= start || at + m[0].length < start) continue;
    const rest = m[0].slice(m[0].indexOf('//') + 2, q);
    const slash = rest.indexOf('/');
    const host = slash < 0 ? rest : rest.slice(0, slash);
    const segments = slash < 0 ? [] : rest.slice(slash + 1).split('/').filter(Boolean);
    return { url: { host, segments } };
  }
  return {};
}

/** A POST to …/listServiceSas or …/listAccountSas with its JSON body, as the page writes it. */
export function sasRequestOfCurl(curl: CurlView): SasRequest | undefined {
  const url = curl.urls[0]?.value ?? '';
  let body: unknown;
  for (const d of curl.data) {
    try {
      body = JSON.parse(d.value);
    } catch {
      // a body that is not JSON says nothing about the fields
    }
  }
  return sasRequestOfBody(url, body);
}

const AZ_NAMES: Record<string, string> = { st: '--start', se: '--expiry', sp: '--permissions', spr: '--https-only', sip: '--ip', ss: '--services', srt: '--resource-types' };

/** `az storage container|blob|account generate-sas`: the options that become SAS fields. */
export function sasRequestOfAz(az: AzView): SasRequest | undefined {
  const [group, kind, verb] = az.path;
  if (group !== 'storage' || verb !== 'generate-sas' || !kind) return undefined;
  const req: SasRequest = { fields: new Map(), names: AZ_NAMES, absent: new Set(), signedWith: azOption(az, '--as-user') ? 'user-delegation-key' : 'account-key' };
  for (const field of ['st', 'se', 'sp', 'sip', 'ss', 'srt']) {
    if ((field === 'ss' || field === 'srt') !== (kind === 'account')) continue;
    const o = azOption(az, AZ_NAMES[field]!);
    if (o?.value) req.fields.set(field, o.value.value);
    else if (!o) req.absent.add(field);
  }
  // --https-only is a flag: without it the SDK passes no protocol and the token has no spr.
  if (azOption(az, '--https-only')) req.fields.set('spr', 'https');
  else req.absent.add('spr');
  if (kind === 'container') req.fields.set('sr', 'c');
  if (kind === 'blob') req.fields.set('sr', 'b');
  return req;
}

/** Lines of the output shown after a command: its attached expectation, else the next block before the next command. */
export function outputLinesAfter(doc: LintDocument, endLine: number, attached: { startLine: number; endLine: number } | undefined, inFenceBlock: boolean): number[] {
  if (attached) return range(attached.startLine, attached.endLine);
  const next = doc.commandAfter(endLine);
  const stop = Math.min(next ? next.step.source.startLine - 1 : doc.lineCount, endLine + 30);
  const lines: number[] = [];
  let inFence = false;
  let from = endLine + 1;
  // the command's own block closes first
  if (inFenceBlock) while (from <= stop && !/^\s*(```|~~~)/.test(doc.line(from))) from++;
  if (inFenceBlock) from++;
  for (let n = from; n <= stop; n++) {
    const fence = /^\s*(```|~~~)/.test(doc.line(n));
    if (fence && inFence) break;
    if (fence) inFence = true;
    else if (inFence) lines.push(n);
  }
  return lines;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let n = a; n <= b; n++) out.push(n);
  return out;
}
