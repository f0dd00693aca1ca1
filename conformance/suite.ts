// The run as a vitest suite: one `describe` per tutorial (and, inside it, one per variant of a page
// with tabs or zone pivots, each run as its own path), one `it` per step, so vitest's reporters,
// `-t` filters and `--shard` select tutorials and steps as they select code tests. A tutorial is run
// once (in its describe's beforeAll) against the worker's emulator, reset to the scenario first; each test then states its step's
// verdict: fail fails, drift passes with an annotation, blocked/manual/skipped are skipped with why.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parseTutorialFile } from '../src/parse/index.ts';
import type { ReportStep } from '../src/report/schema.ts';
import { RunSecrets, runTutorials } from '../src/run/index.ts';
import { shortRaw } from '../src/run/progress.ts';
import { runPaths } from '../src/run/variants.ts';
import { acquireTarget, releaseTarget } from './shared-target.ts';

export function tutorialSuite(file: string): void {
  const tutorial = parseTutorialFile(file);
  const secrets = new RunSecrets();
  // By variant ('' for a page with one path), then by step id.
  const results = new Map<string, Map<string, ReportStep>>();
  describe(tutorial.file, () => {
    beforeAll(async () => {
      const target = await acquireTarget();
      const { report } = await runTutorials({ paths: [file], targetInstance: target, secrets });
      for (const t of report.tutorials) results.set(t.variant ?? '', new Map(t.steps.map((s) => [s.id, s])));
    }, 120_000);
    afterAll(() => {
      releaseTarget();
    });

    const paths = runPaths(tutorial);
    if (paths.length === 1) stepTests(tutorial.steps, '');
    else for (const path of paths) describe(`(${path.variant})`, () => stepTests(path.tutorial.steps, path.variant ?? ''));
  });

  function stepTests(steps: typeof tutorial.steps, variant: string): void {
    for (const step of steps) {
      it(`${step.id} L${step.source.startLine} ${step.kind}: ${shortRaw(step.raw)}`, async (ctx) => {
        const result = results.get(variant)?.get(step.id);
        if (!result) throw new Error(`${tutorial.file}:${step.source.startLine}: the run produced no verdict for ${step.id}`);
        const reason = secrets.redactor.redact(result.reason);
        switch (result.verdict) {
          case 'pass':
            return;
          case 'drift':
            await ctx.annotate(`drift: ${reason}`, 'warning');
            return;
          case 'fail':
            throw new Error(`${tutorial.file}:${result.line.start} ${result.failure ?? 'fail'}: ${reason}${result.suggestion ? `\nsuggestion: ${secrets.redactor.redact(result.suggestion)}` : ''}`);
          case 'unsupported':
            ctx.skip(`unsupported: ${reason}`);
            return;
          case 'blocked':
            ctx.skip(`blocked by ${result.blockedBy ?? 'an earlier step'}: ${reason}`);
            return;
          case 'manual':
          case 'skipped':
            ctx.skip(`${result.verdict}: ${reason}`);
            return;
          default: {
            const never: never = result.verdict;
            throw new Error(`unknown verdict ${String(never)}`);
          }
        }
      });
    }
  }
}
