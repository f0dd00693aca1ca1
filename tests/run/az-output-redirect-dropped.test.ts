// defect: `az group list > groups.json` ran through the http engine's REST equivalent and the redirect
// was dropped: no file was written for the steps that read it, and az's output was shown although bash
// sends it to the file. The http engine now says the step is a shell construct it does not model;
// `> /dev/null` keeps nothing and still runs. Emulator for real.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTutorials } from '../../src/run/index.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';
import type { Target } from '../../src/run/target.ts';
import { parseTutorialText } from '../../src/parse/index.ts';

const PAGE = [
  '# List groups',
  '',
  '```azurecli',
  'az group create --name myResourceGroup --location eastus',
  '```',
  '',
  '```azurecli',
  'az group list > groups.json',
  '```',
  '',
  '```azurecli',
  'az group show --name myResourceGroup > /dev/null',
  '```',
  '',
  '```azurecli',
  'az group show --name myResourceGroup --query </subscriptions/x>',
  '```',
  '',
].join('\n');

const dir = mkdtempSync(join(os.tmpdir(), 'tc-az-redirect-'));
let target: Target;
beforeAll(async () => {
  target = await startEmulatorTarget();
}, 120_000);
afterAll(async () => {
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an az command whose output bash writes to a file', () => {
  it('is a shell construct for the http engine, saying where the output goes; > /dev/null still runs', async () => {
    const file = join(dir, 'redirect.md');
    writeFileSync(file, PAGE);
    const steps = parseTutorialText(PAGE, file).steps;
    // A `>` with nothing after it is bash's syntax error, not a file: that step fails as written.
    expect(steps.map((s) => s.shellConstruct)).toEqual([undefined, 'a redirection of the output to groups.json (> groups.json)', undefined, undefined]);
    const { report } = await runTutorials({ paths: [file], targetInstance: target });
    const t = report.tutorials[0]!;
    expect(t.steps.map((s) => `${s.id} ${s.verdict}`)).toEqual(['s1 pass', 's2 unsupported', 's3 pass', 's4 fail']);
    expect(t.steps[1]?.unsupported).toBe('shell-construct');
    expect(t.steps[1]?.reason).toMatch(/groups\.json/);
  }, 120_000);
});
