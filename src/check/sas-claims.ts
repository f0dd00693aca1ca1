// The SAS a page shows after a listServiceSas/listAccountSas request, held to the request the run
// really sent: a field the body did not carry (st, spr, sip) cannot be in the token, and a field it
// did carry has the value sent. Values the run substituted (a placeholder, a variable) are the
// reader's, so only values the page wrote as they were sent are compared; presence and absence
// always are. The same facts as lint's example-sas-fields (src/reference/sas-fields.ts).
import type { Observation } from '../run/observation.ts';
import type { Difference } from './verdict.ts';
import { valueAt } from './issues.ts';
import { tryJson } from './produced.ts';
import { sasFieldMismatch, sasKeyMismatch, sasQueryFields, sasRequestOfBody } from '../reference/sas-fields.ts';

const TOKEN_KEYS = ['serviceSasToken', 'accountSasToken'];

/** The request as the page writes it: its URL and its body (placeholders still in it). */
export interface WrittenRequest {
  url: string;
  data: string;
}

export function sasClaims(written: WrittenRequest | undefined, obs: Observation, exampleJson: unknown): Difference[] {
  const token = TOKEN_KEYS.map((k) => valueAt(exampleJson, [k])).find((v): v is string => typeof v === 'string');
  if (token === undefined) return [];
  const sent = obs.exchanges.find((x) => x.request.method.toUpperCase() === 'POST' && /\/list(?:Service|Account)Sas\b/i.test(x.request.url))?.request;
  if (!sent || sent.bodyEncoding !== 'utf8') return [];
  const req = sasRequestOfBody(sent.url, tryJson(sent.body ?? ''));
  if (!req) return [];
  const asWritten = written ? sasRequestOfBody(written.url, tryJson(written.data)) : undefined;
  const out: Difference[] = [];
  for (const [field, shown] of sasQueryFields(token)) {
    const value = req.fields.get(field);
    const literal = value !== undefined && asWritten?.fields.get(field) === value;
    const message = sasFieldMismatch(req, field, shown, 'the request (as the run sent it)', literal);
    if (message === undefined) continue;
    out.push({ path: `claim:example.sas.${field}`, kind: 'claim', expected: value !== undefined ? `${field}=${value}` : `no ${field}`, actual: `${field}=${shown}`, message });
  }
  const key = sasKeyMismatch(req, sasQueryFields(token), 'the request (as the run sent it)');
  if (key !== undefined) out.push({ path: 'claim:example.sas.skoid', kind: 'claim', expected: 'no sk… fields', actual: 'skoid', message: key });
  return out;
}
