// Where a run's requests go. The emulator target and (from issue 7) the live Azure target both hand
// the runner one connector (an undici Agent plus its routing), the values placeholders bind to, the
// secrets known before any step runs, and the credential `az` commands use.
import type { Connector } from './http/connector.ts';
import type { ObservedExchange } from './observation.ts';
import type { Role } from '../world/roles.ts';
import type { World } from '../world/types.ts';

export interface CliToken {
  token: string;
  expiresOn: Date;
  /** Requests made to get it (the Entra token call), recorded as the step's evidence. */
  exchanges: ObservedExchange[];
  /** For the report: how the token was obtained when that differs from what az itself would do. */
  note?: string;
}

/** The signed-in reader of the tutorials: what `az login` leaves behind. */
export interface CliCredential {
  /** Display name and tenant of the account, for `az login`'s printed subscription list. */
  /** `objectId`: the account's object id, when the target knows it (az keyvault create's creator policy). */
  account: { subscriptionId: string; subscriptionName: string; tenantId: string; user: string; userType: 'user' | 'servicePrincipal'; objectId?: string };
  getToken(resource: string): Promise<CliToken>;
}

/** What a reset to a World could not provide: steps that use these names are blocked, not judged. */
export interface ResetOutcome {
  unavailable: { name: string; why: string }[];
  /** The World could not be provided at all: every step of the tutorial is blocked with this reason. */
  failed?: string;
}

export interface Target {
  name: 'emulator' | 'azure';
  connector: Connector;
  /** Placeholder key → value (scenario `values`, or `.env`). */
  values: Readonly<Record<string, string>>;
  /** What the target answers for a role no capture, sidecar or --set fills (`vault` → its vault's name). */
  roleValues: Readonly<Partial<Record<Role, string>>>;
  /** Secrets known now (account keys, client secrets, secret values), each with a label; a reset to a World may add some. */
  knownSecrets: { value: string; label: string }[];
  cli: CliCredential;
  /**
   * What the target said during the run and its teardown (live: the run id, what was provisioned,
   * notes on substitutions, retries, what teardown could not delete), for the report; lines printed
   * on stderr too. After close().
   */
  notes?(): readonly string[];
  /**
   * Back to the starting state before the next tutorial; with a World, the target's own state plus
   * what that World provides (the emulator seeds it, the live target provisions it).
   */
  reset(world?: World): Promise<ResetOutcome | void>;
  /**
   * Whether a request to this host can be answered for what it is (the emulator: one of its services
   * models it). Absent: the target reaches every host (live Azure).
   */
  serves?(host: string, port: number): boolean;
  close(): Promise<void>;
}
