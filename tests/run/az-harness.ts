// One emulator target for a test file that runs az steps through runAzStep: the target, the run's
// secrets and token cache, a working folder, and the step and context builders the az tests share.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { EmulatorHandle } from '../../src/emulator/index.ts';
import type { AzStep } from '../../src/model.ts';
import { parseAz } from '../../src/parse/index.ts';
import type { StepContext, StepOutcome } from '../../src/run/context.ts';
import type { Observation } from '../../src/run/observation.ts';
import { RunSecrets } from '../../src/run/secrets.ts';
import { runAzStep } from '../../src/run/steps/az.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';
import type { Target } from '../../src/run/target.ts';
import { TokenCache } from '../../src/run/tokens.ts';

export interface AzHarness {
  readonly target: Target & { handle: EmulatorHandle };
  readonly secrets: RunSecrets;
  readonly tokens: TokenCache;
  readonly workdir: string;
  step(text: string): AzStep;
  ctx(opts?: { env?: Map<string, string>; earlier?: Map<string, Observation> }): StepContext;
  /** The step as written, run in a fresh context (or with the given environment). */
  run(text: string, env?: Map<string, string>): Promise<StepOutcome>;
}

/** Starts the emulator before the file's tests and stops it after; `prefix` names the working folder. */
export function azHarness(prefix: string): AzHarness {
  let target: (Target & { handle: EmulatorHandle }) | undefined;
  let tokens: TokenCache | undefined;
  const secrets = new RunSecrets();
  const workdir = mkdtempSync(join(os.tmpdir(), prefix));
  beforeAll(async () => {
    target = await startEmulatorTarget();
    tokens = new TokenCache(target.cli, secrets);
  });
  afterAll(async () => {
    await target?.close();
    rmSync(workdir, { recursive: true, force: true });
  });
  const started = (): { target: Target & { handle: EmulatorHandle }; tokens: TokenCache } => {
    if (!target || !tokens) throw new Error('the emulator starts in beforeAll');
    return { target, tokens };
  };
  const h: AzHarness = {
    get target() {
      return started().target;
    },
    secrets,
    get tokens() {
      return started().tokens;
    },
    workdir,
    step: (text) => ({ kind: 'az', id: 's1', source: { file: 't.md', startLine: 1, endLine: 1 }, raw: text, section: '', marks: [], placeholders: [], az: parseAz(text) }),
    ctx: (opts = {}) => {
      const s = started();
      return { connector: s.target.connector, workdir, env: opts.env ?? new Map(), values: [], expands: new Set(), secrets, tokens: s.tokens, cliAccount: s.target.cli.account, earlier: opts.earlier ?? new Map() };
    },
    run: (text, env) => runAzStep(h.step(text), h.ctx(env ? { env } : {})),
  };
  return h;
}
