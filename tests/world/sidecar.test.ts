// The author's word: `<page>.conformance.yaml` and a folder's `conformance.yaml` give values by role or
// placeholder, skip steps and mark expected failures (addressed by a snippet of the step's text); a
// sidecar that does not validate blocks that tutorial only, naming the file and the field.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTutorials } from '../../src/run/index.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';
import { exitCodeFor } from '../../src/report/exit-code.ts';
import type { Target } from '../../src/run/target.ts';
import type { Report, ReportTutorial } from '../../src/report/schema.ts';

const fence = (text: string): string => `\`\`\`azurecli\n${text}\n\`\`\`\n`;
// Creates a vault and stores a secret without granting a data role: the secret steps get 403 on Azure.
const PAGE = [
  '# A vault of your own\n',
  fence('az group create --name sideGroup --location eastus'),
  fence('az keyvault create --name <vault-name> --resource-group sideGroup --location eastus'),
  fence('az keyvault secret set --vault-name <vault-name> --name s1 --value one'),
  fence('az keyvault secret show --vault-name <vault-name> --name s1'),
].join('\n');

let target: Target & { close(): Promise<void> };
let dir: string;
let report: Report;
beforeAll(async () => {
  target = await startEmulatorTarget();
  dir = mkdtempSync(join(tmpdir(), 'tc-sidecar-'));
  writeFileSync(join(dir, 'a-plain.md'), PAGE);
  writeFileSync(join(dir, 'b-bad.md'), PAGE);
  writeFileSync(join(dir, 'b-bad.conformance.yaml'), 'steps:\n  - match: az keyvault secret set\n    expect: pass\n    reason: known\n');
  mkdirSync(join(dir, 'team'));
  // The folder's file gives the vault's name; the page's own file (nearer) wins for it and adds the step entries.
  writeFileSync(join(dir, 'team', 'conformance.yaml'), 'values:\n  role:vault: folder-vault\n  role:location: westus\n');
  writeFileSync(join(dir, 'team', 'c-known.md'), PAGE);
  writeFileSync(
    join(dir, 'team', 'c-known.conformance.yaml'),
    [
      'values:',
      '  role:vault: page-vault',
      'steps:',
      '  - match: az keyvault secret set',
      '    expect: fail',
      '    reason: the page grants no Key Vault data role (docs bug 1234)',
      '  - match: secret show --vault-name',
      '    skip: reads what the failing step would have stored',
      '',
    ].join('\n'),
  );
  ({ report } = await runTutorials({ paths: [dir], targetInstance: target }));
}, 180_000);
afterAll(async () => {
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

const byName = (name: string): ReportTutorial => {
  const t = report.tutorials.find((x) => x.file.endsWith(name));
  if (!t) throw new Error(`${name} is not in the report`);
  return t;
};

describe('sidecar', () => {
  it('a bad sidecar blocks its tutorial with the file and field named; the others run', () => {
    const bad = byName('b-bad.md');
    expect(bad.steps.every((s) => s.verdict === 'blocked')).toBe(true);
    expect(bad.steps[0]!.reason).toMatch(/b-bad\.conformance\.yaml: steps\.0\.expect/);
    expect(bad.problems).toContainEqual(expect.objectContaining({ code: 'E_SIDECAR', message: expect.stringMatching(/b-bad\.conformance\.yaml: steps\.0\.expect/) }));
    // The page without a sidecar ran: created its group and vault, then Azure's 403 on the secret.
    expect(byName('a-plain.md').steps.map((s) => s.verdict).slice(0, 3)).toEqual(['pass', 'pass', 'fail']);
  });

  it('values by role from the nearer file, an expected failure that stays fail with its reason and does not fail the run, a skip with its reason', () => {
    const known = byName('c-known.md');
    expect(known.steps.map((s) => s.verdict)).toEqual(['pass', 'pass', 'fail', 'skipped']);
    expect(known.steps[1]!.request?.url).toMatch(/\/vaults\/page-vault\?/);
    expect(known.steps[2]).toMatchObject({ verdict: 'fail', expectedFailure: expect.stringMatching(/grants no Key Vault data role \(docs bug 1234\)/) });
    expect(known.steps[2]!.reason).toMatch(/ForbiddenByRbac/);
    expect(known.steps[3]!.reason).toMatch(/reads what the failing step would have stored/);
    // Only the expected failure would have failed this page's run.
    expect(exitCodeFor({ ...report, tutorials: [known] })).toBe(0);
  });
});
