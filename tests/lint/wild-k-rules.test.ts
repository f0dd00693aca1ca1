// Issue 16 session 11 (wild-k): networking retirements readers hit (Basic and Dynamic public IPs, non-AZ VPN
// gateway SKUs, CDN classic profiles, NSG flow logs, Azure Front Door (classic)), each held on the real page it was
// reported on (tests/fresh) and kept silent where a real page writes the same command correctly.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;
const linesWith = (text: string, needle: string) => text.split('\n').flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));

const FIREWALL = 'tests/fresh/articles/firewall/tutorial-hybrid-ps.md';
const VPN_PS = 'tests/fresh/articles/vpn-gateway/vpn-gateway-tutorial-create-gateway-powershell.md';
const VPN_CLI = 'tests/fresh/articles/vpn-gateway/create-routebased-vpn-gateway-cli.md';
const CDN = 'tests/fresh/articles/cdn/cdn-manage-powershell.md';
const FLOW_LOG = 'tests/fresh/articles/network-watcher/network-watcher-nsg-flow-logging-cli.md';
const FRONT_DOOR = 'tests/fresh/articles/frontdoor/quickstart-create-front-door-cli.md';
const APP_GATEWAY = 'tests/fresh/articles/application-gateway/tutorial-manage-web-traffic-cli.md';
const EGRESS = 'tests/fresh/articles/aks/limit-egress-traffic.md';
const SQL_ENDPOINT = 'tests/fresh/articles/private-link/tutorial-private-endpoint-sql-powershell.md';
const AFD_WAF = 'tests/lint/fixtures/real/create-front-door-cli.excerpt.md';

