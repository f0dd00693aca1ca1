// The plan on the real tutorials: every command placeholder bound (target, --set or capture), the
// dependencies the pages imply, and an unbound placeholder stopping the run with file, line and the
// --set to add.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/tutorials/scenario.ts';
import { parseTutorialFile } from '../../src/parse/index.ts';
import { buildPlan, type Plan } from '../../src/plan/index.ts';
import { tutorialsDir } from '../../src/tutorials/manifest.ts';
import { readdirSync } from 'node:fs';

const values = defaultScenario().values;
const files = readdirSync(tutorialsDir).filter((f) => f.endsWith('.md')).sort();
const plan = (file: string, extra: { sets?: Record<string, string>; grep?: string; values?: Record<string, string> } = {}): Plan =>
  buildPlan(parseTutorialFile(join(tutorialsDir, file)), { targetValues: extra.values ?? values, targetName: 'emulator', sets: extra.sets ?? {}, ...(extra.grep ? { grep: extra.grep } : {}) });

function step(p: Plan, line: number) {
  const s = p.steps.find((x) => x.step.source.startLine === line);
  if (!s) throw new Error(`no step at line ${line} in ${p.tutorial.file}`);
  return s;
}

describe('plan on the twelve tutorials', () => {
  it.each(files)('%s: every command placeholder has a source', (file) => {
    const p = plan(file);
    for (const s of p.steps) {
      if (s.step.kind === 'manual') {
        expect(s.mode.kind).toBe('manual');
        continue;
      }
      expect(s.bindings.map((b) => b.key).sort()).toEqual([...s.step.placeholders].sort());
    }
  });

  it('binds the ARM call of 000-arm-system-assigned to the token step and the scenario', () => {
    const p = plan('000-arm-system-assigned.md');
    const call = step(p, 71);
    const token = call.bindings.find((b) => b.key === 'ACCESS_TOKEN');
    expect(token?.source).toMatchObject({ kind: 'capture', producer: step(p, 45).step.id, path: expect.stringMatching(/access_token/) });
    expect(token?.spellings).toContain('<ACCESS-TOKEN>');
    expect(call.bindings.find((b) => b.key === 'SUBSCRIPTION_ID')?.source).toEqual({ kind: 'target', value: values.SUBSCRIPTION_ID, target: 'emulator' });
    expect(call.dependsOn.map((d) => d.stepId)).toEqual([step(p, 45).step.id]);
  });

  it('chains the access-key tutorial: token → listKeys → upload (also needs the file) → download (needs the blob)', () => {
    const p = plan('000-storage-access-key.md');
    const [token, keys, echo, upload, download] = [68, 90, 102, 106, 120].map((l) => step(p, l));
    expect(keys?.dependsOn.map((d) => d.stepId)).toEqual([token?.step.id]);
    expect(upload?.bindings.find((b) => b.key === 'STORAGE_ACCOUNT_KEY')?.source).toMatchObject({ kind: 'capture', producer: keys?.step.id });
    expect(upload?.dependsOn).toEqual(expect.arrayContaining([expect.objectContaining({ stepId: echo?.step.id, reason: 'file' }), expect.objectContaining({ stepId: keys?.step.id, reason: 'capture' })]));
    expect(download?.dependsOn).toEqual(expect.arrayContaining([expect.objectContaining({ stepId: upload?.step.id, reason: 'blob' })]));
  });

  it('binds identity create outputs to later az and curl steps (003-arm-user-assigned)', () => {
    const p = plan('003-arm-user-assigned.md');
    const create = step(p, 29).step.id;
    expect(step(p, 52).dependsOn.some((d) => d.stepId === create)).toBe(true);
    const assignee = step(p, 60).bindings.find((b) => b.key === 'UAMI_PRINCIPALID');
    expect(assignee?.source).toMatchObject({ kind: 'capture', producer: create });
    expect(step(p, 92).bindings.find((b) => b.key === 'UAMI_CLIENT_ID')?.source).toMatchObject({ kind: 'capture', producer: create });
  });

  it('links $access_token to the shell assignment that sets it (000-storage)', () => {
    const p = plan('000-storage.md');
    const assign = step(p, 97).step.id;
    expect(step(p, 100).dependsOn).toEqual(expect.arrayContaining([expect.objectContaining({ stepId: assign, reason: 'shell-variable' })]));
  });

  it('needs no value for placeholders that appear only in prose or example JSON (<SUBSCRIPTON ID>)', () => {
    const p = plan('000-arm-user-assigned.md', { values: { ...values } });
    expect(p.tutorial.placeholders.some((ph) => ph.key.startsWith('SUBSCRIPTON'))).toBe(true);
    expect(p.steps.flatMap((s) => s.bindings.map((b) => b.key))).not.toContain('SUBSCRIPTON_ID');
  });

  it('lets --set win over the target and over a capture', () => {
    const p = plan('000-arm-system-assigned.md', { sets: { 'resource group': 'other-rg', ACCESS_TOKEN: 'given-token' } });
    const call = step(p, 71);
    expect(call.bindings.find((b) => b.key === 'RESOURCE_GROUP')?.source).toEqual({ kind: 'set', value: 'other-rg' });
    expect(call.bindings.find((b) => b.key === 'ACCESS_TOKEN')?.source).toEqual({ kind: 'set', value: 'given-token' });
    expect(call.dependsOn).toEqual([]);
  });

  it('--grep selects steps and keeps what they need; the rest is skipped', () => {
    const p = plan('000-storage-access-key.md', { grep: 'blob download' });
    const modes = Object.fromEntries(p.steps.map((s) => [s.step.source.startLine, s.mode.kind]));
    expect(modes[120]).toBe('execute');
    expect(modes[106]).toBe('execute'); // the upload it downloads
    expect(modes[90]).toBe('execute'); // listKeys, for the key
    expect(modes[68]).toBe('execute'); // the token, for listKeys
    expect(modes[14]).toBe('manual');
  });
});

