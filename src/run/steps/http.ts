// An `http` step: the page's curl command, built and sent as curl would, recorded as evidence.
import type { HttpStep } from '../../model.ts';
import type { StepContext, StepOutcome } from '../context.ts';
import { outcome } from '../context.ts';
import { buildCurl, CurlInputError } from '../curl/build.ts';
import { executeCurl } from '../curl/execute.ts';
import { substitutionOf } from '../../live/substitution.ts';
import { runRequestStep } from './request.ts';

export async function runHttpStep(step: HttpStep, ctx: StepContext): Promise<StepOutcome> {
  if (step.request) return runRequestStep(step, ctx);
  let plan;
  try {
    plan = await buildCurl(step.curl, ctx, ctx.workdir);
  } catch (err) {
    if (err instanceof CurlInputError) {
      const code = /\((\d+)\)/.exec(err.message)?.[1];
      return outcome({ engine: 'http', output: { stdout: '', stderr: `${err.message}\n`, exitCode: code ? Number(code) : 26 }, error: { kind: 'invalid-command', message: err.message } });
    }
    throw err;
  }
  const run = await executeCurl(ctx.connector, plan);
  const substitution = substitutionOf(run.exchanges);
  return outcome({
    engine: 'http',
    exchanges: run.exchanges,
    ...(substitution !== undefined ? { substitution } : {}),
    output: { stdout: run.stdout, stderr: run.stderr, exitCode: run.exitCode },
    ...(run.error ? { error: run.error } : {}),
  });
}
