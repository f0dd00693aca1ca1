// Runs a built curl request the way curl would: follow redirects with -L (re-sending the body on
// 307/308, switching to GET on 301/302/303 unless -X named a method), print headers with -i, then try
// every extra URL word, and end with the exit status of the last transfer.
import type { ExecutionError, ObservedExchange } from '../observation.ts';
import type { Connector } from '../http/connector.ts';
import { send, type OutgoingRequest } from '../http/send.ts';
import { withScheme, type CurlPlan } from './build.ts';
import { curlUrlWord } from './host.ts';

const MAX_REDIRECTS = 50; // curl's default --max-redirs

export interface CurlRun {
  exchanges: ObservedExchange[];
  stdout: string;
  stderr: string;
  exitCode: number;
  error?: ExecutionError;
  /** Body of the last response, for `| jq` and for captures. */
  lastBody?: Buffer;
}

/** curl's exit status and message for a transfer that produced no response. */
export function curlFailure(error: ExecutionError, url: string): { code: number; message: string } {
  let host = url;
  let port = '';
  try {
    const u = new URL(url);
    host = u.hostname;
    port = u.port || (u.protocol === 'https:' ? '443' : '80');
  } catch {
    return { code: 3, message: 'curl: (3) URL using bad/illegal format or missing URL' };
  }
  const text = error.message;
  if (error.kind === 'timeout') return { code: 28, message: `curl: (28) Connection timed out: ${text}` };
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return { code: 6, message: `curl: (6) Could not resolve host: ${host}` };
  if (/ECONNREFUSED/.test(text)) return { code: 7, message: `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server` };
  if (/CERT|certificate|SSL|TLS/i.test(text)) return { code: 60, message: `curl: (60) SSL certificate problem: ${text}` };
  if (/ECONNRESET|socket hang up|other side closed/i.test(text)) return { code: 56, message: 'curl: (56) Recv failure: Connection reset by peer' };
  return { code: 56, message: `curl: (56) Failure when receiving data from the peer: ${text}` };
}

/** A word as JSON, with the code points of any character outside printable ASCII ("\u00a0" is invisible in a report). */
function describeWord(word: string): string {
  const unusual = [...new Set([...word].filter((c) => !/[\x21-\x7e]/.test(c)))].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return unusual.length === 0 ? JSON.stringify(word) : `${JSON.stringify(word)} (${unusual.join(', ')})`;
}

function statusBlock(ex: ObservedExchange): string {
  const lines: string[] = [];
  for (const i of ex.interim) lines.push(`HTTP/1.1 ${i.status} ${i.statusText}`, '');
  const r = ex.response;
  if (r) {
    lines.push(`HTTP/${r.httpVersion} ${r.status} ${r.statusText}`);
    for (const [n, v] of r.headers) lines.push(`${n}: ${v}`);
    lines.push('');
  }
  return lines.map((l) => `${l}\n`).join('');
}

function redirectTarget(ex: ObservedExchange, base: string): string | undefined {
  const r = ex.response;
  if (!r || ![301, 302, 303, 307, 308].includes(r.status)) return undefined;
  const location = r.headers.find(([n]) => n.toLowerCase() === 'location')?.[1];
  if (!location) return undefined;
  try {
    return new URL(location, base).toString();
  } catch {
    return undefined;
  }
}

function nextHop(prev: OutgoingRequest, status: number, url: string, methodExplicit: boolean): OutgoingRequest {
  const host = new URL(url).host;
  const headers = prev.headers.map(([n, v]) => (n.toLowerCase() === 'host' ? ([n, host] as [string, string]) : ([n, v] as [string, string])));
  if ((status === 301 || status === 302 || status === 303) && !methodExplicit && prev.method !== 'GET' && prev.method !== 'HEAD') {
    const dropped = headers.filter(([n]) => !['content-length', 'content-type'].includes(n.toLowerCase()));
    return { method: 'GET', url, headers: dropped };
  }
  return { ...prev, url, headers };
}

