// Issue 16 session 10 (deploy-params): a deployment command (az deployment group/sub/mg/tenant create,
// New-Az*Deployment) against the template the page shows for it. Real pages: the AKS Bicep quickstart
// readers reported (-dnsPrefix=<dns-prefix>, azure-docs#105575), and three never-seen Bicep pages whose
// commands are right (tests/fresh) — the deployment rules must stay silent on them.
import { describe, expect, it } from 'vitest';
import { lintText, readRepoFile, ruleFindings } from './helpers.ts';

const RULES = ['deployment-parameter-not-declared', 'deployment-parameter-not-passed', 'deployment-scope-mismatch', 'deployment-output-not-declared', 'powershell-parameter-equals'];
const CREATE_RG = 'tests/fresh/articles/azure-resource-manager/bicep/create-resource-group.md';
const VSCODE = 'tests/fresh/articles/azure-resource-manager/bicep/quickstart-create-bicep-use-visual-studio-code.md';
const FIRMWARE = 'tests/fresh/articles/firmware-analysis/quickstart-firmware-analysis-bicep.md';
const AKS = 'tests/fresh/articles/aks/learn/quick-kubernetes-deploy-bicep.md';
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const ours = (text: string) => lintText(text, 'docfx', 'tests/lint/fixtures/t.md').filter((f) => RULES.includes(f.rule));
const bicep = (lead: string, body: string[], after = '') => ['# Page', '', lead, '', '```bicep', ...body, '```', '', after, ''];
const az = (cmd: string) => ['```azurecli', cmd, '```', ''];
const ps = (cmd: string) => ['```azurepowershell', cmd, '```', ''];
const STORAGE = ['param storageName string', "param location string = 'westus'", 'output id string = sa.id'];

describe('powershell-parameter-equals', () => {
  it('New-AzResourceGroupDeployment -dnsPrefix=<dns-prefix> on the AKS Bicep quickstart (azure-docs#105575) is reported on each glued parameter', () => {
    const text = readRepoFile(AKS);
    const hits = ruleFindings('powershell-parameter-equals', AKS);
    const line = lineWith(text, '-dnsPrefix=<dns-prefix>');
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[line, 'error'], [line, 'error'], [line, 'error']]);
    expect(hits[0]?.message).toMatch(/parameter named "dnsPrefix=<dns-prefix>"/);
  });
  it('silent on -Name value, -Name:value and on native programs (mvn -Dkey=value)', () => {
    const text = ['# Page', '', ...ps('New-AzResourceGroupDeployment -ResourceGroupName rg -TemplateFile ./main.bicep -dnsPrefix abc -sku:Standard'), ...ps('mvn archetype:generate -DarchetypeGroupId=com.microsoft.azure')].join('\n');
    expect(ours(text)).toEqual([]);
  });
});

describe('deployment rules on real pages whose commands are right', () => {
  it('create-resource-group.md: resourceGroup.bicep and main.bicep are never named on the page, so nothing is judged', () => {
    for (const rule of RULES) expect(ruleFindings(rule, CREATE_RG)).toEqual([]);
  });
  it('the VS Code Bicep quickstart: --parameters storageAccountName=… of a file whose parameters all have defaults', () => {
    for (const rule of RULES) expect(ruleFindings(rule, VSCODE)).toEqual([]);
  });
  it('the firmware-analysis Bicep quickstart: the Bicep file is a :::code reference, not shown, so nothing is judged', () => {
    expect(readRepoFile(FIRMWARE)).toMatch(/:::code language="bicep" source="[^"]+main\.bicep"/);
    for (const rule of RULES) expect(ruleFindings(rule, FIRMWARE)).toEqual([]);
  });
});

