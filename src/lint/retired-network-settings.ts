// The networking settings Azure has retired, as retired-resource-setting reads them: what an az command, an Azure
// PowerShell cmdlet or a template may no longer create. Each fact is quoted from the service's retirement notice;
// readers hit these on the networking pages (MicrosoftDocs/azure-docs#113829, #49351, #8596, #51678).
import type { Setting } from './rules/retired-resource-setting.ts';

const BASIC_IP_SOURCE =
  'Azure updates "Upgrade to Standard SKU public IP addresses in Azure by 30 September 2025—Basic SKU will be retired"; Learn "Upgrading a basic public IP address to Standard SKU - Guidance" (virtual-network/ip-services/public-ip-basic-upgrade-guidance) and "About migrating a Basic SKU public IP address to Standard SKU" (vpn-gateway/basic-public-ip-migrate-about)';
const BASIC_IP =
  'Basic SKU public IP addresses are retired: Azure stopped creating new ones on 31 March 2025 (June 2025 for Basic SKU VPN gateways) and retired the SKU on 30 September 2025, so the create fails with IPv4BasicSkuPublicIpCountLimitReached "Cannot create more than 0 IPv4 Basic SKU public IP addresses for this subscription in this region" (Azure/azure-quickstart-templates#14512)';
const DYNAMIC_IP =
  'dynamic allocation exists only on Basic SKU public IPs, which are retired (no new ones since 31 March 2025, retired on 30 September 2025), and a Standard public IP must be Static: the create fails either way, with StandardSkuPublicIPAddressesMustBeStatic "Standard sku publicIp … must have AllocationMethod set to Static" (MicrosoftDocs/azure-docs#42889; Standard is az network public-ip create\'s default since Azure/azure-cli#27691) or with IPv4BasicSkuPublicIpCountLimitReached for a Basic one; readers reported it on a Dynamic VPN gateway IP (MicrosoftDocs/azure-docs#113829)';
const BASIC_LB =
  'Basic Load Balancer was retired on 30 September 2025 (with the Basic public IPs it uses); only Standard and Gateway load balancers can be created';
const BASIC_LB_SOURCE = 'Azure updates "Azure Basic Load Balancer will be retired on 30 September 2025—upgrade to Standard Load Balancer"; Learn "Upgrading from Basic Load Balancer - Guidance" (load-balancer/load-balancer-basic-upgrade-guidance)';
const VPN_NON_AZ =
  'the VPN gateway SKUs VpnGw1-5 without availability zones can no longer be created: "Effective January 1, 2025: Creation of new VPN gateways using VpnGw1-5 SKUs (non-AZ) will no longer be possible", and the existing ones are migrated to the AZ SKUs (VpnGw1AZ-5AZ)';
const VPN_NON_AZ_SOURCE = 'Learn "VPN Gateway SKU consolidation and migration" (vpn-gateway/gateway-sku-consolidation); Azure updates "VpnGw1-5 non-AZ SKUs will be retired on 30 September 2026"';
const VPN_LEGACY =
  'the legacy VPN gateway SKUs Standard and HighPerformance were retired on 30 September 2025 (existing gateways are migrated to AZ SKUs): a new VPN gateway cannot use them';
const VPN_LEGACY_SOURCE = 'Azure updates "Standard and HighPerformance VPN gateway SKUs will be retired on 30 September 2025"; Learn "Working with VPN Gateway legacy SKUs" (vpn-gateway/vpn-gateway-about-skus-legacy) and "VPN Gateway SKU consolidation and migration"';
const CDN_CLASSIC =
  'Azure CDN Standard from Microsoft (classic) no longer creates profiles: "Starting August 15, 2025, Azure CDN from Microsoft (classic) will no longer support new domain onboarding or profile creation" (the tier retires on 30 September 2027); deployments now stop with "Azure CDN from Microsoft (classic) no longer support new profile creation" (microsoft/dicom-ohif#20)';
const CDN_CLASSIC_SOURCE = 'Learn "Azure CDN Standard from Microsoft (classic) retirement FAQ" (cdn/classic-cdn-retirement-faq)';
const CDN_EDGIO =
  'Azure CDN from Edgio (the Verizon SKUs Standard_Verizon, Premium_Verizon, Custom_Verizon) is retired: Edgio shut the service down on 15 January 2025, ahead of the announced retirement on 4 November 2025';
