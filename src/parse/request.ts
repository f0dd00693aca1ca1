// HTTP requests written as the protocol writes them, as REST how-to pages show them in an ```http
// (or ```rest, or unlabelled) block: a request line `METHOD target [HTTP/x.y]`, header lines, a blank
// line and a body. No shell reads such a block, so it is not tokenized: the step is the request,
// kept in the model as the curl command that sends it (one way to send a request), with `request`
// saying how the page wrote it. Learn's REST pages put a PUT's body in the ```json block right after
// the request's own ("Start with the following request and body:"); that block is the body, not the
// response (takeRequestBody).
import type { CharMark, Expectation, HttpStep } from '../model.ts';
import { finish, registerStep } from './commands.ts';
import { blockLanguage } from './language.ts';
import { jsonExpectation } from './json-expectation.ts';
import { F_STATUS } from './lines.ts';
import { marksInLine } from './marks.ts';
import { findCommandPlaceholders, uniqueKeys } from './placeholders.ts';
import { Role, type ScanState } from './scan-state.ts';
import type { Fence } from './structure.ts';

/**
 * `METHOD SP request-target [SP HTTP-version]` (RFC 9112 §3). The target runs to the version or the
 * line's end: pages write OData filters with literal spaces (`$filter=roleName eq 'Reader'`), which
 * a REST client encodes and lint reports (url-literal-space).
 */
const REQUEST_LINE = /^(GET|PUT|POST|PATCH|DELETE|HEAD|OPTIONS)[ \t]+((?:https?:\/\/|\/)\S.*?)(?:[ \t]+(HTTP\/\d(?:\.\d)?))?[ \t]*$/;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/;
const WRITES = new Set(['PUT', 'POST', 'PATCH']);

interface RequestLine {
  method: string;
  target: string;
  version?: string;
}

export function requestLineOf(content: string): RequestLine | undefined {
  const m = REQUEST_LINE.exec(content.trim());
  if (!m) return undefined;
  return { method: m[1]!, target: m[2]!, ...(m[3] !== undefined ? { version: m[3] } : {}) };
}

/** A block a REST page writes a request in: ```http, ```rest, ```HTTP, or one with no language (```none). */
export function requestFence(fence: Fence): boolean {
  const info = fence.info.trim();
  return info === '' || /^none$/i.test(info) || blockLanguage(info) === 'http';
}

/** Whether line `i` (in a request fence) starts a request the parser reads (an origin-form target needs a Host line). */
export function isRequestStart(st: ScanState, i: number): boolean {
  const line = requestLineOf(st.content(i));
  if (!line) return false;
  if (!line.target.startsWith('/')) return true;
  // Only the header lines right below are read (a run of request lines costs one look each).
  for (let k = i + 1; k < st.n && !st.isBlankAt(k) && !st.isBoundary(k); k++) {
    const h = HEADER_LINE.exec(st.content(k).trim());
    if (!h) return false;
    if (h[1]!.toLowerCase() === 'host') return true;
  }
  return false;
}

