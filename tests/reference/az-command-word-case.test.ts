// Regression: an upper-case command word was read as an unknown command. The fresh
// articles/dns/dns-getstarted-cli.md writes `az network dns record-set A add-record`, and the run
// said `fail` ("'A' is misspelled or not recognized by the system") and lint az-unknown-command (error).
// knack lower-cases every word before the first option before it matches the command table
// (microsoft/knack knack/invocation.py, CommandInvoker._rudimentary_get_command: `args[i] = current.lower()`,
// called by azure-cli's AzCliCommandInvoker.execute before parse_args), so az runs `record-set a add-record`
// (Azure/azure-cli#3325 asked for exactly that; PR #27545 cites the knack line).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findCommand, retiredCommand } from '../../src/reference/az-table.ts';
import { readAzArgv } from '../../src/reference/az-args.ts';
import { runTutorials } from '../../src/run/index.ts';
import { lintText } from '../lint/helpers.ts';

const dir = mkdtempSync(join(os.tmpdir(), 'tc-az-case-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = ['# DNS', '', '```azurecli', 'az network dns record-set A add-record -g MyResourceGroup -z contoso.com -n www -a 1.2.3.4', '```', ''].join('\n');

describe('az command words are matched as knack matches them, without case', () => {
  it('finds the command an upper-case word spells, with its parameters', () => {
    const found = findCommand(['network', 'dns', 'record-set', 'A', 'add-record']);
    expect(found).toMatchObject({ kind: 'command', command: { path: 'network dns record-set a add-record' } });
    expect(findCommand(['Group', 'Create'])).toMatchObject({ kind: 'command', command: { path: 'group create' } });
    const read = readAzArgv(['network', 'dns', 'record-set', 'A', 'add-record', '-g', 'rg', '-z', 'contoso.com', '-n', 'www', '-a', '1.2.3.4']);
    expect(read.options.every((o) => o.lookup.kind === 'parameter')).toBe(true);
  });
  it('still says unknown for a word no case makes a command, and names it as written', () => {
    expect(findCommand(['network', 'dns', 'record-set', 'Q', 'add-record'])).toMatchObject({ kind: 'unknown', word: 'Q' });
  });
  it('finds a retired path whatever its case', () => {
    const retired = retiredCommand(['group', 'deployment', 'create']);
    expect(retired).toBeDefined();
    expect(retiredCommand(['Group', 'Deployment', 'Create'])?.path).toBe(retired?.path);
  });
  it('lint reports no az-unknown-command on the page', () => {
    expect(lintText(page).filter((f) => f.rule === 'az-unknown-command')).toEqual([]);
  });
  it('the run does not fail the step', async () => {
    const file = join(dir, 'dns.md');
    writeFileSync(file, page);
    const { report } = await runTutorials({ paths: [file] });
    const steps = report.tutorials[0]?.steps ?? [];
    expect(steps).toHaveLength(1);
    expect(steps[0]?.verdict).not.toBe('fail');
  });
});
