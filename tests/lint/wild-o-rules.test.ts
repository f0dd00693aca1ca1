// Issue 16 session 12 (wild-o): defects of operations pages (Azure Automation, Azure Monitor agents), each held on a
// real page that has it and kept silent on a real page where the same thing is written correctly: a migration guide
// that shows the retired Run As code next to the managed-identity code, and the Azure Monitor agent installed with
// the same az and PowerShell commands the retired Log Analytics agent used.
import { describe, expect, it } from 'vitest';
import { lintText, readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;
const lineWith = (text: string, needle: string, from = 0) => text.split('\n').findIndex((l, i) => i >= from && l.includes(needle)) + 1;

const AUTOMATION = 'tests/fresh/articles/automation';
const CONNECTIONS = `${AUTOMATION}/automation-connections.md`;
const MIGRATE = `${AUTOMATION}/migrate-run-as-accounts-managed-identity.md`;
const DEPLOY_TEMPLATE = `${AUTOMATION}/automation-deploy-template-runbook.md`;
const OMS_WINDOWS = 'tests/lint/fixtures/real/oms-windows.excerpt.md';
const AMA_MANAGE = 'tests/lint/fixtures/real/azure-monitor-agent-manage.excerpt.md';

describe('automation-run-as-account', () => {
  const rule = 'automation-run-as-account';
  it('automation-connections.md: the Run As connection and certificate assets its PowerShell and Python 2 samples read (azure-docs#115710, #114523)', () => {
    const text = read(CONNECTIONS);
    const hits = found(rule, CONNECTIONS);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([
      [lineWith(text, '$ConnectionAssetName = "AzureRunAsConnection"'), 'warning'],
      [lineWith(text, '$Conn = Get-AutomationConnection -Name AzureRunAsConnection'), 'warning'],
      [lineWith(text, 'get_automation_certificate("AzureRunAsCertificate")'), 'warning'],
      [lineWith(text, '    "AzureRunAsConnection")'), 'warning'],
    ]);
    expect(hits[1]?.message).toMatch(/^AzureRunAsConnection is the connection asset of an Azure Automation Run As account\. Run As accounts were retired on 30 September 2023 \(MicrosoftDocs\/azure-docs articles\/automation\/migrate-run-as-accounts-managed-identity\.md @04cb5e080fa6/);
    expect(hits[2]?.message).toMatch(/^AzureRunAsCertificate is the certificate asset of an Azure Automation Run As account/);
  });
  it('silent on prose that names the assets (tables, "the AzureRunAs account")', () => {
    const text = read(CONNECTIONS);
    const lines = found(rule, CONNECTIONS).map((h) => h.line);
    expect(lines).not.toContain(lineWith(text, 'This connection is used by the **AzureRunAs** account.'));
    expect(lines).not.toContain(lineWith(text, 'to create the `AzureRunAsConnection` connection asset'));
  });
  it('silent on the migration guide, which says Run As accounts are retired and shows their code as the "before" tab', () => {
    const text = read(MIGRATE);
    expect(lineWith(text, '  $connectionName = "AzureRunAsConnection"')).toBeGreaterThan(0);
    expect(found(rule, MIGRATE)).toEqual([]);
  });
  it('silent on a runbook that signs in with its managed identity (Connect-AzAccount -Identity)', () => {
    expect(read(DEPLOY_TEMPLATE)).toMatch(/Connect-AzAccount -Identity/);
    expect(found(rule, DEPLOY_TEMPLATE)).toEqual([]);
  });
  it('silent on comment lines and on a line that says Run As is retired', () => {
    const page = '# p\n\n```powershell\n# Get the connection "AzureRunAsConnection"\nConnect-AzAccount -Identity # replaces AzureRunAsConnection, retired in 2023\n```\n';
    expect(found(rule, 'names.md', page)).toEqual([]);
  });
});

describe('retired-resource-setting: the Log Analytics agent extension (MMA/OMS), retired on 31 August 2024', () => {
  const rule = 'retired-resource-setting';
  it('oms-windows.md: the extension nested in its VM, at the template root, and Set-AzVMExtension -ExtensionType MicrosoftMonitoringAgent', () => {
    const text = read(OMS_WINDOWS);
    const hits = found(rule, OMS_WINDOWS);
    const typeLine = lineWith(text, '"type": "MicrosoftMonitoringAgent"');
    expect(hits.map((h) => [h.line, h.severity])).toEqual([
      [typeLine, 'warning'],
      [lineWith(text, '"type": "MicrosoftMonitoringAgent"', typeLine), 'warning'],
      [lineWith(text, '-ExtensionType "MicrosoftMonitoringAgent"'), 'warning'],
    ]);
    expect(hits[0]?.message).toMatch(/^"type": "MicrosoftMonitoringAgent", — the Log Analytics agent \(MMA\/OMS.*retired on 31 August 2024.*March 2, 2026.*Azure Monitor agent/);
    expect(hits[2]?.message).toMatch(/^Set-AzVMExtension -ExtensionType MicrosoftMonitoringAgent: the Log Analytics agent/);
  });
  it('az vm extension set and az vmss extension set --name OmsAgentForLinux; Add-AzVmssExtension -Type MicrosoftMonitoringAgent', () => {
    const page =
      '# p\n\n```azurecli\naz vm extension set --resource-group myResourceGroup --vm-name myVM --name OmsAgentForLinux --publisher Microsoft.EnterpriseCloud.Monitoring\naz vmss extension set --resource-group myResourceGroup --vmss-name myScaleSet --name MicrosoftMonitoringAgent --publisher Microsoft.EnterpriseCloud.Monitoring\n```\n\n```powershell\n$vmss = Add-AzVmssExtension -VirtualMachineScaleSet $vmss -Name MMA -Publisher Microsoft.EnterpriseCloud.Monitoring -Type MicrosoftMonitoringAgent -TypeHandlerVersion 1.0\n```\n';
    const hits = found(rule, 'mma.md', page);
    expect(hits.map((h) => h.line)).toEqual([4, 5, 9]);
    expect(hits[0]?.message).toMatch(/^--name OmsAgentForLinux: the Log Analytics agent/);
    expect(hits[2]?.message).toMatch(/^Add-AzVmssExtension -Type MicrosoftMonitoringAgent:/);
  });
  it('silent on the Azure Monitor agent installed with the same commands (azure-monitor-agent-manage.md: Set-AzVMExtension -ExtensionType AzureMonitorWindowsAgent, az vm extension set --name AzureMonitorLinuxAgent)', () => {
    const text = read(AMA_MANAGE);
    expect(text).toMatch(/Set-AzVMExtension -Name AzureMonitorWindowsAgent -ExtensionType AzureMonitorWindowsAgent/);
    expect(text).toMatch(/az vm extension set --name AzureMonitorLinuxAgent --publisher Microsoft\.Azure\.Monitor/);
    expect(found(rule, AMA_MANAGE)).toEqual([]);
  });
});

describe('page-assumes-resource: az vm extension set --name names the extension, not a VM', () => {
  it('azure-monitor-agent-manage.md: no "virtual machine AzureMonitorWindowsAgent" assumed from az vm extension set --name AzureMonitorWindowsAgent --ids <vm-resource-id>', () => {
    const hits = lintText(read(AMA_MANAGE), 'docfx', AMA_MANAGE).filter((f) => f.rule === 'page-assumes-resource');
    for (const h of hits) expect(h.message).not.toMatch(/AzureMonitor(?:Windows|Linux)Agent/);
  });
});

describe('shell-unassigned-variable: a runbook\'s multi-line param( ) block assigns its parameters', () => {
  it('automation-deploy-template-runbook.md: $storageAccountKey and $storageFileName, declared under [Parameter(Mandatory=$true)], are not unassigned', () => {
    const text = read(DEPLOY_TEMPLATE);
    expect(text).toMatch(/\[Parameter\(Mandatory=\$true\)\]\n {4}\[string\]\n {4}\$storageAccountKey,/);
    const hits = found('shell-unassigned-variable', DEPLOY_TEMPLATE);
    expect(hits.filter((h) => /\$storage(?:AccountKey|FileName)\b/.test(h.message))).toEqual([]);
  });
  it('a variable used after the block closes is still reported', () => {
    const page = '# p\n\n```powershell\nparam (\n    [Parameter(Mandatory=$true)]\n    [string]\n    $name\n)\nWrite-Output $name $other\n```\n';
    const hits = found('shell-unassigned-variable', 'param.md', page);
    expect(hits.map((h) => /\$other\b/.test(h.message))).toEqual([true]);
  });
});