/** Reads the request starting at line i (isRequestStart): request line, headers, and a body in the same block. */
export function readRequest(st: ScanState, i: number, to: number, fence: Fence): number {
  const line = requestLineOf(st.content(i))!;
  const headers: { name: string; value: string; raw: string }[] = [];
  let k = i + 1;
  for (; k < to && !st.isBlankAt(k); k++) {
    const h = HEADER_LINE.exec(st.content(k).trim());
    if (!h) break;
    headers.push({ name: h[1]!, value: h[2]!, raw: `${h[1]!}: ${h[2]!}` });
  }
  let last = k - 1;
  // The body: after the blank line (or straight after the headers, as some pages write it), up to a
  // response shown in the same block, the next request, or the block's end.
  let b = k;
  while (b < to && st.isBlankAt(b)) b++;
  const bodyStarts = b < to && !isRequestStart(st, b) && !st.has(b, F_STATUS) && (b > k || /^[{[<]/.test(st.content(b).trim()));
  let body: string | undefined;
  let bodyEnd: number | undefined;
  if (bodyStarts) {
    let e = b;
    for (let m = b; m < to; m++) {
      if (st.has(m, F_STATUS) || (m > b && st.isBlankAt(m - 1) && isRequestStart(st, m))) break;
      if (!st.isBlankAt(m)) e = m;
    }
    body = st.rawOf(b, e);
    bodyEnd = e;
    last = e;
  }
  const raw = st.rawOf(i, last);
  const host = headers.find((h) => h.name.toLowerCase() === 'host')?.value;
  const url = line.target.startsWith('/') ? `https://${host ?? ''}${line.target}` : line.target;
  const marks: CharMark[] = [];
  for (let n = i; n <= last; n++) marks.push(...marksInLine(st.lines[n]!, n + 1));
  const argv = ['-X', line.method, url, ...headers.flatMap((h) => ['-H', h.raw]), ...(body !== undefined ? ['--data-binary', body] : [])];
  const step = finish(
    // A request line is no shell text: `$filter` in it is OData, not a variable; only written placeholders are values to supply.
    { id: '', source: { file: st.file, startLine: i + 1, endLine: last + 1 }, raw, section: st.section, marks, placeholders: uniqueKeys(findCommandPlaceholders(raw)), fence: fence.info },
    {
      kind: 'http',
      curl: {
        method: line.method,
        methodExplicit: true,
        url,
        headers,
        data: body !== undefined ? [{ flag: '--data-binary', value: body }] : [],
        followRedirects: false,
        includeHeaders: false,
        get: false,
        silent: false,
        extraUrls: [],
        unknownFlags: [],
        argv,
      },
    },
  ) as HttpStep;
  step.request = line.version !== undefined ? { httpVersion: line.version } : {};
  // A JSON body written in the request's own block is the page's JSON as much as one in a block of
  // its own (takeRequestBody): the rules read it as an example (a trailing comma is a 400 there too).
  if (body !== undefined && bodyEnd !== undefined && /^[{[]/.test(body.trimStart())) {
    const exp = jsonExpectation(st.lines.slice(b, bodyEnd + 1), { file: st.file, startLine: b + 1, endLine: bodyEnd + 1 });
    exp.language = blockLanguage(fence.info);
    st.examples.push({ source: exp.source, json: exp });
    step.request = { ...step.request, bodySource: exp.source };
  }
  registerStep(st, i, last, step);
  st.awaitingBody = body === undefined && WRITES.has(line.method) ? { step, after: fence.close } : undefined;
  return last + 1;
}

/** Prose between a request and its body block that names the body ("Request body:"). */
const BODY_LEADIN = /\b(?:request )?body\b/i;

/**
 * JSON at lines first..last is the body of the request waiting for one when its block comes right
 * after the request's block (blank lines, or prose naming the body, between): the request
 * carries it, its placeholders are the request's, and the step still awaits its response.
 */
export function takeRequestBody(st: ScanState, exp: Expectation, first: number, last: number): boolean {
  const waiting = st.awaitingBody;
  if (waiting === undefined || exp.kind !== 'json') return false;
  let open = first - 1;
  while (open > waiting.after && st.isBlankAt(open)) open--;
  const fence = st.struct.fences.get(open);
  if (!fence || fence.close < last) return false;
  // Prose may stand between when one of its paragraphs names the body ("With a request body like:";
  // "In the request body, provide a link to your template…" then a note on `mode`, as
  // azure-resource-manager/templates/deploy-rest.md writes it); anything else ends the wait.
  const between = st.recentProse.filter((p) => p.start > waiting.after && p.end < open);
  const namesBody = between.some((p) => BODY_LEADIN.test(st.paragraphText(p.start, p.end)));
  for (let k = waiting.after + 1; k < open; k++) {
    if (st.isBlankAt(k)) continue;
    if (namesBody && between.some((p) => k >= p.start && k <= p.end)) continue;
    return false;
  }
  const { step } = waiting;
  st.awaitingBody = undefined;
  step.curl.data = [{ flag: '--data-binary', value: exp.text }];
  step.curl.argv.push('--data-binary', exp.text);
  step.request = { ...step.request, bodySource: exp.source };
  step.placeholders = [...new Set([...step.placeholders, ...uniqueKeys(findCommandPlaceholders(exp.text))])];
  st.examples.push({ source: exp.source, json: exp });
  for (let k = first; k <= last; k++) {
    st.role[k] = Role.Example;
    st.lineStep[k] = step;
  }
  st.leadIn = undefined;
  if (st.recentProse.length > 0) st.recentProse = [];
  st.pending = step;
  return true;
}