const CDN_EDGIO_SOURCE = 'Learn "Azure CDN from Edgio retirement FAQ" (cdn/edgio-retirement-faq); hashicorp/terraform-provider-azurerm#29299';
const CDN_AKAMAI = 'Azure CDN Standard from Akamai was retired on 31 October 2023 (readers reported its profiles failing, MicrosoftDocs/azure-docs#108877, #51678)';
const CDN_AKAMAI_SOURCE = 'Learn "Azure CDN from Akamai retirement FAQ" (cdn/akamai-retirement-faq)';
const NSG_FLOW_LOG =
  'NSG flow logs can no longer be created: "you\'ll no longer be able to create new NSG flow logs starting June 30, 2025", and NSG flow logs retire on 30 September 2027; a virtual network flow log (--vnet) replaces them';
const NSG_FLOW_LOG_SOURCE = 'Learn "Virtual network flow logs" (network-watcher/vnet-flow-logs-overview) and "Migrate to virtual network flow logs" (network-watcher/nsg-flow-logs-migrate)';

const WAF_CONFIG =
  'an Application Gateway WAF_v2 can no longer be given a (legacy) WAF configuration: "No creation of new WAF configuration deployments: March 15, 2025. The ability to create new WAF configuration deployments on the Application Gateway WAF V2 SKU is discontinued", and WAF configuration retires on 15 March 2027; readers asked for WAF policies instead (MicrosoftDocs/azure-docs#43902)';
const WAF_CONFIG_SOURCE = 'Learn "Upgrade to Azure Application Gateway WAF policy", Retirement timelines (MicrosoftDocs/azure-docs articles/web-application-firewall/ag/upgrade-ag-waf-policy.md)';
const WAF_CRS =
  'the OWASP Core Rule Sets 2.2.9, 3.0 and 3.1 can no longer be used for a new Application Gateway WAF policy: CRS 2.2.9 has not been supported since 15 March 2025, and since DRS 2.2 was released (February 2026) CRS 3.0 and 3.1 are the N-3 version, of which "new Azure WAF policies can\'t be created with the N-3 version, and any existing WAF policies with the N-3 version can\'t be attached" (their support ends on 26 February 2027)';
const WAF_CRS_SOURCE = 'Learn "Azure Web Application Firewall managed ruleset support policy" (MicrosoftDocs/azure-docs articles/web-application-firewall/ruleset-support-policy.md @8c1218e598b4)';
const WAF_FD_DRS1 =
  'the Front Door Default Rule Sets 1.0, 1.1 and 1.2 can no longer be used for a new Front Door WAF policy: since DRS 2.2 was released (February 2026) they are the N-3 version, and "new Azure WAF policies can\'t be created with the N-3 version" (their support ends on 26 February 2027)';

/** A gateway of type Vpn (the default of az and of the cmdlet): an ExpressRoute gateway's Standard and HighPerformance SKUs are current. */
const VPN_TYPE = { option: '--gateway-type', value: /^Vpn$/i };
const VPN_TYPE_PS = { option: 'GatewayType', value: /^Vpn$/i };
const CDN_SKUS: readonly { value: RegExp; fact: string; source: string }[] = [
  { value: /^Standard_Microsoft$/i, fact: CDN_CLASSIC, source: CDN_CLASSIC_SOURCE },
  { value: /^(?:Standard|Premium|Custom)_Verizon$/i, fact: CDN_EDGIO, source: CDN_EDGIO_SOURCE },
  { value: /^Standard_Akamai$/i, fact: CDN_AKAMAI, source: CDN_AKAMAI_SOURCE },
];

