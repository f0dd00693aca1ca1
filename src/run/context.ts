// What every step executor receives: the connection, the run's working folder and shell variables,
// the step's bound values, where secrets go, and the CLI's credential. One object instead of a list
// of positional parameters, built once per step by the tutorial runner.
import type { Connector } from './http/connector.ts';
import type { ExecutionError, ObservedExchange, Observation } from './observation.ts';
import type { BoundValue } from './substitute.ts';
import type { CliCredential } from './target.ts';
import type { TokenCache } from './tokens.ts';
import type { PsVariables } from './powershell/values.ts';

/** Anything that learns secret values so they are redacted before printing or writing. */
export interface SecretSink {
  add(secret: string, label: string): void;
}

export interface StepContext {
  connector: Connector;
  /** Per-tutorial temporary folder: `echo > file`, `-T file`, `az … -f file` act here. */
  workdir: string;
  /** Shell variables assigned by earlier `var=$(…)` steps. */
  env: Map<string, string>;
  values: BoundValue[];
  /** Names bash expands in the step's text (`$name` elsewhere, e.g. in single quotes, is text). */
  expands: ReadonlySet<string>;
  /** Names the step's text expands as a whole unquoted word: their values are split at blanks into words. */
  splits?: ReadonlySet<string>;
  secrets: SecretSink;
  tokens: TokenCache;
  /** The signed-in CLI account (subscription, tenant, user) that az commands act as. */
  cliAccount: CliCredential['account'];
  /** Earlier observations of this tutorial, by step id (az steps read created resources from them). */
  earlier: ReadonlyMap<string, Observation>;
  /** The page's PowerShell variables (objects the cmdlets returned), shared by its PowerShell steps in page order. */
  psVariables?: PsVariables;
  /** The command's words were already expanded by bash (the shell engine's az shim): substitute nothing again. */
  expanded?: boolean;
  /**
   * The page installs an Azure CLI extension from a file or URL (`az extension add --source …`): it may
   * redefine commands the reference describes, so az's argument check is not certain (run/az/side-loaded.ts).
   */
  sideLoadedExtension?: string;
  /** The options the page's `az config set defaults.…` steps give a default, with the line of each (run/az/configured-defaults.ts). */
  configuredDefaults?: ReadonlyMap<string, number>;
}

/** The part of an Observation a step executor fills in; the runner adds id, times and bindings. */
export interface StepOutcome {
  engine: 'http' | 'shell';
  exchanges: ObservedExchange[];
  output?: { stdout: string; stderr: string; exitCode: number };
  files: { path: string; content: string }[];
  error?: ExecutionError;
  captured: Record<string, string>;
  substitution?: string;
}

export function outcome(partial: Partial<StepOutcome> & Pick<StepOutcome, 'engine'>): StepOutcome {
  return { exchanges: [], files: [], captured: {}, ...partial };
}
