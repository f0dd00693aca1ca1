// The contract between the emulator's router and its services. Each service is one module under
// emulator/services/ that exports a `Service`; the router picks it by the request's Host and runs it.
import type { AzuriteProcess } from './azurite-process.ts';
import type { IncomingHttpHeaders } from 'node:http';
import type { JWTPayload } from 'jose';

/** A request as the service sees it: body fully read, URL absolute with the Host the client sent. */
export interface EmulatorRequest {
  method: string;
  /** Absolute URL built from the listener's scheme, the Host header, and the raw request target. */
  url: URL;
  /** The request target exactly as sent (path and query, undecoded). */
  rawTarget: string;
  headers: IncomingHttpHeaders;
  /** Header names and values in the order received, as Node gives them. */
  rawHeaders: string[];
  body: Buffer;
  /** True when it came over the HTTPS listener (or a CONNECT tunnel to it). */
  secure: boolean;
  /** Host header lower-cased, without the port. */
  host: string;
  /** Request id the emulator assigned; services echo it in x-ms-request-id and error texts. */
  requestId: string;
}

export interface EmulatorResponse {
  status: number;
  /** Reason phrase; Storage puts its error message here, as Azure does. */
  statusText?: string;
  headers: Record<string, string | string[]>;
  body?: Buffer | string;
  /** Destroy the socket instead of answering (fault injection). */
  reset?: boolean;
}

/** Claims the emulator puts into managed-identity tokens (v1 access tokens, as IMDS issues). */
export interface TokenClaims extends JWTPayload {
  aud: string;
  iss: string;
  appid: string;
  oid: string;
  sub: string;
  tid: string;
  idtyp: 'app' | 'user';
  xms_mirid?: string;
  ver: '1.0';
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  /** `missing-claim`: correctly signed, but without a claim every Entra access token carries (`claim` names it). */
  | { ok: false; reason: 'missing' | 'malformed' | 'bad-signature' | 'expired' | 'not-yet-valid' | 'missing-claim'; detail: string; expiredAt?: Date; claim?: RequiredClaim };

/** Claims every Entra access token carries and every service relies on. */
export const REQUIRED_CLAIMS = ['exp', 'aud', 'iss', 'tid', 'oid'] as const;
export type RequiredClaim = (typeof REQUIRED_CLAIMS)[number];

export interface TokenAuthority {
  /** Issue an RS256 token for a principal and a resource string (the `aud`, byte for byte). */
  issue(input: {
    principalId: string;
    clientId: string;
    resource: string;
    miResourceId?: string;
    idtyp?: 'app' | 'user';
    lifetimeSeconds?: number;
    /** Issue as of this instant instead of now (tests of expiry; default: the emulator clock). */
    issuedAt?: Date;
  }): Promise<{ token: string; claims: TokenClaims }>;
  /** Verify signature, time claims and that the claims of REQUIRED_CLAIMS are there; audience and tenant are each service's own rule. */
  verify(token: string): Promise<TokenCheck>;
  /** PEM of the signing key's public half and its JWKS, for /discovery/keys. */
  jwks(): { keys: Record<string, unknown>[] };
}

/** The answer of the RBAC engine for one action at one scope. */
export interface RbacDecision {
  allowed: boolean;
  /** Roles that matched, for evidence. */
  matchedRoles: string[];
}

export interface Rbac {
  /** `action` is a control-plane action (e.g. "Microsoft.Storage/storageAccounts/listkeys/action"). */
  checkAction(principalId: string, action: string, scope: string): RbacDecision;
  /** `dataAction` is a data-plane action (e.g. "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read"). */
  checkDataAction(principalId: string, dataAction: string, scope: string): RbacDecision;
  /** Is the action granted at `scope` or at any scope below it (what a filtered list needs to answer at all)? */
  grantedWithin(principalId: string, action: string, scope: string): boolean;
  /** Does the principal hold any role assignment at, above or below `scope` (what makes a subscription visible)? */
  hasAnyAssignment(principalId: string, scope: string): boolean;
}

/** Everything a service may use. State is per emulator instance; nothing is global. */
export interface ServiceContext {
  state: import('./state.ts').EmulatorState;
  tokens: TokenAuthority;
  rbac: Rbac;
  now(): Date;
}

/** What a service's start sees: the state, and processes spawned for this boot ahead of time. */
export interface StartContext {
  state: import('./state.ts').EmulatorState;
  /** An Azurite child spawned before the emulator loaded (see azurite-process.ts), for the Blob service to claim. */
  azurite?: AzuriteProcess;
}

export interface Service {
  name: string;
  /** Does this service answer for the Host (lower-cased, no port)? */
  matchHost(host: string, port: number | undefined): boolean;
  /**
   * For hosts named after a resource (<account>.blob…, <vault>.vault…): does the name exist now?
   * One that does not fails like a DNS name that does not resolve, never with an HTTP answer.
   */
  resolves?(host: string, state: import('./state.ts').EmulatorState): boolean;
  handle(req: EmulatorRequest, ctx: ServiceContext): Promise<EmulatorResponse>;
  /**
   * For services with a backing process or listener (Azurite). Called first in a boot, before the
   * keys, certificates and listeners exist, so it sees only the state; it should not wait for the
   * process to be ready (requests wait for it).
   */
  start?(ctx: StartContext): Promise<void>;
  /** Back to the scenario after the core has reset `ctx.state` (Azurite re-seeded, for instance). */
  reset?(ctx: ServiceContext): Promise<void>;
  /** Stop what `start(ctx)` started for that instance; without ctx, everything this service started. */
  stop?(ctx?: Pick<ServiceContext, 'state'>): Promise<void>;
}
