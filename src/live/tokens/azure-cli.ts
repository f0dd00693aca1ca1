// The Azure CLI as a token source, for a developer's machine: `az account get-access-token
// --resource <r> -o json` through execa (no shell). The token is read from stdout and never shown;
// on failure only az's first stderr line is repeated.
import { execa } from 'execa';
import { z } from 'zod';
import type { AzureCliConfig } from '../../config.ts';
import { TokenSourceError, type AccessToken, type TokenRequest } from './types.ts';

const CliToken = z.object({
  accessToken: z.string().min(1),
  // CLI 2.54+ adds expires_on (epoch seconds); older ones only have expiresOn in local time.
  expires_on: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  expiresOn: z.string().optional(),
});

export async function azureCliToken(config: AzureCliConfig, req: TokenRequest, opts: { timeoutMs?: number } = {}): Promise<AccessToken> {
  const args = ['account', 'get-access-token', '--resource', req.resource, '--tenant', config.tenantId, '-o', 'json'];
  let stdout: string;
  try {
    const result = await execa(config.command, args, { timeout: opts.timeoutMs ?? 60_000, stdin: 'ignore', stripFinalNewline: true });
    stdout = result.stdout;
  } catch (err) {
    const e = err as { code?: string; stderr?: string; exitCode?: number; timedOut?: boolean };
    if (e.code === 'ENOENT') throw new TokenSourceError('azure-cli', `'${config.command}' was not found; install the Azure CLI or set TC_AZ_COMMAND or another TC_TOKEN_SOURCE`, { cause: err });
    if (e.timedOut === true) throw new TokenSourceError('azure-cli', `'${config.command} account get-access-token' did not finish in time`, { cause: err });
    const line = (e.stderr ?? '').split(/\r?\n/).find((l) => l.trim() !== '') ?? `exit code ${e.exitCode ?? '?'}`;
    throw new TokenSourceError('azure-cli', `az account get-access-token failed: ${line.slice(0, 300)}; run 'az login' (tenant ${config.tenantId})`, { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw new TokenSourceError('azure-cli', 'az account get-access-token printed no JSON; is TC_AZ_COMMAND the Azure CLI?');
  }
  const parsed = CliToken.safeParse(json);
  if (!parsed.success) throw new TokenSourceError('azure-cli', 'az account get-access-token printed JSON without accessToken');
  const expiresOn = expiry(parsed.data);
  if (expiresOn === undefined) throw new TokenSourceError('azure-cli', 'az account get-access-token printed no usable expiry (expires_on or expiresOn)');
  return { accessToken: parsed.data.accessToken, expiresOn, source: 'azure-cli' };
}

function expiry(token: z.infer<typeof CliToken>): Date | undefined {
  if (token.expires_on !== undefined) return new Date(token.expires_on * 1000);
  if (token.expiresOn === undefined) return undefined;
  // "2026-11-22 23:59:59.000000", local time of the machine az ran on.
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(token.expiresOn.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return new Date(y, mo - 1, d, h, mi, s);
}
