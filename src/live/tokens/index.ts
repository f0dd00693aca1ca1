// Chooses the token source from configuration (TC_TOKEN_SOURCE; `auto` probes IMDS first) and puts
// a cache in front of it: a token is reused until five minutes before it expires, as the IMDS
// guidance asks of callers, so a run does not hammer Entra or IMDS once per step.
import type { TokenSourceConfig } from '../../config.ts';
import type { LiveDispatcher } from '../http.ts';
import { azureCliToken } from './azure-cli.ts';
import { clientCredentialsToken } from './entra.ts';
import { requestGitHubIdToken } from './github-oidc.ts';
import { imdsAvailable, imdsToken } from './imds.ts';
import type { AccessToken, TokenRequest, TokenSource, TokenSourceKind } from './types.ts';

export type { AccessToken, TokenRequest, TokenSource, TokenSourceKind } from './types.ts';
export { TokenSourceError, scopeForResource } from './types.ts';

const REFRESH_MARGIN_MS = 5 * 60_000;

export async function createTokenSource(config: TokenSourceConfig, http: LiveDispatcher, now: () => number = Date.now): Promise<TokenSource> {
  return cached(await uncachedSource(config, http), now);
}

async function uncachedSource(config: TokenSourceConfig, http: LiveDispatcher): Promise<TokenSource> {
  switch (config.kind) {
    case 'imds':
      return { kind: 'imds', getToken: (req) => imdsToken(config, req, http.dispatcher) };
    case 'azure-cli':
      return { kind: 'azure-cli', getToken: (req) => azureCliToken(config, req) };
    case 'client-secret':
      return {
        kind: 'client-secret',
        getToken: (req) =>
          clientCredentialsToken({ ...config, resource: req.resource, credential: { kind: 'secret', secret: config.clientSecret }, dispatcher: http.dispatcher }),
      };
    case 'federated':
      return {
        kind: 'federated',
        // GitHub's token lives minutes: ask for a fresh one for every exchange.
        getToken: async (req) => {
          const assertion = await requestGitHubIdToken(config, http.dispatcher);
          return clientCredentialsToken({ ...config, resource: req.resource, credential: { kind: 'assertion', assertion }, dispatcher: http.dispatcher });
        },
      };
    case 'auto': {
      if (await imdsAvailable(config.imds, http.direct)) return uncachedSource({ kind: 'imds', ...config.imds }, http);
      if (config.federated) return uncachedSource({ kind: 'federated', ...config.federated }, http);
      if (config.clientSecret) return uncachedSource({ kind: 'client-secret', ...config.clientSecret }, http);
      return uncachedSource({ kind: 'azure-cli', ...config.azureCli }, http);
    }
  }
}

function cached(source: TokenSource, now: () => number): TokenSource {
  const tokens = new Map<string, Promise<AccessToken>>();
  return {
    kind: source.kind,
    async getToken(req: TokenRequest): Promise<AccessToken> {
      const key = `${req.resource}\n${req.clientId ?? ''}`;
      const hit = tokens.get(key);
      if (hit !== undefined) {
        const token = await hit.catch(() => undefined);
        if (token !== undefined && token.expiresOn.getTime() - REFRESH_MARGIN_MS > now()) return token;
      }
      const fresh = source.getToken(req);
      tokens.set(key, fresh);
      fresh.catch(() => tokens.delete(key));
      return fresh;
    },
  };
}

/** The report's words for a substituted IMDS step. */
export function substitutionNote(kind: TokenSourceKind, req: TokenRequest): string | undefined {
  const what: Record<Exclude<TokenSourceKind, 'imds'>, string> = {
    'azure-cli': 'a token from `az account get-access-token` (the signed-in Azure CLI account)',
    'client-secret': "a service principal's token from Entra (client credentials with a client secret)",
    federated: "a service principal's token from Entra (client assertion: GitHub Actions OIDC token)",
  };
  if (kind === 'imds') return undefined;
  const identity = req.clientId !== undefined ? ` The requested user-assigned identity ${req.clientId} cannot be selected off a VM.` : '';
  return `IMDS is not reachable off an Azure VM; this step's token for ${req.resource} is ${what[kind]}, not the VM's managed identity.${identity}`;
}
