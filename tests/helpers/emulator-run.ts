// One emulator target for a test file that runs pages written on the fly: the target starts in
// beforeAll and is closed in afterAll together with the temporary folder the pages are written to
// (the helper stops what it starts). Each page runs alone against that target, the run's World reset
// in between as the runner does it.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { EmulatorHandle } from '../../src/emulator/index.ts';
import type { Report } from '../../src/report/schema.ts';
import { runTutorials, type RunOptions } from '../../src/run/index.ts';
import type { Target } from '../../src/run/target.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';

type ReportTutorial = Report['tutorials'][number];
/** What a page's run may choose besides the page and the target: the engine, the run's secrets… */
export type PageRunOptions = Omit<RunOptions, 'paths' | 'targetInstance' | 'startedTarget'>;

export interface EmulatorRun {
  /** The started target (throws before beforeAll has run). */
  readonly target: Target & { handle: EmulatorHandle };
  /** The folder pages are written to; removed in afterAll. */
  readonly dir: string;
  /** Writes `text` as `name` in `dir`, runs it alone and returns its tutorial of the report. */
  page(name: string, text: string, options?: PageRunOptions): Promise<ReportTutorial>;
}

/** Registers beforeAll/afterAll in the calling file or describe block. */
export function emulatorRun(prefix: string): EmulatorRun {
  const dir = mkdtempSync(join(tmpdir(), `tc-${prefix}-`));
  let target: (Target & { handle: EmulatorHandle }) | undefined;
  beforeAll(async () => {
    target = await startEmulatorTarget();
  }, 120_000);
  afterAll(async () => {
    try {
      await target?.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  const started = (): Target & { handle: EmulatorHandle } => {
    if (target === undefined) throw new Error('the emulator starts in beforeAll: use the target inside a test or a hook');
    return target;
  };
  return {
    get target() {
      return started();
    },
    dir,
    async page(name, text, options = {}) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const { report } = await runTutorials({ ...options, paths: [file], targetInstance: started() });
      const t = report.tutorials[0];
      if (t === undefined) throw new Error(`no tutorial in the report of ${name}`);
      return t;
    },
  };
}

export interface ExcerptRun {
  /** The report of the one run of all the excerpts (throws before beforeAll has run). */
  readonly report: Report;
  /** The first step, in any variant of `file`, whose raw text starts with `raw`; throws when there is none. */
  stepAt(file: string, raw: string): Report['tutorials'][number]['steps'][number];
}

/**
 * Real-page excerpts (tests/lint/fixtures/real, by their fixture names) copied under the names their pages
 * have and run together once against one emulator target, for a sweep's run-level regressions.
 */
export function excerptRun(prefix: string, excerpts: Readonly<Record<string, string>>): ExcerptRun {
  const fixtures = join(import.meta.dirname, '..', 'lint', 'fixtures', 'real');
  // emulatorRun's hooks start the target first and remove the folder last.
  const run = emulatorRun(prefix);
  let report: Report | undefined;
  beforeAll(async () => {
    for (const [fixture, name] of Object.entries(excerpts)) copyFileSync(join(fixtures, fixture), join(run.dir, name));
    ({ report } = await runTutorials({ paths: [run.dir], targetInstance: run.target }));
  }, 120_000);
  const ran = (): Report => {
    if (report === undefined) throw new Error('the excerpts run in beforeAll: read the report inside a test');
    return report;
  };
  return {
    get report() {
      return ran();
    },
    stepAt(file, raw) {
      const step = ran().tutorials.filter((t) => t.file.endsWith(file)).flatMap((t) => t.steps).find((s) => s.raw.startsWith(raw));
      if (!step) throw new Error(`${file} has no step ${raw}`);
      return step;
    },
  };
}