describe('defect: one unbound placeholder stopped the whole run (exit 2, no report)', () => {
  it('blocks only the steps that need it, naming the file, the line, the placeholder and the --set to add', () => {
    const p = plan('000-key-vault.md', { values: {} });
    const blocked = p.steps.filter((s) => s.mode.kind === 'blocked');
    expect(blocked.map((s) => s.step.source.startLine)).toEqual([110]);
    const why = blocked[0]!.mode.kind === 'blocked' ? blocked[0]!.mode.why : '';
    expect(why).toContain('tutorials/000-key-vault.md:110');
    expect(why).toContain('<YOUR-KEY-VAULT-URL>');
    expect(why).toContain('--set YOUR_KEY_VAULT_URL=<value>');
    // The captured token is not reported: it has a source.
    expect(why).not.toContain('ACCESS_TOKEN');
    // Said once more on the tutorial, and every other step still runs.
    expect(p.problems.map((x) => x.message).join('; ')).toBe(why);
    expect(p.problems.map((x) => [x.code, x.line])).toEqual([['E_PLACEHOLDER_UNBOUND', 110], ['E_PLACEHOLDER_UNBOUND', 110]]);
    expect(p.steps.filter((s) => s.mode.kind === 'execute').length).toBeGreaterThan(0);
  });

  it('reports a placeholder that nothing can bind in a small tutorial of its own', () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'tc-plan-'));
    const file = join(dir, 'unbound.md');
    writeFileSync(file, '# Unbound\n\nRun this:\n\n```bash\ncurl https://management.azure.com/subscriptions/<MY SECRET SUB>/resourceGroups?api-version=2016-09-01\n```\n');
    const tutorial = parseTutorialFile(file);
    const unbound = buildPlan(tutorial, { targetValues: values, targetName: 'emulator', sets: {} });
    expect(unbound.steps[0]?.mode).toEqual({ kind: 'blocked', why: expect.stringMatching(/:6: <MY SECRET SUB> has no value; add --set MY_SECRET_SUB=<value>/) });
    expect(buildPlan(tutorial, { targetValues: values, targetName: 'emulator', sets: { MY_SECRET_SUB: 'x' } }).steps[0]?.bindings[0]?.source).toEqual({ kind: 'set', value: 'x' });
  });
});

