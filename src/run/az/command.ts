// The shape of one az equivalent: its path, its options (for az's argument errors) and its REST calls.
import type { AzStep } from '../../model.ts';
import type { StepContext, StepOutcome } from '../context.ts';
import { outcome } from '../context.ts';
import type { OptionSpec } from './args.ts';

export interface AzInvocation {
  step: AzStep;
  args: Record<string, string>;
  flags: Set<string>;
  /** Each option's words as bash split them (`--tags "Cost Center"=x y=z`: two words). */
  lists: Record<string, string[]>;
  ctx: StepContext;
}

export interface AzCommandModule {
  path: readonly string[];
  options: OptionSpec[];
  /** az's own validator for the command (storage/_validators.py and the like): a usage message before any request, or undefined. */
  validate?(args: Readonly<Record<string, string>>, flags: ReadonlySet<string>): string | undefined;
  run(inv: AzInvocation): Promise<StepOutcome>;
  /**
   * az runs it with a data-plane client only (a storage or key vault data call, az rest): it never asks
   * the profile for --subscription, which then only gets az's "not recognized" warning (run/az/subscription.ts).
   */
  noManagementClient?: true;
}

/** What az prints on success. */
export function printed(stdout: string, extra: Partial<StepOutcome> = {}, stderr = ''): StepOutcome {
  return outcome({ engine: 'http', ...extra, output: { stdout, stderr, exitCode: 0 } });
}

/** az failed after calling the service: the exchanges are the evidence; exit status 1. */
export function failed(stderr: string, extra: Partial<StepOutcome> = {}): StepOutcome {
  return outcome({ engine: 'http', ...extra, output: { stdout: '', stderr: `${stderr}\n`, exitCode: 1 } });
}

/** An error az's own code raises before or between calls (CLIError, IncorrectUsageError): "ERROR: …", exit status 1. */
export function azError(message: string): StepOutcome {
  return outcome({ engine: 'http', output: { stdout: '', stderr: `ERROR: ${message}\n`, exitCode: 1 }, error: { kind: 'az-usage', message } });
}
