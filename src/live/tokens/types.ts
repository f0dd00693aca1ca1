// The contract between the live target and wherever its tokens come from. The runner asks for a
// token for a resource (as an IMDS step would) and gets one, plus which source produced it, so the
// report can say that the IMDS call was substituted and by what.

export type TokenSourceKind = 'imds' | 'azure-cli' | 'client-secret' | 'federated';

export interface TokenRequest {
  /** The resource string exactly as the step asks for it ("https://management.azure.com/"). */
  resource: string;
  /** A user-assigned identity's client id; only the real IMDS can honour it. */
  clientId?: string;
}

export interface AccessToken {
  accessToken: string;
  expiresOn: Date;
  source: TokenSourceKind;
}

export interface TokenSource {
  readonly kind: TokenSourceKind;
  getToken(request: TokenRequest): Promise<AccessToken>;
}

/** A token could not be obtained: says which source, what happened, and which setting to look at. */
export class TokenSourceError extends Error {
  readonly source: TokenSourceKind;
  readonly status: number | undefined;
  constructor(source: TokenSourceKind, message: string, opts: { status?: number; cause?: unknown } = {}) {
    super(`token source ${source}: ${message}`, { cause: opts.cause });
    this.name = 'TokenSourceError';
    this.source = source;
    this.status = opts.status;
  }
}

/** Entra v2 scope for a v1 resource string: the resource followed by "/.default", as Microsoft documents. */
export function scopeForResource(resource: string): string {
  return `${resource.replace(/\/\.default$/, '')}/.default`;
}
