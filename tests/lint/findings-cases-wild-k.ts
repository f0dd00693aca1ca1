// Positive cases of issue 16 session 11's wild-k work (networking retirements readers hit: Basic and Dynamic public
// IPs, Basic load balancers, non-AZ and legacy VPN gateway SKUs, CDN classic/Edgio/Akamai profiles, NSG flow logs,
// Azure Front Door (classic)), appended to rules.test.ts's table: a one-line break of the clean fixture. Real pages,
// positive and negative: wild-k-rules.test.ts.
const AZ = 'az identity create -g';
const FIND = 'This page is a test fixture: lint must report nothing here.';
const block = (info: string, ...lines: string[]) => () => ['```' + info, ...lines, '```'].join('\n');
const w = 'warning' as const;

export const wildKCases = {
  'retired-resource-setting': [
    { name: 'az network public-ip create --allocation-method Dynamic (azure-docs#113829)', find: AZ, replace: () => 'az network public-ip create -g myResourceGroup -n myGwIp --allocation-method Dynamic', message: /--allocation-method Dynamic: dynamic allocation exists only on Basic SKU public IPs.*StandardSkuPublicIPAddressesMustBeStatic/, severity: w },
    { name: 'az network public-ip create --sku Basic', find: AZ, replace: () => 'az network public-ip create -g myResourceGroup -n myIp --sku Basic', message: /--sku Basic: Basic SKU public IP addresses are retired.*IPv4BasicSkuPublicIpCountLimitReached/, severity: w },
    { name: 'az vm create --public-ip-sku Basic', find: AZ, replace: () => 'az vm create -g myResourceGroup -n myVM --image Ubuntu2204 --public-ip-sku Basic --generate-ssh-keys', message: /--public-ip-sku Basic: Basic SKU public IP addresses are retired/, severity: w },
    { name: 'az network lb create --sku Basic', find: AZ, replace: () => 'az network lb create -g myResourceGroup -n myLB --sku Basic --public-ip-address myPublicIP', message: /--sku Basic: Basic Load Balancer was retired on 30 September 2025/, severity: w },
    { name: 'az network vnet-gateway create --sku VpnGw1 (non-AZ)', find: AZ, replace: () => 'az network vnet-gateway create -g myResourceGroup -n VNet1GW --vnet VNet1 --public-ip-address VNet1GWIP --gateway-type Vpn --vpn-type RouteBased --sku VpnGw1', message: /--sku VpnGw1: the VPN gateway SKUs VpnGw1-5 without availability zones can no longer be created/, severity: w },
    { name: 'az network vnet-gateway create --sku HighPerformance (a VPN gateway by default)', find: AZ, replace: () => 'az network vnet-gateway create -g myResourceGroup -n VNet1GW --vnet VNet1 --public-ip-address VNet1GWIP --sku HighPerformance', message: /--sku HighPerformance: the legacy VPN gateway SKUs Standard and HighPerformance were retired/, severity: w },
    { name: 'az cdn profile create --sku Standard_Verizon (Edgio)', find: AZ, replace: () => 'az cdn profile create -g myResourceGroup -n myCdn --sku Standard_Verizon', message: /--sku Standard_Verizon: Azure CDN from Edgio .* is retired/, severity: w },
    { name: 'az cdn profile create --sku Standard_Microsoft (classic)', find: AZ, replace: () => 'az cdn profile create -g myResourceGroup -n myCdn --sku Standard_Microsoft', message: /--sku Standard_Microsoft: Azure CDN Standard from Microsoft \(classic\) no longer creates profiles/, severity: w },
    { name: 'az network watcher flow-log create --nsg', find: AZ, replace: () => 'az network watcher flow-log create -g myResourceGroup -n myFlowLog --nsg myNsg --storage-account mystorage --location eastus', message: /--nsg myNsg: NSG flow logs can no longer be created.*June 30, 2025/, severity: w },
    { name: 'New-AzPublicIpAddress -AllocationMethod Dynamic', find: FIND, replace: block('azurepowershell', 'New-AzPublicIpAddress -Name myGwIp -ResourceGroupName rg -Location eastus -AllocationMethod Dynamic'), offset: 1, message: /New-AzPublicIpAddress -AllocationMethod Dynamic: dynamic allocation exists only on Basic SKU/, severity: w },
    { name: 'New-AzVirtualNetworkGateway -GatewaySku Standard (no -GatewayType: a VPN gateway)', find: FIND, replace: block('azurepowershell', 'New-AzVirtualNetworkGateway -Name gw -ResourceGroupName rg -Location eastus -IpConfigurations $ipconf -GatewaySku Standard'), offset: 1, message: /New-AzVirtualNetworkGateway -GatewaySku Standard: the legacy VPN gateway SKUs/, severity: w },
    { name: 'New-AzCdnProfile -SkuName Standard_Akamai', find: FIND, replace: block('azurepowershell', 'New-AzCdnProfile -Name cdn -ResourceGroupName rg -Location Global -SkuName Standard_Akamai'), offset: 1, message: /New-AzCdnProfile -SkuName Standard_Akamai: Azure CDN Standard from Akamai was retired on 31 October 2023/, severity: w },
    { name: 'a Microsoft.Network/publicIPAddresses template with publicIPAllocationMethod Dynamic', find: FIND, replace: block('json', '{', '  "type": "Microsoft.Network/publicIPAddresses",', '  "apiVersion": "2023-04-01",', '  "name": "myIp",', '  "properties": {', '    "publicIPAllocationMethod": "Dynamic"', '  }', '}'), offset: 6, message: /publicIPAllocationMethod.*dynamic allocation exists only on Basic SKU/, severity: w },
  ],
  'az-create-retired-service': [
    { name: 'az network front-door create (classic, no new ones since 1 April 2025)', find: AZ, replace: () => 'az network front-door create -g myRGFD -n contoso-frontend --accepted-protocols Http Https --backend-address webappcontoso-1.azurewebsites.net', message: /Azure Front Door \(classic\), which stopped accepting new resources on 1 April 2025.*Creation of new Frontdoors are not allowed.*az afd profile create/, severity: w },
  ],
};
