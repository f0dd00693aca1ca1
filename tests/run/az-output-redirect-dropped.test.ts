// defect: `az group list > groups.json` ran through the http engine's REST equivalent and the redirect
// was dropped: no file was written for the steps that read it, and az's output was shown although bash
// sends it to the file. The http engine now says the step is a shell construct it does not model;
// `> /dev/null` keeps nothing and still runs. Emulator for real.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { emulatorRun } from '../helpers/emulator-run.ts';

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

const emulator = emulatorRun('az-redirect');

describe('an az command whose output bash writes to a file', () => {
  it('is a shell construct for the http engine, saying where the output goes; > /dev/null still runs', async () => {
    const steps = parseTutorialText(PAGE, join(emulator.dir, 'redirect.md')).steps;
    // A `>` with nothing after it is bash's syntax error, not a file: that step fails as written.
    expect(steps.map((s) => s.shellConstruct)).toEqual([undefined, 'a redirection of the output to groups.json (> groups.json)', undefined, undefined]);
    const t = await emulator.page('redirect.md', PAGE);
    expect(t.steps.map((s) => `${s.id} ${s.verdict}`)).toEqual(['s1 pass', 's2 unsupported', 's3 pass', 's4 fail']);
    expect(t.steps[1]?.unsupported).toBe('shell-construct');
    expect(t.steps[1]?.reason).toMatch(/groups\.json/);
  }, 120_000);
});
