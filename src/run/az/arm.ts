// Resource Manager calls as the Azure CLI makes them: bearer token from the CLI's cached login, JSON
// bodies, the CLI's headers, and the URL quoted the way Python's requests quotes it (a space in a
// --scope becomes %20; the scope itself is not otherwise rewritten).
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StepContext } from '../context.ts';
import type { ObservedExchange } from '../observation.ts';
import { send, type SendResult } from '../http/send.ts';
import type { StepOutcome } from '../context.ts';
import { failed, printed } from './command.ts';
import { formatJson } from '../../reference/az-output.ts';

export const ARM = 'https://management.azure.com';
export const ARM_RESOURCE = 'https://management.core.windows.net/';
/** The CLI release whose api-versions and output shapes these equivalents follow. */
export const AZ_USER_AGENT = 'AZURECLI/2.67.0 (DEB) azsdk-python-core/1.31.0 Python/3.12.3 (Linux-6.8.0-azure-x86_64-with-glibc2.39)';

/** requests.utils.requote_uri: percent-encode what is not allowed in a URL, keep existing escapes. */
export function requote(url: string): string {
  return url.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!#$%&'()*+,/:;=?@[\]]/gu, (ch) =>
    [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** Who makes the calls, as its headers say: az (the default) or Azure PowerShell's cmdlet. */
export interface ArmClient {
  userAgent: string;
  commandName: string;
  /** Extra headers the client sends on every call (Azure PowerShell: ParameterSetName). */
  headers?: [string, string][];
}

const AZ_CLIENT: ArmClient = { userAgent: AZ_USER_AGENT, commandName: 'az' };

export interface ArmCall {
  result: SendResult;
  json: unknown;
  ok: boolean;
}

export class ArmSession {
  readonly exchanges: ObservedExchange[] = [];
  readonly #ctx: StepContext;
  readonly #client: ArmClient;
  tokenNote: string | undefined;

  constructor(ctx: StepContext, client: ArmClient = AZ_CLIENT) {
    this.#ctx = ctx;
    this.#client = client;
  }

  async call(method: string, pathAndQuery: string, body?: unknown): Promise<ArmCall> {
    return this.callService(method, `${ARM}${pathAndQuery}`, ARM_RESOURCE, body);
  }

  /** A call to any service the CLI reaches with its own token for `resource` (Key Vault's data plane: https://vault.azure.net). */
  async callService(method: string, absoluteUrl: string, resource: string, body?: unknown): Promise<ArmCall> {
    const { token, fresh } = await this.#ctx.tokens.get(resource);
    if (fresh) {
      this.exchanges.push(...token.exchanges);
      if (token.note) this.tokenNote = token.note;
    }
    const url = requote(absoluteUrl);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
    const headers: [string, string][] = [
      ['Host', new URL(url).host],
      ['User-Agent', this.#client.userAgent],
      ['Accept', 'application/json'],
      ['x-ms-client-request-id', randomUUID()],
      ['CommandName', this.#client.commandName],
      ...(this.#client.headers ?? []),
      ['Authorization', `Bearer ${token.token}`],
    ];
    if (payload) headers.push(['Content-Type', 'application/json'], ['Content-Length', String(payload.length)]);
    else if (method !== 'GET' && method !== 'HEAD') headers.push(['Content-Length', '0']);
    const result = await send(this.#ctx.connector, { method, url, headers, ...(payload ? { body: payload } : {}) });
    this.exchanges.push(result.exchange);
    const response = result.exchange.response;
    return { result, json: response?.json, ok: response !== undefined && response.status >= 200 && response.status < 300 && !result.error };
  }
}

/** How az prints an ARM error: "(Code) Message" then "Code:"/"Message:" lines, exit status 1. */
export function armErrorText(call: ArmCall): string {
  const response = call.result.exchange.response;
  if (!response) return `ERROR: ${call.result.error?.message ?? 'no response'}`;
  const err = (call.json as { error?: { code?: string; message?: string } } | undefined)?.error;
  const inner = (err as { innererror?: { code?: string } } | undefined)?.innererror;
  const innerText = inner?.code ? `\nInner error: {\n    "code": "${inner.code}"\n}` : '';
  if (err?.code) return `ERROR: (${err.code}) ${err.message ?? ''}\nCode: ${err.code}\nMessage: ${err.message ?? ''}${innerText}`;
  return `ERROR: Operation returned an invalid status '${response.statusText || response.status}'${response.body ? `\nContent: ${response.body}` : ''}`;
}

/**
 * What az prints for a result: knack's format_json (reference/az-output.ts, the one implementation lint
 * uses too) — keys sorted by code point at every level (`expiresOn` before `expires_on`).
 */
export function azJson(value: unknown): string {
  return formatJson(value);
}

/** The outcome of a failed call: az's error text, the exchanges as evidence. */
export function callFailed(session: ArmSession, call: ArmCall): StepOutcome {
  return failed(armErrorText(call), { exchanges: session.exchanges, ...(call.result.error ? { error: call.result.error } : {}) });
}

/** What az prints, with the exchanges and the token note. */
export function callPrinted(session: ArmSession, stdout: string, note?: string): StepOutcome {
  const notes = [note, session.tokenNote].filter((n): n is string => n !== undefined);
  return printed(stdout, { exchanges: session.exchanges, ...(notes.length > 0 ? { substitution: notes.join(' ') } : {}) });
}

/**
 * Follow a long-running operation's Location as az's poller does (Retry-After honoured, at most 5 s a
 * wait here) until it stops answering 202; the last call (its body is the result, if any) or the failed one.
 */
export async function pollLro(session: ArmSession, first: ArmCall): Promise<ArmCall> {
  let last = first;
  const header = (call: ArmCall, name: string): string | undefined => call.result.exchange.response?.headers.find(([k]) => k.toLowerCase() === name)?.[1];
  const location = header(first, 'location') ?? header(first, 'azure-asyncoperation');
  if (location === undefined || first.result.exchange.response?.status !== 202) return first;
  const path = location.replace(/^https:\/\/[^/]+/i, '');
  for (let i = 0; i < MAX_POLLS; i++) {
    const after = Number(header(last, 'retry-after') ?? '0');
    await sleep(Math.min(Number.isFinite(after) ? after : 0, 5) * 1000);
    last = await session.call('GET', path);
    if (!last.ok || last.result.exchange.response?.status !== 202) return last;
  }
  return last;
}
const MAX_POLLS = 60;

/** The resource group name inside an ARM id, as az's transform adds `resourceGroup`. */
export function resourceGroupOf(id: string): string | undefined {
  return /\/resourcegroups\/([^/]+)/i.exec(id)?.[1];
}
