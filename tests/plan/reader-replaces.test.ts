// 'Replace "myResourceGroup" with the name of your resource group' above a clean-up the page never otherwise
// names (virtual-wan-route-table.md, 2019: the page creates testRG): running the block as written tested a
// value the page told the reader to change, a false ResourceGroupNotFound fail. Blocked with the sentence's
// line; a name the page uses in other steps is the page's own and still runs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTutorialFile } from '../../src/parse/index.ts';
import { buildPlan, type Plan } from '../../src/plan/index.ts';
import { defaultScenario } from '../../src/tutorials/scenario.ts';

const values = defaultScenario().values;
const plan = (file: string): Plan => buildPlan(parseTutorialFile(file), { targetValues: values, targetName: 'emulator', sets: {}, unsupported: () => undefined });
const at = (p: Plan, needle: string) => {
  const s = p.steps.find((x) => x.step.kind !== 'manual' && x.step.raw.includes(needle));
  if (!s) throw new Error(`no step with ${needle}`);
  return s;
};

describe('a clean-up whose group name the lead-in tells the reader to replace is blocked, not failed', () => {
  it('virtual-wan-route-table.md: Remove-AzResourceGroup -Name myResourceGroup (the page creates testRG) is blocked, naming line 120', () => {
    const p = plan('tests/fresh/articles/virtual-wan/virtual-wan-route-table.md');
    const cleanUp = at(p, 'Remove-AzResourceGroup -Name myResourceGroup');
    expect(cleanUp.mode).toEqual({ kind: 'blocked', why: expect.stringMatching(/^the page asks the reader to replace "myResourceGroup" with their own value \(line 120\), and no other step of the page uses that name/) });
    expect(at(p, 'New-AzResourceGroup -Location "West US" -Name "testRG"').mode.kind).toBe('execute');
  });

  it('event-hubs-quickstart-cli.md: "Replace `myResourceGroup` with the name of the resource group you created" where the page creates myResourceGroup: still run', () => {
    const p = plan('tests/fresh/articles/event-hubs/event-hubs-quickstart-cli.md');
    expect(at(p, 'az group delete --resource-group myResourceGroup').mode.kind).toBe('execute');
  });

  it('a placeholder or a variable named in the sentence is left to binding; an unquoted word is not read', () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'reader-replaces-'));
    const file = join(dir, 'page.md');
    writeFileSync(
      file,
      [
        '# Page',
        '',
        'Replace `<group>` with your group, and replace myGroup with yours.',
        '',
        '```azurecli',
        'az group delete --name myGroup --yes',
        '```',
        '',
        'Replace `$rg` with your group.',
        '',
        '```azurecli',
        'az group show --name $rg',
        '```',
        '',
      ].join('\n'),
    );
    const p = plan(file);
    expect(at(p, 'az group delete --name myGroup').mode.kind).toBe('execute');
    const show = at(p, 'az group show --name $rg').mode;
    expect(show.kind === 'blocked' ? show.why : '').not.toMatch(/asks the reader to replace/); // $rg is blocked as an unset variable, not by this
  });

  it('hdinsight-hadoop-create-linux-clusters-azure-cli.md (zh-cn): "将 `RESOURCEGROUPNAME`、…`STORAGEACCOUNTNAME` 和 `PASSWORD` 替换为所需的值" above export lines: each listed name\'s line is blocked, so az storage account create --name STORAGEACCOUNTNAME is never a false AccountNameInvalid fail', () => {
    const p = plan('tests/fresh/articles/hdinsight/hdinsight-hadoop-create-linux-clusters-azure-cli.md');
    for (const [needle, name] of [['export resourceGroupName=RESOURCEGROUPNAME', 'RESOURCEGROUPNAME'], ['export AZURE_STORAGE_ACCOUNT=STORAGEACCOUNTNAME', 'STORAGEACCOUNTNAME']]) {
      expect(at(p, needle!).mode).toEqual({ kind: 'blocked', why: expect.stringContaining(`replace "${name}" with their own value (line 54)`) });
    }
    // PASSWORD is written on two lines (httpCredential and sshCredentials): not one step's own name, so both run.
    expect(at(p, "export httpCredential='PASSWORD'").mode.kind).toBe('execute');
  });

  it('a sentence listing several names, in English: "Replace `NAME1`, `NAME2`, and `NAME3` with the desired values"', () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'reader-replaces-'));
    const file = join(dir, 'page.md');
    writeFileSync(
      file,
      ['# Page', '', 'Replace `MYGROUP`, `MYACCOUNT`, and `MYREGION` with the desired values.', '', '```azurecli', 'export rg=MYGROUP', 'export account=MYACCOUNT', 'export region=eastus', '```', ''].join('\n'),
    );
    const p = plan(file);
    expect(at(p, 'export rg=MYGROUP').mode).toEqual({ kind: 'blocked', why: expect.stringContaining('replace "MYGROUP" with their own value (line 3)') });
    expect(at(p, 'export account=MYACCOUNT').mode).toEqual({ kind: 'blocked', why: expect.stringContaining('replace "MYACCOUNT" with their own value (line 3)') });
    expect(at(p, 'export region=eastus').mode.kind).toBe('execute'); // MYREGION is not on the page: nothing to block
  });
});
