// Shared access signatures as pages show them (a token in an example, a URL with one) and as
// requests ask for them (the listServiceSas/listAccountSas body, az … generate-sas options), so an
// example can be held against the request that produced it. Field names: Azure Storage's
// "Create a service SAS" / "Create an account SAS" references.
import type { LintDocument } from './document.ts';
import { azOption, type AzView, type CurlView } from './commands.ts';
import { sasQueryParts, sasRequestOfBody, type SasRequest } from '../reference/sas-fields.ts';

export type { SasRequest } from '../reference/sas-fields.ts';

/** One field of a SAS shown on a page, with where its name starts. */
export interface SasField {
  value: string;
  line: number;
  column: number;
}

const QUERY = /[A-Za-z]{2,6}=[^&\s"'<>]*(?:<[^>]*>[^&\s"'<>]*)*(?:&[A-Za-z]{2,6}=[^&\s"'<>]*(?:<[^>]*>[^&\s"'<>]*)*)+/g;

/** The SAS tokens in one line of text: query strings with a signature or a version and permissions. */
export function sasTokensIn(text: string, line: number): Map<string, SasField>[] {
  const out: Map<string, SasField>[] = [];
  for (const m of text.matchAll(QUERY)) {
    const at = m.index ?? 0;
    const fields = new Map(sasQueryParts(m[0]).map((p) => [p.name, { value: p.value, line, column: at + p.offset + 1 }] as const));
    if (fields.has('sig') || (fields.has('sv') && (fields.has('sp') || fields.has('se')))) out.push(fields);
  }
  return out;
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
