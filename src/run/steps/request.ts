// An HTTP request a REST page writes as the protocol writes it (parse/request.ts), sent as a REST
// client signed in as the CLI account sends it: the URL encoded as clients encode it (a space in an
// OData $filter becomes %20), a bearer token for the service the host belongs to when the page shows
// no Authorization header (REST pages leave signing in to the reader; the World lists that as an
// assumption), `Content-Type: application/json` for a JSON body the page gives without one, and the
// Content-Length of the body sent (the page's own Content-Length line is not sent).
// A host whose audience the tool does not know, with no credentials on the page, is `unsupported`:
// sending it unsigned would only measure the tool's guess.
import type { HttpStep } from '../../model.ts';
import type { StepContext, StepOutcome } from '../context.ts';
import { outcome } from '../context.ts';
import { ARM_RESOURCE, requote } from '../az/arm.ts';
import { KEYVAULT_RESOURCE } from '../az/keyvault-secret.ts';
import { buildCurl, CurlInputError } from '../curl/build.ts';
import { executeCurl } from '../curl/execute.ts';
import { substitute } from '../substitute.ts';

/** The token audience of a host a request line names, when the tool knows it. */
export function requestAudience(url: string): string | undefined {
  const host = /^https?:\/\/([^/?#:]+)/i.exec(url)?.[1]?.toLowerCase();
  if (host === undefined) return undefined;
  if (host === 'management.azure.com') return ARM_RESOURCE;
  if (host.endsWith('.vault.azure.net')) return KEYVAULT_RESOURCE;
  return undefined;
}

const has = (step: HttpStep, name: string): boolean => step.curl.headers.some((h) => h.name.toLowerCase() === name);

export async function runRequestStep(step: HttpStep, ctx: StepContext): Promise<StepOutcome> {
  const url = substitute(step.curl.url, ctx);
  const audience = requestAudience(url);
  const signed = has(step, 'authorization') || /[?&]sig=/.test(url);
  if (audience === undefined && !signed) {
    const message = `the page writes this ${step.curl.method} request without credentials, and the tool does not know how a reader signs in to ${/^https?:\/\/([^/?#]+)/i.exec(url)?.[1] ?? url} (it adds a bearer token for Azure Resource Manager and Key Vault only)`;
    return outcome({ engine: 'http', error: { kind: 'unsupported', unsupported: 'not-emulated', message } });
  }
  // Content-Length frames the body the client sends, and every client computes it from that body; the
  // page's line is its transcript of the length of its own body, which a substituted placeholder, a line
  // ending or a miscount changes. Sent as written it made the tool's client refuse the request
  // ("Request body length does not match content-length header": azure-security-docs @1c4310be
  // key-vault/general/rest-error-codes.md, Content-Length: 31 over a 30-byte body), a fail no reader meets.
  const headers = step.curl.headers.filter((h) => h.name.toLowerCase() !== 'content-length');
  if (audience !== undefined && !signed) {
    // The run's credential, as az's cached login is: its token request is no exchange of this step.
    const { token } = await ctx.tokens.get(audience);
    headers.push({ name: 'Authorization', value: `Bearer ${token.token}`, raw: `Authorization: Bearer ${token.token}` });
  }
  const body = step.curl.data.map((d) => d.value).join('');
  if (body !== '' && !has(step, 'content-type') && /^\s*[{[]/.test(body)) headers.push({ name: 'Content-Type', value: 'application/json', raw: 'Content-Type: application/json' });
  let plan;
  try {
    plan = await buildCurl({ ...step.curl, headers }, ctx, ctx.workdir);
  } catch (err) {
    if (err instanceof CurlInputError) return outcome({ engine: 'http', output: { stdout: '', stderr: `${err.message}\n`, exitCode: 3 }, error: { kind: 'invalid-command', message: err.message } });
    throw err;
  }
  plan.request.url = requote(plan.request.url);
  const run = await executeCurl(ctx.connector, plan);
  return outcome({
    engine: 'http',
    exchanges: run.exchanges,
    output: { stdout: run.stdout, stderr: run.stderr, exitCode: run.exitCode },
    ...(run.error ? { error: run.error } : {}),
  });
}
