// Issue 16 session 12 (wild-u): network security and edge. retired-resource-setting's Web Application Firewall and
// Defender for Cloud settings held on the page readers reported (tests/fresh) and kept silent where a real page does
// it right; name-uses' subnet made by `az network vnet create --subnet-name`, no longer "created by no step".
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const WAF_CLI = 'tests/fresh/articles/web-application-firewall/ag/tutorial-restrict-web-traffic-cli.md';
const WAF_POLICY_LAB = 'tests/lint/fixtures/real/courselabs-appgw-waf-policy.excerpt.md';
const NAT_CLI = 'tests/fresh/articles/nat-gateway/quickstart-create-nat-gateway-cli.md';
const DEFENDER_PS = 'tests/fresh/articles/defender-for-cloud/powershell-onboarding.md';

describe('retired-resource-setting: Application Gateway WAF configuration and rule sets', () => {
  const rule = 'retired-resource-setting';
  it('tutorial-restrict-web-traffic-cli.md (azure-docs#43902): waf-config set --enabled true on the new WAF_v2 gateway', () => {
    const text = read(WAF_CLI);
    const hits = found(rule, WAF_CLI);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineWith(text, '--enabled true'), 'warning']]);
    expect(hits[0]?.message).toMatch(/ability to create new WAF configuration deployments on the Application Gateway WAF V2 SKU is discontinued.*azure-docs#43902/);
  });
  it('the same page with a WAF policy of CRS 3.0 instead is reported on --version 3.0', () => {
    const text = read(WAF_CLI).replace(
      'az network application-gateway waf-config set \\\n  --enabled true \\\n  --gateway-name myAppGateway \\\n  --resource-group myResourceGroupAG \\\n  --firewall-mode Detection \\\n  --rule-set-version 3.0',
      'az network application-gateway waf-policy create \\\n  --name myWafPolicy \\\n  --resource-group myResourceGroupAG \\\n  --type OWASP \\\n  --version 3.0',
    );
    expect(text).toMatch(/--version 3\.0/);
    const hits = found(rule, 'policy.md', text);
    expect(hits.map((h) => h.line)).toEqual([lineWith(text, '--version 3.0')]);
    expect(hits[0]?.message).toMatch(/new Azure WAF policies can't be created with the N-3 version/);
  });
  it('silent on a real lab that creates a WAF policy with CRS 3.2 and gives it to the gateway (--waf-policy)', () => {
    const text = read(WAF_POLICY_LAB);
    expect(text).toMatch(/waf-policy create -n appg-waf {2}-g labs-appgw {2}--type OWASP --version 3\.2/);
    expect(text).toMatch(/--sku WAF_v2 --priority "1" --waf-policy appg-waf/);
    expect(found(rule, WAF_POLICY_LAB)).toEqual([]);
  });
  it('silent on the bot manager rule set 1.0 (Application Gateway and Front Door) and on turning a WAF configuration off', () => {
    const text = read(WAF_POLICY_LAB).replace('--type OWASP --version 3.2', '--type Microsoft_BotManagerRuleSet --version 1.0');
    expect(found(rule, 'bot.md', text)).toEqual([]);
    const fd = read(WAF_POLICY_LAB).replace('az network application-gateway waf-policy create -n appg-waf  -g labs-appgw  --type OWASP --version 3.2 -l eastus', 'az network front-door waf-policy managed-rules add -g labs-appgw --policy-name fdwaf --type Microsoft_BotManagerRuleSet --version 1.0');
    expect(fd).toMatch(/front-door waf-policy managed-rules add/);
    expect(found(rule, 'fd.md', fd)).toEqual([]);
    const off = read(WAF_CLI).replace('--enabled true', '--enabled false');
    expect(found(rule, 'off.md', off)).toEqual([]);
  });
});

describe('retired-resource-setting: Defender for Cloud auto-provisioning of the Log Analytics agent', () => {
  const rule = 'retired-resource-setting';
  // The page's PowerShell step (Set-AzSecurityAutoProvisioningSetting, whose Az.Security help the cmdlet table lacks)
  // written as the az command of the same request, in an azurecli block.
  const asAz = (command: string): string => {
    const text = read(DEFENDER_PS).replace('```powershell\n    Set-AzSecurityAutoProvisioningSetting -Name "default" -EnableAutoProvision', `\`\`\`azurecli\n    ${command}`);
    expect(text).toContain(command);
    return text;
  };
  it('the onboarding page\'s step written with az is reported (ARM answers 400 Deprecated)', () => {
    const text = asAz('az security auto-provisioning-setting update --name "default" --auto-provision "On"');
    const hits = found(rule, 'az.md', text);
    expect(hits.map((h) => h.line)).toEqual([lineWith(text, 'auto-provisioning-setting update')]);
    expect(hits[0]?.message).toMatch(/"Log Analytics auto provisioning is deprecated and can no longer be enabled\."/);
  });
  it('silent when it turns the setting off, and on another setting name', () => {
    const off = asAz('az security auto-provisioning-setting update --name default --auto-provision Off');
    expect(found(rule, 'off.md', off)).toEqual([]);
    const other = asAz('az security auto-provisioning-setting update --name $SETTING --auto-provision On');
    expect(found(rule, 'other.md', other)).toEqual([]);
  });
});

describe('inconsistent-resource-name: a subnet az network vnet create --subnet-name makes', () => {
  const rule = 'inconsistent-resource-name';
  it('quickstart-create-nat-gateway-cli.md: subnet-1, made by vnet create --subnet-name, is not "created by no step" when the NAT gateway is attached', () => {
    const text = read(NAT_CLI);
    expect(text).toMatch(/--subnet-name subnet-1/);
    expect(text).toMatch(/az network vnet subnet update \\\n {4}--name subnet-1/);
    expect(found(rule, NAT_CLI)).toEqual([]);
  });
  it('a subnet update of a name neither create makes is still reported', () => {
    const text = read(NAT_CLI).replace('az network vnet subnet update \\\n    --name subnet-1', 'az network vnet subnet update \\\n    --name subnet-2');
    const hits = found(rule, 'other.md', text);
    expect(hits.map((h) => h.line)).toEqual([lineWith(text, '--name subnet-2')]);
    expect(hits[0]?.message).toMatch(/"subnet-2", which no step creates or introduces; the page creates "subnet-1" \(line \d+\), "AzureBastionSubnet"/);
  });
});