describe('defect: a $word inside single quotes is text, not a variable to bind', () => {
  it('binds only the $name and ${name} bash expands (unquoted or in double quotes), using the shell tokenizer', () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'tc-plan-'));
    const file = join(dir, 'quoted.md');
    const fence = (text: string): string => `\`\`\`bash\n${text}\n\`\`\`\n\n`;
    writeFileSync(
      file,
      '# Quoted\n\nSet a variable:\n\n' +
        fence(`greeting=$(curl -s 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F' -H Metadata:true | jq -r '.access_token | $jqvar')`) +
        'Print it, and text bash leaves alone:\n\n' +
        fence(`echo '$HOME is \${NOT_A_VALUE}' "$greeting" \\$ESCAPED | jq -r '.access_token | $jqvar'`) +
        'Only quoted:\n\n' +
        fence(`echo '$greeting'`),
    );
    const tutorial = parseTutorialFile(file);
    const [first, second, third] = tutorial.steps;
    expect(first?.kind === 'shell' && first.shell.kind === 'assign' ? first.shell.variable : undefined).toBe('greeting');
    // The parser lists every $word it sees; bash expands only $greeting.
    expect(second?.placeholders).toEqual(expect.arrayContaining(['HOME', 'NOT_A_VALUE', 'JQVAR']));
    const p = buildPlan(tutorial, { targetValues: {}, targetName: 'emulator', sets: {} });
    const [s1, s2, s3] = p.steps;
    expect(s1?.bindings).toEqual([]);
    expect(s2?.bindings.map((b) => b.key)).toEqual(['GREETING']);
    expect([...new Set(s2?.dependsOn.map((d) => d.stepId))]).toEqual([first?.id]);
    expect(s3?.step.id).toBe(third?.id);
    expect(s3?.bindings).toEqual([]);
    expect(s3?.dependsOn).toEqual([]);
  });
});

describe('access granted before it is used', () => {
  it('the ARM call with the user-assigned identity\'s token depends on the role assignment for that identity', () => {
    for (const [file, grantLine, callLine] of [
      ['000-arm-user-assigned.md', 51, 114],
      ['003-arm-user-assigned.md', 60, 119],
    ] as const) {
      const p = plan(file);
      const grant = step(p, grantLine).step.id;
      expect(step(p, callLine).dependsOn).toEqual(expect.arrayContaining([expect.objectContaining({ stepId: grant, reason: 'grant' })]));
    }
  });

  it('a system-assigned token step has no grant dependency', () => {
    const p = plan('000-arm-system-assigned.md');
    expect(step(p, 71).dependsOn.some((d) => d.reason === 'grant')).toBe(false);
  });
});

describe('defect: a storage command that takes its account from AZURE_STORAGE_ACCOUNT ran against a stand-in name', () => {
  it('the exported account is what the command uses; a name other than the one the page creates waits on that creation', () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'tc-plan-'));
    const file = join(dir, 'env-account.md');
    const fence = (text: string): string => `\`\`\`azurecli\n${text}\n\`\`\`\n\n`;
    writeFileSync(
      file,
      '# Env account\n\n' +
        fence('az group create --name envGroup --location eastus') +
        fence('az storage account create --name envstore --resource-group envGroup') +
        fence('export AZURE_STORAGE_ACCOUNT="envstorename"') +
        fence('az storage container create --name docs') +
        fence('az storage container create --name docs2 --connection-string "$CONN"') +
        fence('export AZURE_STORAGE_ACCOUNT=envstore') +
        fence('az storage blob list --container-name docs'),
    );
    const p = buildPlan(parseTutorialFile(file), { targetValues: values, targetName: 'emulator', sets: {} });
    const [, create, , viaEnv, viaConnection, , list] = p.steps;
    expect(viaEnv?.dependsOn).toContainEqual(expect.objectContaining({ stepId: create?.step.id, reason: 'created-resource', detail: expect.stringContaining('envstorename') }));
    // A connection string names its own account: nothing is read from AZURE_STORAGE_ACCOUNT.
    expect(viaConnection?.dependsOn.some((d) => d.stepId === create?.step.id)).toBe(false);
    expect(list?.dependsOn).toContainEqual(expect.objectContaining({ stepId: create?.step.id, detail: expect.stringContaining('the storage account envstore') }));
  });
});
