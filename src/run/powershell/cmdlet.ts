// The shape of one Azure PowerShell equivalent: the cmdlet's name, the parameters it reads (names,
// aliases, switches, positions, as the module declares them) and its REST calls; and how PowerShell
// binds the words written to those parameters (about_Parameters): a parameter's full name or alias,
// else a unique prefix of one; `-Switch`, `-Switch:$false`; positional values by position. What the
// cmdlet declares but the equivalent does not read stays `unsupported`, naming it (never a guess).
import type { UnsupportedReason } from '../../model.ts';
import type { StepContext } from '../context.ts';
import type { ObservedExchange } from '../observation.ts';
import type { PsData, PsVariables } from './values.ts';

export interface PsParameterSpec {
  name: string;
  aliases?: string[];
  /** A SwitchParameter: present or not, never followed by a value. */
  switch?: boolean;
  /** Bound from the n-th positional value. */
  position?: number;
}

export interface PsInvocation {
  /** Bound parameter values by the spec's name. */
  args: ReadonlyMap<string, PsData>;
  switches: ReadonlySet<string>;
  ctx: StepContext;
  vars: PsVariables;
}

/** What a cmdlet did: the objects it wrote to the pipeline, or its error as PowerShell shows it. */
export interface PsResult {
  output: PsData[];
  exchanges: ObservedExchange[];
  /** The error record's message (PowerShell prints "<Cmdlet>: <message>"); the statement failed. */
  error?: string;
  /** What the run did in the reader's place (a sign-in, a confirmation prompt answered yes). */
  substitution?: string;
  /** What Write-Host wrote to the console (not the pipeline). */
  host?: string;
  /** The equivalent cannot judge this invocation (a value it does not model): said, never guessed. */
  unsupported?: string;
  /** Why, when it is the target's limit rather than the language's (the emulator dropped the connection). */
  unsupportedReason?: UnsupportedReason;
}

export interface PsCmdletModule {
  name: string;
  parameters: PsParameterSpec[];
  run(inv: PsInvocation): Promise<PsResult>;
}

export const result = (output: PsData[], exchanges: ObservedExchange[] = [], extra: Partial<PsResult> = {}): PsResult => ({ output, exchanges, ...extra });

/** A parameter written (`-Name`, without its dash) found among the spec's: exact name or alias first, else one unique prefix. */
export function findParameter(written: string, specs: readonly PsParameterSpec[]): { spec: PsParameterSpec } | { ambiguous: string[] } | undefined {
  const w = written.toLowerCase();
  const names = (s: PsParameterSpec): string[] => [s.name, ...(s.aliases ?? [])].map((n) => n.toLowerCase());
  const exact = specs.find((s) => names(s).includes(w));
  if (exact) return { spec: exact };
  const prefixed = specs.filter((s) => names(s).some((n) => n.startsWith(w)));
  if (prefixed.length === 1) return { spec: prefixed[0] as PsParameterSpec };
  if (prefixed.length > 1) return { ambiguous: prefixed.map((s) => s.name) };
  return undefined;
}