export async function executeCurl(connector: Connector, plan: CurlPlan): Promise<CurlRun> {
  const exchanges: ObservedExchange[] = [];
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  let error: ExecutionError | undefined;
  let lastBody: Buffer | undefined;

  let request = plan.request;
  if (plan.prompt !== undefined) stderr += plan.prompt;
  if (plan.unresolvable !== undefined) {
    // No lookup finds the host: nothing is sent, and curl goes on with the further words.
    stderr += `${plan.unresolvable}\n`;
    exitCode = 6;
    error = { kind: 'network', message: plan.unresolvable };
  }
  for (let hop = 0; plan.unresolvable === undefined; hop++) {
    const result = await send(connector, request);
    exchanges.push(result.exchange);
    if (result.error && !result.exchange.response) {
      error = result.error;
      if (error.kind !== 'invalid-command') {
        const f = curlFailure(error, request.url);
        stderr += `${f.message}\n`;
        exitCode = f.code;
      }
      break;
    }
    if (result.error) error = result.error; // unsupported (not emulated): a response exists, the error says what it means
    if (plan.includeHeaders) stdout += statusBlock(result.exchange);
    const target = plan.followRedirects ? redirectTarget(result.exchange, request.url) : undefined;
    if (target === undefined || !result.exchange.response) {
      lastBody = result.bodyBytes;
      stdout += result.exchange.response?.body ?? '';
      break;
    }
    if (hop + 1 >= MAX_REDIRECTS) {
      stderr += `curl: (47) Maximum (${MAX_REDIRECTS}) redirects followed\n`;
      exitCode = 47;
      break;
    }
    request = nextHop(request, result.exchange.response.status, target, plan.methodExplicit);
  }

  // Each further word is another transfer; curl's status is that of the last one.
  for (const word of plan.extraUrls) {
    const url = withScheme(word);
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    // curl names the host it looked up: the written host as its IDN conversion maps it (host.ts).
    const asCurl = curlUrlWord(word);
    if (asCurl.kind === 'rejected') {
      stderr += `curl: (3) URL rejected: Bad hostname\n`;
      exitCode = 3;
      error ??= { kind: 'invalid-command', message: `curl treats the extra word ${describeWord(word)} as a URL and rejects it (exit 3)` };
      continue;
    }
    if (!parsed || parsed.hostname === '') {
      // curl takes it for a host (a lone no-break space is the host " "), but no name like it resolves.
      const message = `curl: (6) Could not resolve host: ${asCurl.lookup}`;
      stderr += `${message}\n`;
      exitCode = 6;
      error ??= { kind: 'invalid-command', message: `curl treats the extra word ${describeWord(word)} as a URL: ${message.replace(/^curl: /, '')} (exit 6)` };
      continue;
    }
    const protocol = parsed.protocol === 'https:' ? 'https:' : 'http:';
    const port = parsed.port ? Number(parsed.port) : protocol === 'https:' ? 443 : 80;
    const decision = connector.decide(parsed.hostname, port, protocol);
    if (decision.kind === 'refuse' && decision.outside === true) {
      error ??= { kind: 'unsupported', unsupported: 'not-emulated', message: `curl treats the extra word ${describeWord(word)} as a URL: ${decision.reason}` };
      continue;
    }
    if (decision.kind === 'refuse') {
      const f = curlFailure({ kind: 'network', message: decision.noSuchHost === false ? 'ECONNREFUSED' : 'ENOTFOUND' }, url);
      f.message = f.message.replace(`host: ${parsed.hostname}`, `host: ${asCurl.lookup}`);
      stderr += `${f.message}\n`;
      exitCode = f.code;
      error ??= { kind: 'invalid-command', message: `curl treats the extra word ${describeWord(word)} as a URL: ${f.message.replace(/^curl: /, '')} (exit ${f.code})` };
      continue;
    }
    const extra = await send(connector, { ...plan.request, url, headers: plan.request.headers.map(([n, v]) => [n, n.toLowerCase() === 'host' ? parsed.host : v]) });
    exchanges.push(extra.exchange);
    if (extra.exchange.response) {
      if (plan.includeHeaders) stdout += statusBlock(extra.exchange);
      stdout += extra.exchange.response.body;
      if (plan.unresolvable !== undefined && lastBody === undefined && extra.bodyBytes) lastBody = extra.bodyBytes;
      exitCode = 0;
    } else if (extra.error) {
      const f = curlFailure(extra.error, url);
      stderr += `${f.message}\n`;
      exitCode = f.code;
    }
  }
  // A first URL that did not resolve says nothing when a further word was answered (as curl, bash
  // and the shell engine see it: output, and curl's status of that last transfer).
  if (plan.unresolvable !== undefined && error?.message === plan.unresolvable && exchanges.some((x) => x.response)) error = undefined;
  return { exchanges, stdout, stderr, exitCode, ...(error ? { error } : {}), ...(lastBody ? { lastBody } : {}) };
}
