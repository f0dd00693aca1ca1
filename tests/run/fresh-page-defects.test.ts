// Defects found by running the tool, as a new user would, on real pages it had never seen
// (tests/fresh). Each test is named after the defect it pins.
import { describe, expect, it } from 'vitest';
import { pageSteps } from '../helpers/page-verdicts.ts';
import { lintText } from '../lint/helpers.ts';

const fence = (lang: string, text: string) => `\`\`\`${lang}\n${text}\n\`\`\`\n`;

describe('defect: a blocked step named its cause "s4 did not succeed … uses RESOURCE_GROUP from s4 ()"', () => {
  // articles/aks/learn/quick-kubernetes-deploy-cli.md: export RANDOM_STRING=$(printf … "$RANDOM"), then
  // RESOURCE_GROUP built from it, then every az command using $RESOURCE_GROUP.
  it('says the step waited on was blocked, names the variable as the page spells it, and shows no empty "()"', async () => {
    const steps = await pageSteps(
      `# Variables\n\nDefine them:\n\n${fence('bash', 'export RANDOM_STRING=$(printf \'%05d\' "$RANDOM")\nexport RESOURCE_GROUP="myGroup$RANDOM_STRING"\nendtime=$(date -ud "5 minutes" +%s)')}\nCreate the group:\n\n${fence('azurecli', 'az group create --name $RESOURCE_GROUP --location westus2')}\nWait:\n\n${fence('bash', 'while [[ $(date -u +%s) -le $endtime ]]\ndo\n  sleep 10\ndone')}`,
      'tc-fresh-',
      'aks-like.md',
    );
    const byLine = (line: number) => steps.find((s) => s.line.start === line)!;
      expect(byLine(6).verdict).toBe('unsupported');
      expect(byLine(7).reason).toBe('s1 could not be run here (unsupported) and this step uses $RANDOM_STRING from s1');
      expect(byLine(14).verdict).toBe('blocked');
      expect(byLine(14).reason).toBe('s2 was blocked and this step uses $RESOURCE_GROUP from s2');
      // The page writes $endtime in lower case: the report does too.
      expect(byLine(20).reason).toContain('uses $endtime from s3');
      for (const s of steps) expect(s.reason ?? '').not.toContain('()');
  }, 120_000);
});

describe('defect: az vm create was not read as creating its VM, so the World provided it and its group (false fail on az group create)', () => {
  // articles/virtual-machines/linux/quick-create-cli.md: az group create --location eastus, az vm create,
  // then IP=$(az vm show … --name $VM_NAME): the VM was "assumed", the World seeded myResourceGroup in
  // westus for it, and the page's own az group create failed 400 "already exists in location 'westus'".
  const PAGE = `# VM\n\nVariables:\n\n${fence('azurecli-interactive', 'export RESOURCE_GROUP_NAME=myResourceGroup\nexport LOCATION=eastus\nexport VM_NAME=myVM')}\nCreate the group:\n\n${fence('azurecli-interactive', 'az group create --name $RESOURCE_GROUP_NAME --location $LOCATION')}\nCreate the VM:\n\n${fence('azurecli-interactive', 'az vm create \\\n  --resource-group $RESOURCE_GROUP_NAME \\\n  --name $VM_NAME \\\n  --image Debian11 \\\n  --generate-ssh-keys')}\nGet its address:\n\n${fence('azurecli-interactive', 'export IP_ADDRESS=$(az vm show --show-details --resource-group $RESOURCE_GROUP_NAME --name $VM_NAME --query publicIps --output tsv)')}`;

  it('does not say the page assumes the VM it creates', () => {
    expect(lintText(PAGE).filter((f) => f.rule === 'page-assumes-resource').map((f) => f.message)).toEqual([]);
  });

  it("runs the page's az group create without a conflict with a provided group", async () => {
    const steps = await pageSteps(PAGE, 'tc-fresh-', 'vm.md');
    const create = steps.find((s) => s.raw.startsWith('az group create'))!;
    expect(create.verdict, create.reason).toBe('pass');
    expect(steps.filter((s) => s.verdict === 'fail')).toEqual([]);
  }, 120_000);
});

describe('defect: a group the page creates was seeded in the default region when it held an assumed resource (false fail on az group create)', () => {
  // articles/azure-monitor/logs/azure-cli-log-analytics-workspace-sample.md: az group create --name ContosoRG
  // --location eastus2, then --destination /subscriptions/…/resourceGroups/ContosoRG/…/storageAccounts/exportaccount:
  // the World provided exportaccount and seeded ContosoRG in westus, so the page's own first command
  // failed 400 "The Resource group already exists in location 'westus'".
  it("seeds that group where the page's az group create puts it, so the command passes", async () => {
    const steps = await pageSteps(
      `# Export\n\nCreate:\n\n${fence('azurecli', 'az group create --name ContosoRG --location eastus2')}\nShow the account:\n\n${fence('azurecli', 'az storage account show --ids /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ContosoRG/providers/Microsoft.Storage/storageAccounts/exportaccount')}`,
      'tc-fresh-',
      'monitor.md',
    );
    const create = steps.find((s) => s.raw.startsWith('az group create'))!;
    expect(create.verdict, create.reason).toBe('pass');
  }, 120_000);
});

describe('defect: lookalike-dash-in-flag told the reader to write "-subscription" for az\'s "–subscription"', () => {
  it('suggests the two hyphens az long options take', () => {
    const text = `# Delete\n\nRun:\n\n${fence('azurecli', 'az monitor log-analytics workspace table delete \u2013subscription ContosoSID --resource-group rg --workspace-name ws --name T_SRCH')}`;
    const f = lintText(text).find((x) => x.rule === 'lookalike-dash-in-flag')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('Write "--subscription"');
  });
});
