// Tokens for the CLI's own calls, cached per resource for the run as az and the SDKs do: the first
// az command that needs ARM pays for the token (and records that exchange), later ones reuse it. The
// tutorial's explicit IMDS curl steps never go through here: each of those is sent.
import type { CliCredential, CliToken } from './target.ts';
import type { SecretSink } from './context.ts';

const REFRESH_MARGIN_MS = 5 * 60_000;

/** The CLI's credential could not produce a token: az would print this and exit 1. */
export class CliTokenError extends Error {
  constructor(resource: string, cause: unknown) {
    super(`could not get a token for ${resource} as the signed-in CLI account: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'CliTokenError';
  }
}

export class TokenCache {
  readonly #cli: CliCredential;
  readonly #secrets: SecretSink;
  readonly #tokens = new Map<string, Promise<CliToken>>();

  constructor(cli: CliCredential, secrets: SecretSink) {
    this.#cli = cli;
    this.#secrets = secrets;
  }

  /** A token for `resource`; `fresh` is true when this call fetched it (its exchanges are new evidence). */
  async get(resource: string): Promise<{ token: CliToken; fresh: boolean }> {
    const hit = this.#tokens.get(resource);
    if (hit) {
      const token = await hit.catch(() => undefined);
      if (token && token.expiresOn.getTime() - REFRESH_MARGIN_MS > Date.now()) return { token, fresh: false };
    }
    const pending = this.#cli.getToken(resource).then(
      (t) => {
        this.#secrets.add(t.token, `az CLI token for ${resource}`);
        return t;
      },
      (err: unknown) => {
        throw new CliTokenError(resource, err);
      },
    );
    this.#tokens.set(resource, pending);
    pending.catch(() => this.#tokens.delete(resource));
    return { token: await pending, fresh: true };
  }

  /** A new token even if one is cached (`az login` signs in again), kept for later calls. */
  async refresh(resource: string): Promise<CliToken> {
    this.#tokens.delete(resource);
    return (await this.get(resource)).token;
  }

  clear(): void {
    this.#tokens.clear();
  }
}
