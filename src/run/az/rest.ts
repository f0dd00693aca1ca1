// `az rest`, as azure-cli-core's util.py send_raw_request and the rest command do it: the method
// (GET by default), the URL (a path gets Resource Manager's endpoint in front; `{subscriptionId}` is
// the signed-in subscription), the body (`@file` read from the working folder — a file that is not
// there is the reader's own work this run does not do: unsupported; JSON gets Content-Type
// application/json unless --headers sets one), --headers (JSON or KEY=VALUE words), and a bearer token
// for --resource or the resource derived from the URL (Resource Manager, Microsoft Graph; otherwise az
// warns it cannot derive one and sends none). A status of 400 or more is az's
// "ERROR: <reason>(<body>)", exit status 1; a JSON answer is printed as az prints JSON, any other text
// as is, after az's warning.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { send } from '../http/send.ts';
import { ARM, ARM_RESOURCE, AZ_USER_AGENT, azJson, requote } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { azError, failed, printed } from './command.ts';
import { CliTokenError } from '../tokens.ts';
import { outcome } from '../context.ts';
import type { ObservedExchange } from '../observation.ts';

const GRAPH = 'https://graph.microsoft.com';
/** The cloud endpoints az derives a token resource from, and that resource. */
const DERIVED: readonly [string, string][] = [[ARM, ARM_RESOURCE], [GRAPH, `${GRAPH}/`]];
const NO_RESOURCE_WARNING = "WARNING: Can't derive appropriate Azure AD resource from --url to acquire an access token. If access token is required, use --resource to specify the resource\n";

function parseHeaders(words: readonly string[] | undefined): Record<string, string> | string {
  const headers: Record<string, string> = {};
  for (const word of words ?? []) {
    const trimmed = word.trim();
    if (trimmed.startsWith('{')) {
      try {
        Object.assign(headers, JSON.parse(trimmed) as Record<string, string>);
        continue;
      } catch {
        return `--headers ${word} is neither JSON nor KEY=VALUE`;
      }
    }
    const eq = trimmed.indexOf('=');
    if (eq < 0) return `--headers ${word} is neither JSON nor KEY=VALUE`;
    headers[trimmed.slice(0, eq)] = trimmed.slice(eq + 1);
  }
  return headers;
}

export const rest: AzCommandModule = {
  path: ['rest'],
  noManagementClient: true,
  options: [
    { dest: 'url', names: ['--uri', '--url', '-u'], required: true },
    { dest: 'method', names: ['--method', '-m'] },
    { dest: 'body', names: ['--body', '-b'] },
    { dest: 'headers', names: ['--headers'] },
    { dest: 'resource', names: ['--resource'] },
    { dest: 'skip-authorization-header', names: ['--skip-authorization-header'], flag: true },
  ],
  async run({ args, lists, flags, ctx }) {
    const method = (args.method ?? 'get').toUpperCase();
    let url = (args.url ?? '').replace(/\{subscriptionId\}/g, ctx.cliAccount.subscriptionId);
    if (!/^https?:\/\//i.test(url)) url = `${ARM}${url.startsWith('/') ? '' : '/'}${url}`;
    const headers = parseHeaders(lists.headers);
    if (typeof headers === 'string') return azError(headers);
    let body: Buffer | undefined;
    if (args.body !== undefined) {
      const file = args.body.startsWith('@') ? args.body.slice(1) : undefined;
      try {
        body = file !== undefined ? await readFile(isAbsolute(file) ? file : join(ctx.workdir, file)) : Buffer.from(args.body, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return azError(String(err));
        // A body file is the reader's own work (made by hand from what an earlier step printed, or by a
        // step that did not run here): its absence from the run's folder says nothing about the page.
        const message = `the file '${file}' that --body reads is not in the run's working folder: the page has the reader make it (by hand, or in a step that did not run here), which this run does not do, so the call is not judged (az without it: "[Errno 2] No such file or directory: '${file}'")`;
        return outcome({ engine: 'http', error: { kind: 'unsupported', unsupported: 'not-emulated', message } });
      }
      const hasType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
      if (!hasType) {
        try {
          JSON.parse(body.toString('utf8'));
          headers['Content-Type'] = 'application/json';
        } catch {
          // not JSON: az sends it without a Content-Type
        }
      }
    }

    const exchanges: ObservedExchange[] = [];
    let stderr = '';
    const hasAuth = Object.keys(headers).some((h) => h.toLowerCase() === 'authorization');
    if (!flags.has('skip-authorization-header') && !hasAuth) {
      const resource = args.resource ?? DERIVED.find(([endpoint]) => url.toLowerCase().startsWith(endpoint.toLowerCase()))?.[1];
      if (resource === undefined) stderr += NO_RESOURCE_WARNING;
      else {
        try {
          const got = await ctx.tokens.get(resource);
          if (got.fresh) exchanges.push(...got.token.exchanges);
          headers.Authorization = `Bearer ${got.token.token}`;
        } catch (err) {
          if (err instanceof CliTokenError) return failed(`ERROR: ${err.message}`);
          throw err;
        }
      }
    }
    const target = requote(url);
    const sent: [string, string][] = [['Host', new URL(target).host], ['User-Agent', AZ_USER_AGENT], ['x-ms-client-request-id', randomUUID()], ['CommandName', 'rest'], ...Object.entries(headers)];
    if (body !== undefined) sent.push(['Content-Length', String(body.length)]);
    else if (method !== 'GET' && method !== 'HEAD') sent.push(['Content-Length', '0']);
    const result = await send(ctx.connector, { method, url: target, headers: sent, ...(body !== undefined ? { body } : {}) });
    exchanges.push(result.exchange);
    const response = result.exchange.response;
    if (result.error || !response) return failed(`${stderr}ERROR: ${result.error?.message ?? 'no response'}`, { exchanges, ...(result.error ? { error: result.error } : {}) });
    const text = response.body ?? '';
    if (response.status >= 400) return failed(`${stderr}ERROR: ${response.statusText}${text ? `(${text})` : ''}`, { exchanges });
    if (text === '') return printed('', { exchanges }, stderr);
    try {
      return printed(azJson(JSON.parse(text)), { exchanges }, stderr);
    } catch {
      return printed(`${text}\n`, { exchanges }, `${stderr}WARNING: Not a json response, outputting to stdout. For binary data suggest use "--output-file" to write to a file\n`);
    }
  },
};