describe('retired-resource-setting: Basic and Dynamic public IPs (Basic SKU retired 30 September 2025)', () => {
  const rule = 'retired-resource-setting';
  it('tutorial-hybrid-ps.md (azure-docs#113829): both VPN gateway IPs made with New-AzPublicIpAddress -AllocationMethod Dynamic', () => {
    const text = read(FIREWALL);
    const hits = found(rule, FIREWALL);
    expect(hits.map((h) => [h.line, h.severity])).toEqual(linesWith(text, '-Location $Location1 -AllocationMethod Dynamic').map((l) => [l, 'warning']));
    expect(hits[0]?.message).toMatch(/New-AzPublicIpAddress -AllocationMethod Dynamic: dynamic allocation exists only on Basic SKU public IPs.*StandardSkuPublicIPAddressesMustBeStatic.*#113829/);
  });
  it('silent on the same page\'s firewall IP (-AllocationMethod Static -Sku Standard) and on its Basic VPN gateway SKU (not retired)', () => {
    const text = read(FIREWALL);
    expect(text).toMatch(/-AllocationMethod Static -Sku Standard/);
    expect(text).toMatch(/-GatewaySku basic/);
    const lines = found(rule, FIREWALL).map((h) => h.line);
    for (const l of [...linesWith(text, '-AllocationMethod Static -Sku Standard'), ...linesWith(text, '-GatewaySku basic')]) expect(lines).not.toContain(l);
  });
  it('vpn-gateway-tutorial-create-gateway-powershell.md (azure-docs#49351): the Dynamic gateway IP', () => {
    const text = read(VPN_PS);
    expect(found(rule, VPN_PS).map((h) => h.line)).toContain(linesWith(text, '-AllocationMethod Dynamic')[0]);
  });
  it('create-routebased-vpn-gateway-cli.md: az network public-ip create --allocation-method Dynamic', () => {
    const text = read(VPN_CLI);
    const hit = found(rule, VPN_CLI).find((h) => h.line === linesWith(text, '--allocation-method Dynamic')[0]);
    expect(hit?.message).toMatch(/^--allocation-method Dynamic: /);
  });
  it('silent on real Standard/Static creates: az (application gateway tutorial, AKS egress) and a splatted New-AzPublicIpAddress', () => {
    expect(read(APP_GATEWAY)).toMatch(/--allocation-method Static \\\n {2}--sku Standard/);
    expect(found(rule, APP_GATEWAY).filter((h) => /public IP/.test(h.message))).toEqual([]);
    expect(read(EGRESS)).toMatch(/az network public-ip create -g \$RG -n \$FWPUBLICIP_NAME -l \$LOC --sku "Standard"/);
    expect(found(rule, EGRESS)).toEqual([]);
    expect(read(SQL_ENDPOINT)).toMatch(/New-AzPublicIpAddress @parameters2/);
    expect(found(rule, SQL_ENDPOINT)).toEqual([]);
  });
});

describe('retired-resource-setting: VPN gateway SKUs (non-AZ VpnGw1-5 since 1 January 2025; Standard/HighPerformance legacy)', () => {
  const rule = 'retired-resource-setting';
  it('the PowerShell tutorial\'s -GatewaySku VpnGw1 and the CLI page\'s --sku VpnGw1', () => {
    for (const [file, needle] of [[VPN_PS, '-GatewaySku VpnGw1'], [VPN_CLI, '--sku VpnGw1']] as const) {
      const line = linesWith(read(file), needle)[0];
      const hit = found(rule, file).find((h) => h.line === line);
      expect(hit?.message, file).toMatch(/VpnGw1: the VPN gateway SKUs VpnGw1-5 without availability zones can no longer be created/);
    }
  });
  it('silent on the CLI page\'s output example ("name": "VpnGw1" of an existing gateway) and on the resize (not a create)', () => {
    const cli = read(VPN_CLI);
    const lines = found(rule, VPN_CLI).map((h) => h.line);
    expect(lines).not.toContain(linesWith(cli, '"name": "VpnGw1"')[0]);
    const ps = read(VPN_PS);
    expect(found(rule, VPN_PS).map((h) => h.line)).not.toContain(linesWith(ps, 'Resize-AzVirtualNetworkGateway -GatewaySku VpnGw2')[0]);
  });
  it('an ExpressRoute gateway\'s Standard SKU is current (Azure/azure-cli#32161 creates one); a VPN gateway\'s is not', () => {
    const cli = read(VPN_CLI);
    const er = cli.replace('  --gateway-type Vpn \\\n  --sku VpnGw1 \\', '  --gateway-type ExpressRoute \\\n  --sku Standard \\');
    expect(er).not.toBe(cli);
    expect(found(rule, 'er.md', er).filter((h) => /legacy VPN gateway SKUs/.test(h.message))).toEqual([]);
    const vpn = cli.replace('  --sku VpnGw1 \\', '  --sku Standard \\');
    expect(found(rule, 'vpn.md', vpn).filter((h) => /legacy VPN gateway SKUs/.test(h.message))).toHaveLength(1);
    const variable = cli.replace('  --gateway-type Vpn \\\n  --sku VpnGw1 \\', '  --gateway-type $GW_TYPE \\\n  --sku Standard \\');
    expect(found(rule, 'variable.md', variable).filter((h) => /legacy VPN gateway SKUs/.test(h.message))).toEqual([]);
  });
  it('an AZ SKU is silent', () => {
    const az = read(VPN_CLI).replace('  --sku VpnGw1 \\', '  --sku VpnGw1AZ \\');
    expect(found(rule, 'az.md', az).filter((h) => /VpnGw/.test(h.message))).toEqual([]);
  });
});

describe('retired-resource-setting: CDN classic, Edgio and Akamai profiles', () => {
  const rule = 'retired-resource-setting';
  it('cdn-manage-powershell.md (azure-docs#8596, #51678): New-AzCdnProfile -Sku Standard_Microsoft, -Sku bound to -SkuName', () => {
    const text = read(CDN);
    const hits = found(rule, CDN);
    expect(hits.map((h) => h.line)).toEqual(linesWith(text, 'New-AzCdnProfile -ProfileName CdnPoshDemo'));
    expect(hits[0]?.message).toMatch(/New-AzCdnProfile -Sku Standard_Microsoft: Azure CDN Standard from Microsoft \(classic\) no longer creates profiles.*August 15, 2025/);
  });
  it('silent on a Front Door Standard/Premium SKU and on the page\'s Get-/Remove-AzCdnProfile', () => {
    const afd = read(CDN).replace('-Sku Standard_Microsoft', '-Sku Standard_AzureFrontDoor');
    expect(found(rule, 'afd.md', afd)).toEqual([]);
  });
});

describe('retired-resource-setting: NSG flow logs (no new ones since 30 June 2025)', () => {
  const rule = 'retired-resource-setting';
  it('network-watcher-nsg-flow-logging-cli.md (azure-docs#58620): both enabling flow-log configure commands; not the one that turns it off', () => {
    const text = read(FLOW_LOG);
    const hits = found(rule, FLOW_LOG);
    expect(hits.map((h) => h.line)).toEqual(linesWith(text, '--enabled true --nsg nsgName'));
    expect(linesWith(text, '--enabled false --nsg nsgName')).toHaveLength(1);
    expect(hits[0]?.message).toMatch(/--nsg nsgName: NSG flow logs can no longer be created.*virtual network flow log \(--vnet\)/);
  });
  it('a virtual network flow log (--vnet) is silent', () => {
    const vnet = read(FLOW_LOG).replaceAll('flow-log configure --resource-group resourceGroupName --enabled true --nsg nsgName', 'flow-log create --resource-group resourceGroupName --name myFlowLog --location eastus --vnet myVNet');
    expect(found(rule, 'vnet.md', vnet)).toEqual([]);
  });
});

describe('az-create-retired-service: Azure Front Door (classic)', () => {
  const rule = 'az-create-retired-service';
  it('quickstart-create-front-door-cli.md: az network front-door create', () => {
    const text = read(FRONT_DOOR);
    const hits = found(rule, FRONT_DOOR);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[linesWith(text, 'az network front-door create \\')[0], 'warning']]);
    expect(hits[0]?.message).toMatch(/Azure Front Door \(classic\), which stopped accepting new resources on 1 April 2025.*az afd profile create --sku Standard_AzureFrontDoor/);
  });
  it('silent on the Standard/Premium quickstart\'s az network front-door waf-policy create (the same extension, still current)', () => {
    expect(read(AFD_WAF)).toMatch(/az network front-door waf-policy create/);
    expect(found(rule, AFD_WAF)).toEqual([]);
  });
});

describe('json-example-invalid: an output cut short at its end is a warning, not an error', () => {
  const rule = 'json-example-invalid';
  it('create-routebased-vpn-gateway-cli.md: the az network public-ip show example stops after a member and its comma', () => {
    const hits = found(rule, VPN_CLI);
    expect(hits.map((h) => h.severity)).toEqual(['warning']);
    expect(hits[0]?.message).toMatch(/an output cut short/);
  });
});
