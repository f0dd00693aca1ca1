// Issue 16 session 10 (echo3): an example output against the command that produced it, for the
// fields most create/show outputs echo. PowerShell: the object a New-Az*/Get-Az* cmdlet prints
// (`Name : Value` list or one-row table) against the cmdlet's parameters, bound through the cmdlet
// table (aliases count). az: an output compared only with the command whose output it is. Held on
// real pages of tests/fresh (byte-exact, repository and commit in tests/fresh/manifest.json), with
// the variants that pin why.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const PS = 'example-powershell-vs-request';

describe('example-powershell-vs-request: a printed object against the command that printed it', () => {
  const DNS = 'tests/fresh/articles/dns/dns-operations-dnszones.md';
  it('dns-operations-dnszones.md (azure-docs @0244225f): Get-AzureRmDnsZone –ResourceGroupName MyAzureResourceGroup prints a zone in myresourcegroup', () => {
    const text = readRepoFile(DNS);
    const hits = ruleFindings(PS, DNS);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineWith(text, 'ResourceGroupName     : myresourcegroup'), 'warning']]);
    expect(hits[0]?.message).toMatch(/ResourceGroupName "myresourcegroup" but Get-AzureRmDnsZone on line 51 is given -ResourceGroupName MyAzureResourceGroup/);
  });
  it('the same output for the group the command names is silent: resource group names compare without case', () => {
    const fixed = readRepoFile(DNS).replace('ResourceGroupName     : myresourcegroup', 'ResourceGroupName     : myazureresourcegroup');
    expect(ruleFindings(PS, DNS, fixed)).toEqual([]);
  });
  it('dns-getstarted-powershell.md (azure-docs @00e65951): its Get-AzureRmDnsZone output agrees with the command (myresourcegroup = MyResourceGroup)', () => {
    expect(ruleFindings(PS, 'tests/fresh/articles/dns/dns-getstarted-powershell.md')).toEqual([]);
  });

  const ACI = 'tests/lint/fixtures/real/container-instances-quickstart-powershell.md';
  it('container-instances-quickstart-powershell.md (azure-docs @02affc86): an output after another command names its own on a PS prompt; compared with that one, it agrees', () => {
    expect(ruleFindings(PS, ACI)).toEqual([]);
    const other = readRepoFile(ACI).replace('Name                     : myContainerGroup', 'Name                     : aci-demo');
    const hits = ruleFindings(PS, ACI, other);
    expect(hits.map((h) => h.line)).toEqual([lineWith(other, 'Name                     : aci-demo')]);
    expect(hits[0]?.message).toMatch(/Name "aci-demo" but Get-AzContainerGroup on the output's prompt line \d+ is given -Name myContainerGroup/);
  });
  it('the Format-Table step before that output is not its producer: without the prompt line nothing is compared', () => {
    const noPrompt = readRepoFile(ACI).replace(/PS Azure:\\> Get-AzContainerGroup[^\n]*\n\n/, '').replace('Name                     : myContainerGroup', 'Name                     : aci-demo');
    expect(noPrompt).not.toContain('PS Azure:');
    expect(ruleFindings(PS, ACI, noPrompt)).toEqual([]);
  });

  const VNET = 'tests/fresh/articles/virtual-network/quick-create-powershell.md';
  it('virtual-network quick-create-powershell.md (azure-docs @00f93ff1): New-AzVM -AsJob prints a job (Name "Long Running...", Location localhost), not the VM', () => {
    expect(ruleFindings(PS, VNET)).toEqual([]);
    const literal = readRepoFile(VNET).replace('New-AzVM @vm1 -AsJob', 'New-AzVM -ResourceGroupName CreateVNetQS-rg -Location EastUS -Name myVM1 -AsJob');
    expect(ruleFindings(PS, VNET, literal)).toEqual([]);
  });

  const page = (command: string, output: string) => `# T\n\n\`\`\`azurepowershell\n${command}\n\`\`\`\n\n\`\`\`output\n${output}\n\`\`\`\n`;
  it('binds through the cmdlet table: an alias (-Name is ResourceGroupName on New-AzResourceGroup) and a prefix (-Loc) count; a display-name region matches its short name', () => {
    const out = 'ResourceGroupName : rg1\nLocation          : eastus\nProvisioningState : Succeeded\nResourceId        : /subscriptions/0000/resourceGroups/rg1';
    expect(ruleFindings(PS, 'a.md', page('New-AzResourceGroup -Name rg1 -Loc "East US"', out))).toEqual([]);
    const hits = ruleFindings(PS, 'b.md', page('New-AzResourceGroup -Name rg2 -Loc westus', out));
    expect(hits.map((h) => h.message)).toEqual([
      expect.stringMatching(/ResourceGroupName "rg1" but New-AzResourceGroup on line 4 is given -Name rg2/),
      expect.stringMatching(/Location "eastus" but New-AzResourceGroup on line 4 is given -Loc westus/),
      expect.stringMatching(/ResourceId is in resource group "rg1" but New-AzResourceGroup on line 4 is given -Name rg2/),
    ]);
  });
  it('a one-row table of the resource is read by its columns; several rows (a list) are not judged', () => {
    const table = 'Name   Location SkuName\n----   -------- -------\nmyacr  westus   Basic';
    expect(ruleFindings(PS, 't.md', page('Get-AzContainerRegistry -ResourceGroupName rg -Name myacr | Format-Table Name, Location, SkuName', table)).map((h) => h.message)).toEqual([]);
    const created = ruleFindings(PS, 'c.md', page('New-AzContainerRegistry -ResourceGroupName rg -Name myacr -Sku Premium -Location westus', table.replace('SkuName', 'Sku    ').replace('-------', '---    ')));
    expect(created.map((h) => h.message)).toEqual([expect.stringMatching(/Sku "Basic" but New-AzContainerRegistry on line 4 is given -Sku Premium/)]);
    expect(ruleFindings(PS, 'l.md', page('Get-AzContainerRegistry -ResourceGroupName rg -Location eastus', `${table}\nother  eastus   Basic`))).toEqual([]);
  });
  it('placeholders, variables, elided and child names, an assignment (prints nothing) and a Set- cmdlet (prints the object piped in) are not judged', () => {
    const out = 'Name              : acct/pool1\nResourceGroupName : rg\nLocation          : westus2';
    expect(ruleFindings(PS, 'child.md', page('New-AzNetAppFilesPool -ResourceGroupName rg -AccountName acct -Name pool1 -Location westus2', out))).toEqual([]);
    expect(ruleFindings(PS, 'ph.md', page('New-AzResourceGroup -Name <rg> -Location $location', 'ResourceGroupName : other\nLocation          : westus'))).toEqual([]);
    expect(ruleFindings(PS, 'assign.md', page('$rg = New-AzResourceGroup -Name rg1 -Location eastus', 'ResourceGroupName : other\nLocation          : westus'))).toEqual([]);
    expect(ruleFindings(PS, 'set.md', page('Set-AzVMOSDisk -VM $vm -Name osdisk1 -CreateOption FromImage', 'Name              : myVM\nResourceGroupName : rg'))).toEqual([]);
  });
});

