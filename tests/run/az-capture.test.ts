// VAR=$(az … [--query …] [-o tsv|json] [| tr -d '"']) in the http engine: the az command runs through
// the same equivalent as an az step, VAR holds exactly what az prints (tr's deletions applied, the
// trailing newline dropped as bash's $( ) drops it), and the step that uses VAR runs with it. The
// shell engine (bash, the az shim) gives the same verdicts. A capture whose az command fails is that
// step's failure (az's error), and the step using the variable is blocked. Emulator for real.
// The page is shaped after tests/fresh/articles/storage/files/storage-how-to-use-files-cli.md.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.ts';
import { RunSecrets } from '../../src/run/index.ts';
import { emulatorRun } from '../helpers/emulator-run.ts';

const PAGE = [
  '# Use a storage account key',
  '',
  '```azurecli',
  'az group create --name myResourceGroup --location eastus',
  '```',
  '',
  '```azurecli',
  'az storage account create --resource-group myResourceGroup --name mystorageacct4242 --location eastus --sku Standard_LRS',
  '```',
  '',
  '```azurecli',
  'STORAGEACCT=$(az storage account show \\',
  '    --resource-group "myResourceGroup" \\',
  '    --name mystorageacct4242 \\',
  '    --query "name" | tr -d \'"\')',
  '```',
  '',
  '```azurecli',
  'export STORAGEKEY=$(az storage account keys list --resource-group myResourceGroup --account-name $STORAGEACCT --query "[0].value" -o tsv)',
  '```',
  '',
  '```azurecli',
  'az storage container create --account-name $STORAGEACCT --account-key $STORAGEKEY --name images',
  '```',
  '',
].join('\n');

const FAILING = [
  '# A key of an account that does not exist',
  '',
  '```azurecli',
  'az group create --name myResourceGroup --location eastus',
  '```',
  '',
  '```azurecli',
  'STORAGEKEY=$(az storage account keys list --resource-group myResourceGroup --account-name nosuchacct4242 --query "[0].value" -o tsv)',
  '```',
  '',
  '```azurecli',
  'az storage container create --account-name nosuchacct4242 --account-key $STORAGEKEY --name images',
  '```',
  '',
].join('\n');

const emulator = emulatorRun('az-capture');
const run = (name: string, text: string, engine: 'http' | 'shell', secrets?: RunSecrets): Promise<Report['tutorials'][number]> =>
  emulator.page(name, text, { engine, ...(secrets ? { secrets } : {}) });

const verdicts = (t: Report['tutorials'][number]): string[] => t.steps.map((s) => `${s.id} ${s.verdict}`);

describe('http engine: VAR=$(az …) captures', () => {
  it('binds what az prints (json through tr -d \'"\', tsv) and the step using the variables passes with them', async () => {
    const secrets = new RunSecrets();
    const t = await run('capture.md', PAGE, 'http', secrets);
    expect(verdicts(t), JSON.stringify(t.steps.map((s) => s.reason))).toEqual(['s1 pass', 's2 pass', 's3 pass', 's4 pass', 's5 pass']);
    // The container was created with the captured name and key: a quote left in either fails it.
    expect(t.steps[4]?.output?.stdout).toContain('"created": true');
    // The captured key is a secret of the run: every output the run writes redacts it.
    const key = /\\"value\\":\\"([A-Za-z0-9+/]{86}==)/.exec(JSON.stringify(t.steps[3]))?.[1];
    expect(key).toBeDefined();
    expect(secrets.redactor.redact(`key=${key}`)).not.toContain(key);
  }, 120_000);

  it('fails a capture whose az command fails, with az\'s error, and blocks the step that uses the variable', async () => {
    const t = await run('failing.md', FAILING, 'http');
    expect(verdicts(t)).toEqual(['s1 pass', 's2 fail', 's3 blocked']);
    expect(t.steps[1]?.output?.stderr).toMatch(/nosuchacct4242/);
    expect(t.steps[2]?.reason).toMatch(/\$STORAGEKEY/);
  }, 120_000);

  it('leaves a capture of an az command without an equivalent unsupported (shell-construct), and its user blocked', async () => {
    const page = ['# Snapshot', '', '```azurecli', 'SNAPSHOT=$(az storage share snapshot --account-name acct --name myshare --query "snapshot" | tr -d \'"\')', '```', '', '```azurecli', 'az group show --name $SNAPSHOT', '```', ''].join('\n');
    const t = await run('unmodelled.md', page, 'http');
    expect(verdicts(t)).toEqual(['s1 unsupported', 's2 blocked']);
    expect(t.steps[0]?.unsupported).toBe('shell-construct');
    expect(t.steps[0]?.reason).toMatch(/az storage share snapshot/);
  }, 120_000);
});

describe('shell engine: the same pages, the same verdicts', () => {
  it('agrees with the http engine on the capture page and on the failing capture', async () => {
    expect(verdicts(await run('capture-shell.md', PAGE, 'shell'))).toEqual(['s1 pass', 's2 pass', 's3 pass', 's4 pass', 's5 pass']);
    expect(verdicts(await run('failing-shell.md', FAILING, 'shell'))).toEqual(['s1 pass', 's2 fail', 's3 blocked']);
  }, 240_000);
});
