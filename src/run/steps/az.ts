// An `az` step: checked as az checks its arguments, then run as the REST calls az would make.
import type { AzStep } from '../../model.ts';
import type { StepContext, StepOutcome } from '../context.ts';
import { outcome } from '../context.ts';
import { parseArgs } from '../az/args.ts';
import { lookupAz } from '../az/index.ts';

function usage(message: string, exitCode = 2): StepOutcome {
  return outcome({ engine: 'http', output: { stdout: '', stderr: `ERROR: ${message}\n`, exitCode }, error: { kind: 'az-usage', message } });
}

export async function runAzStep(step: AzStep, ctx: StepContext): Promise<StepOutcome> {
  const found = lookupAz(step.az.path);
  if (found.kind === 'usage') return usage(found.message);
  if (found.kind === 'unmodelled') {
    return outcome({ engine: 'http', error: { kind: 'unsupported', unsupported: 'az-no-equivalent', message: `'${found.path}' is a real az command this tool has no REST equivalent for` } });
  }
  const args = parseArgs(step.az, found.module.options, ctx, { expand: ctx.expanded !== true });
  if (!args.ok) return usage(args.message);
  return found.module.run({ step, args: args.values, flags: args.flags, ctx });
}