describe('which template a command deploys (src/lint/page-templates.ts)', () => {
  it('a name given after the block ("save it as main.bicep") links it; the PowerShell prompt for a secure parameter is reported', () => {
    const text = [...bicep('The Bicep file:', ['param administratorLogin string', '@secure()', 'param administratorLoginPassword string'], 'To deploy this file, save it as main.bicep on your local computer and run:'), ...ps('New-AzResourceGroupDeployment -ResourceGroupName rg -TemplateFile ./main.bicep -administratorLogin "<admin-login>"')].join('\n');
    const f = ours(text);
    expect(f.map((x) => x.rule)).toEqual(['deployment-parameter-not-passed']);
    expect(f[0]?.message).toMatch(/without administratorLoginPassword.*Supply values for the following parameters/);
  });
  it('silent when the page says the command prompts', () => {
    const text = [...bicep('Save the following Bicep file as main.bicep:', STORAGE), 'You are prompted to enter the storage account name.', '', ...az('az deployment group create -g rg --template-file main.bicep')].join('\n');
    expect(ours(text)).toEqual([]);
  });
  it('silent when the parameters come from a file, a variable or a hashtable', () => {
    const text = [...bicep('Save the following Bicep file as main.bicep:', STORAGE), ...az('az deployment group create -g rg --template-file main.bicep --parameters @main.parameters.json'), ...az('az deployment group create -g rg --template-file main.bicep --parameters $params'), ...ps('New-AzResourceGroupDeployment -ResourceGroupName rg -TemplateFile ./main.bicep -TemplateParameterObject $p')].join('\n');
    expect(ours(text)).toEqual([]);
  });
  it('silent when the template is a :::code reference, an excerpt, or another file than the one named', () => {
    const referenced = ['# Page', '', ':::code language="bicep" source="~/quickstart-templates/x/main.bicep":::', '', ...bicep('For example:', STORAGE), ...az('az deployment group create -g rg --template-file main.bicep --parameters sku=x')].join('\n');
    const excerpt = [...bicep('The following excerpt of main.bicep declares the name:', STORAGE), ...az('az deployment group create -g rg --template-file main.bicep --parameters storageName=x sku=x')].join('\n');
    const other = [...bicep('Save the following Bicep file as storage.bicep:', STORAGE), ...az('az deployment group create -g rg --template-file main.bicep --parameters sku=x')].join('\n');
    expect(ours(referenced)).toEqual([]);
    expect(ours(excerpt)).toEqual([]);
    expect(ours(other)).toEqual([]);
  });
  it('the only template on the page is judged, as a warning (the page never names it)', () => {
    const text = [...bicep('The Bicep file:', STORAGE), ...az('az deployment group create -g rg --template-file main.bicep --parameters storageName=x sku=Standard_LRS')].join('\n');
    expect(ours(text).map((f) => [f.rule, f.severity])).toEqual([['deployment-parameter-not-declared', 'warning']]);
  });
  it('nullable and defaulted parameters need not be passed; a .bicepparam block is no template', () => {
    const text = [...bicep('Save the following Bicep file as main.bicep:', ['param tag string?', "param sku string = 'Standard_LRS'", 'param tags object = {', "  env: 'dev'", '}']), '```bicep', "using './main.bicep'", "param sku = 'Premium_LRS'", '```', '', ...az('az deployment group create -g rg --template-file main.bicep')].join('\n');
    expect(ours(text)).toEqual([]);
  });
  it('an ARM JSON template: parameters without defaultValue, and a subscription schema is not judged for scope', () => {
    const tpl = ['{', '  "$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",', '  "contentVersion": "1.0.0.0",', '  "parameters": { "rgName": { "type": "string" }, "rgLocation": { "type": "string", "defaultValue": "westus" } },', '  "resources": []', '}'];
    const text = ['# Page', '', 'Save the following template as azuredeploy.json:', '', '```json', ...tpl, '```', '', ...az('az deployment group create -g rg --template-file azuredeploy.json --parameters rgLocation=eastus')].join('\n');
    expect(ours(text).map((f) => f.rule)).toEqual(['deployment-parameter-not-passed']);
  });
  it('az deployment sub create of a file without targetScope (a resource group deployment) is reported', () => {
    const text = [...bicep('Save the following Bicep file as main.bicep:', STORAGE), ...az('az deployment sub create -l westus --template-file main.bicep --parameters storageName=x')].join('\n');
    const f = ours(text);
    expect(f.map((x) => x.rule)).toEqual(['deployment-scope-mismatch']);
    expect(f[0]?.message).toMatch(/declares no targetScope.*'The target scope "resourceGroup" does not match the deployment scope "subscription".'/);
  });
  it('--query properties.outputs.<name> of an output the template does not declare (deployment-output-not-declared)', () => {
    const text = [...bicep('Save the following Bicep file as main.bicep:', STORAGE), ...az('az deployment group create -g rg --template-file main.bicep --parameters storageName=x --query properties.outputs.endpoint.value -o tsv'), ...az('az deployment group create -g rg --template-file main.bicep --parameters storageName=x --query properties.outputs.id.value -o tsv')].join('\n');
    const f = ours(text);
    expect(f.map((x) => [x.rule, x.line])).toEqual([['deployment-output-not-declared', lineWith(text, 'outputs.endpoint')]]);
    expect(f[0]?.message).toMatch(/declares only the outputs id/);
  });
});
