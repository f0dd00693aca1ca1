// Positive cases of issue 16 session 12's wild-u work (network security and edge: Application Gateway WAF
// configuration and retired CRS / DRS rule sets, Defender for Cloud's Log Analytics agent auto-provisioning), appended
// to rules.test.ts's table: a one-line break of the clean fixture. Real pages, positive and negative:
// wild-u-rules.test.ts.
const AZ = 'az identity create -g';
const FIND = 'This page is a test fixture: lint must report nothing here.';
const block = (info: string, ...lines: string[]) => () => ['```' + info, ...lines, '```'].join('\n');
const w = 'warning' as const;

export const wildUCases = {
  'retired-resource-setting': [
    { name: 'az network application-gateway waf-config set --enabled true (azure-docs#43902)', find: AZ, replace: () => 'az network application-gateway waf-config set -g myResourceGroupAG --gateway-name myAppGateway --enabled true --firewall-mode Detection --rule-set-version 3.2', message: /--enabled true: an Application Gateway WAF_v2 can no longer be given a \(legacy\) WAF configuration.*March 15, 2025/, severity: w },
    { name: 'az network application-gateway waf-policy create --type OWASP --version 3.0', find: AZ, replace: () => 'az network application-gateway waf-policy create -g myResourceGroup -n myPolicy --type OWASP --version 3.0', message: /--version 3\.0: the OWASP Core Rule Sets 2\.2\.9, 3\.0 and 3\.1 can no longer be used for a new Application Gateway WAF policy.*N-3/, severity: w },
    { name: 'az network application-gateway waf-policy managed-rule rule-set add --version 2.2.9', find: AZ, replace: () => 'az network application-gateway waf-policy managed-rule rule-set add -g myResourceGroup --policy-name myPolicy --type OWASP --version 2.2.9', message: /--version 2\.2\.9: .*CRS 2\.2\.9 has not been supported since 15 March 2025/, severity: w },
    { name: 'az network front-door waf-policy managed-rules add --type Microsoft_DefaultRuleSet --version 1.1', find: AZ, replace: () => 'az network front-door waf-policy managed-rules add -g myResourceGroup --policy-name myFdPolicy --type Microsoft_DefaultRuleSet --version 1.1', message: /--version 1\.1: the Front Door Default Rule Sets 1\.0, 1\.1 and 1\.2 can no longer be used for a new Front Door WAF policy/, severity: w },
    { name: 'az security auto-provisioning-setting update --name default --auto-provision On', find: AZ, replace: () => 'az security auto-provisioning-setting update --name default --auto-provision On', message: /--auto-provision On: Defender for Cloud no longer auto-provisions the Log Analytics agent.*Log Analytics auto provisioning is deprecated and can no longer be enabled/, severity: w },
    { name: 'a Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies template with ruleSetVersion 3.1', find: FIND, replace: block('json', '{', '  "type": "Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies",', '  "apiVersion": "2024-05-01",', '  "name": "myPolicy",', '  "properties": { "managedRules": { "managedRuleSets": [', '    { "ruleSetType": "OWASP",', '      "ruleSetVersion": "3.1" }', '  ] } }', '}'), offset: 7, message: /ruleSetVersion.*3\.1.*can no longer be used for a new Application Gateway WAF policy/, severity: w },
    { name: 'a Microsoft.Security/autoProvisioningSettings template with autoProvision On', find: FIND, replace: block('json', '{', '  "type": "Microsoft.Security/autoProvisioningSettings",', '  "apiVersion": "2017-08-01-preview",', '  "name": "default",', '  "properties": {', '    "autoProvision": "On"', '  }', '}'), offset: 6, message: /autoProvision.*Log Analytics auto provisioning is deprecated/, severity: w },
  ],
};