describe('example-id-vs-request: an az output compared only with the command whose output it is', () => {
  const json = (id: string, name: string, location: string) => `\`\`\`output\n{\n  "id": "${id}",\n  "location": "${location}",\n  "name": "${name}",\n  "resourceGroup": "myResourceGroup"\n}\n\`\`\``;
  const VM = '/subscriptions/a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1/resourceGroups/myResourceGroup/providers/Microsoft.Compute/virtualMachines/myVM';
  it("a VM's output shown after az group create (as Exec Docs pages print az vm create's) is not that group's: no wrong name is reported", () => {
    const text = `# T\n\n\`\`\`azurecli\naz group create --name myResourceGroup --location eastus\n\`\`\`\n\n${json(VM, 'myVM', 'westus')}\n`;
    expect(ruleFindings('example-id-vs-request', 'vm.md', text)).toEqual([]);
  });
  it("the group's own output still says so when it differs from the command", () => {
    const text = `# T\n\n\`\`\`azurecli\naz group create --name myResourceGroup --location eastus\n\`\`\`\n\n${json('/subscriptions/a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1/resourceGroups/myResourceGroup', 'myResourceGroup', 'westus')}\n`;
    expect(ruleFindings('example-id-vs-request', 'rg.md', text).map((h) => h.message)).toEqual([expect.stringMatching(/location is "westus", not eastus, which az group create on line 4 sets/)]);
  });
  it('in a step of two printing commands, the output is compared with the one whose --name it shows', () => {
    const SA = '/subscriptions/a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1/resourceGroups/myResourceGroup/providers/Microsoft.Storage/storageAccounts/mystorage';
    const text = `# T\n\n\`\`\`azurecli\naz group create --name myResourceGroup --location eastus && \\\n  az storage account create --name mystorage --resource-group myResourceGroup --location westus\n\`\`\`\n\n${json(SA, 'mystorage', 'eastus')}\n`;
    expect(ruleFindings('example-id-vs-request', 'two.md', text).map((h) => h.message)).toEqual([expect.stringMatching(/location is "eastus", not westus, which az storage account create on line 4 sets/)]);
  });
});