export const NETWORK_SETTINGS: readonly Setting[] = [
  {
    az: { path: 'network public-ip create', option: '--sku', value: /^Basic$/i },
    ps: [{ cmdlet: 'New-AzPublicIpAddress', parameter: /^Sku$/i, value: /^Basic$/i }],
    type: 'Microsoft.Network/publicIPAddresses', // a template's sku name Basic may be another resource's (a Basic VPN gateway): not judged
    fact: BASIC_IP,
    source: BASIC_IP_SOURCE,
  },
  { az: { path: 'vm create', option: '--public-ip-sku', value: /^Basic$/i }, ps: [], type: 'Microsoft.Network/publicIPAddresses', fact: BASIC_IP, source: BASIC_IP_SOURCE },
  {
    az: { path: 'network public-ip create', option: '--allocation-method', value: /^Dynamic$/i },
    ps: [{ cmdlet: 'New-AzPublicIpAddress', parameter: /^AllocationMethod$/i, value: /^Dynamic$/i }],
    type: 'Microsoft.Network/publicIPAddresses',
    // publicIPAllocationMethod belongs to public IP addresses only (a NIC's or a gateway's is privateIPAllocationMethod)
    template: /^\s*["']?publicIPAllocationMethod["']?\s*:\s*["'](Dynamic)["']/i,
    fact: DYNAMIC_IP,
    source: BASIC_IP_SOURCE,
  },
  {
    az: { path: 'network lb create', option: '--sku', value: /^Basic$/i },
    ps: [{ cmdlet: 'New-AzLoadBalancer', parameter: /^Sku$/i, value: /^Basic$/i }],
    type: 'Microsoft.Network/loadBalancers',
    fact: BASIC_LB,
    source: BASIC_LB_SOURCE,
  },
  { az: { path: 'vmss create', option: '--lb-sku', value: /^Basic$/i }, ps: [], type: 'Microsoft.Network/loadBalancers', fact: BASIC_LB, source: BASIC_LB_SOURCE },
  {
    az: { path: 'network vnet-gateway create', option: '--sku', value: /^VpnGw[1-5]$/i },
    ps: [{ cmdlet: 'New-AzVirtualNetworkGateway', parameter: /^GatewaySku$/i, value: /^VpnGw[1-5]$/i }],
    type: 'Microsoft.Network/virtualNetworkGateways',
    template: /^\s*["']?name["']?\s*:\s*["'](VpnGw[1-5])["']/,
    fact: VPN_NON_AZ,
    source: VPN_NON_AZ_SOURCE,
  },
  {
    az: { path: 'network vnet-gateway create', option: '--sku', value: /^(?:Standard|HighPerformance)$/i, only: VPN_TYPE },
    ps: [{ cmdlet: 'New-AzVirtualNetworkGateway', parameter: /^GatewaySku$/i, value: /^(?:Standard|HighPerformance)$/i, only: VPN_TYPE_PS }],
    type: 'Microsoft.Network/virtualNetworkGateways', // "name": "Standard" is also an ExpressRoute gateway's or a public IP's: not judged in templates
    fact: VPN_LEGACY,
    source: VPN_LEGACY_SOURCE,
  },
  ...CDN_SKUS.map(
    (k): Setting => ({
      az: { path: 'cdn profile create', option: '--sku', value: k.value },
      ps: [{ cmdlet: 'New-AzCdnProfile', parameter: /^SkuName$/i, value: k.value }],
      type: 'Microsoft.Cdn/profiles',
      template: new RegExp(`^\\s*["']?name["']?\\s*:\\s*["'](${k.value.source.slice(1, -1)})["']`, 'i'),
      fact: k.fact,
      source: k.source,
    }),
  ),
  // issue 16 session 12 (wild-u): Web Application Firewall — the legacy WAF configuration of an Application Gateway
  // (readers: MicrosoftDocs/azure-docs#43902) and the managed rule set versions new WAF policies no longer take.
  {
    az: { path: 'network application-gateway waf-config set', option: '--enabled', value: /^true$/i },
    ps: [], // Set-AzApplicationGatewayWebApplicationFirewallConfiguration is not in the cmdlet table
    type: 'Microsoft.Network/applicationGateways',
    template: /^\s*["']?(webApplicationFirewallConfiguration)["']?\s*:/,
    fact: WAF_CONFIG,
    source: WAF_CONFIG_SOURCE,
  },
  // CRS versions exist only for --type OWASP (bot manager, DRS and HTTP DDoS rule sets have other numbers)
  ...['network application-gateway waf-policy create', 'network application-gateway waf-policy managed-rule rule-set add', 'network application-gateway waf-policy managed-rule rule-set update'].map(
    (path): Setting => ({
      az: { path, option: '--version', value: /^(?:2\.2\.9|3\.0|3\.1)$/ },
      ps: [],
      type: 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies',
      template: /^\s*["']?ruleSetVersion["']?\s*:\s*["'](2\.2\.9|3\.0|3\.1)["']/,
      fact: WAF_CRS,
      source: WAF_CRS_SOURCE,
    }),
  ),
  // Front Door's bot manager rule set is also numbered 1.0 and 1.1: only the default rule set is judged
  {
    az: { path: 'network front-door waf-policy managed-rules add', option: '--version', value: /^1\.[012]$/, only: { option: '--type', value: /^(?:Microsoft_)?DefaultRuleSet$/i } },
    ps: [],
    type: 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies', // no template line: "ruleSetVersion": "1.0" is also the bot manager's
    fact: WAF_FD_DRS1,
    source: WAF_CRS_SOURCE,
  },
  // --nsg names the network security group the flow log is for; `configure --enabled false` turns one off, no create
  ...['network watcher flow-log create', 'network watcher flow-log configure'].map(
    (path): Setting => ({
      az: { path, option: '--nsg', value: /./, only: { option: '--enabled', value: /^(?:true|t|yes|y|1)$/i } },
      ps: [],
      type: 'Microsoft.Network/networkWatchers/flowLogs',
      fact: NSG_FLOW_LOG,
      source: NSG_FLOW_LOG_SOURCE,
    }),
  ),
];
