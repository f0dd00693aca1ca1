// The unique-name suffix that opens most azure-docs CLI samples and Innovation Engine quickstarts
// (`let "randomIdentifier=$RANDOM*$RANDOM"`, `export RANDOM_SUFFIX=$(openssl rand -hex 3)`) and the
// names built from it (`resourceGroup="msdocs-rg-$randomIdentifier"`) were shell constructs the http
// engine did not model, so every step of the fresh Redis CLI sample and Batch CLI quickstart after
// them was blocked. Any new value will do for such a suffix: the http engine makes one as bash or
// openssl would, and sets a literal whose expansions are $name/${name} of variables bound earlier.
// Pinned with it: a bash array assignment `redis=($(az …))` is a construct, never an empty value
// set with a `pass`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTutorials } from '../../src/run/index.ts';

const dir = mkdtempSync(join(os.tmpdir(), 'tc-random-suffix-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = [
  '# Suffix',
  '',
  '```azurecli',
  'let "randomIdentifier=$RANDOM*$RANDOM"',
  'export SUFFIX=$(openssl rand -hex 3)',
  'resourceGroup="msdocs-rg-$randomIdentifier"',
  'account="store${SUFFIX}"',
  'seconds="a$SECONDS"',
  'az group create --name $resourceGroup --location eastus',
  'az storage account create --name $account --resource-group $resourceGroup --location eastus --sku Standard_LRS',
  'names=($(az group list --query [].name --output tsv))',
  '```',
  '',
].join('\n');

describe('unique-name suffixes in the http engine', () => {
  it('makes the suffix, builds the names from it, and runs the commands that use them', async () => {
    const file = join(dir, 'suffix.md');
    writeFileSync(file, page);
    const { report } = await runTutorials({ paths: [file] });
    const steps = report.tutorials[0]?.steps ?? [];
    const verdict = (start: string) => steps.find((s) => s.raw.startsWith(start))?.verdict;
    expect(verdict('let ')).toBe('pass');
    expect(verdict('export SUFFIX')).toBe('pass');
    expect(verdict('resourceGroup=')).toBe('pass');
    expect(verdict('account=')).toBe('pass');
    // $SECONDS is bash's own, never a value of the page: still a construct.
    expect(verdict('seconds=')).toBe('unsupported');
    expect(verdict('az group create')).toBe('pass');
    expect(verdict('az storage account create')).toBe('pass');
    const group = steps.find((s) => s.raw.startsWith('az group create'));
    expect(group?.request?.url).toMatch(/\/resourcegroups\/msdocs-rg-\d+\?/i);
    const account = steps.find((s) => s.raw.startsWith('az storage account create'));
    expect(JSON.stringify(account)).toMatch(/\/storageAccounts\/store[0-9a-f]{6}\?/); // its PUT (the report's request is the last poll)
    expect(verdict('names=(')).toBe('unsupported');
  });
});
