// Positive cases of issue 16 session 7's wild-d rules (defects readers reported on VM, network and
// identity pages), merged into rules.test.ts's table (one-line breaks of the clean fixture). Their
// real pages, positive and negative, are in wild-d-rules.test.ts.
export const wildDCases = {
  'az-vm-image-alias-retired': [
    { name: 'az vm create --image UbuntuLTS', find: 'az identity create -g', replace: () => 'az vm create -g myResourceGroup -n myVM --image UbuntuLTS --generate-ssh-keys', message: /"UbuntuLTS" is no longer an image alias.*Invalid image "UbuntuLTS".*Ubuntu2204/, severity: 'warning' as const },
    { name: 'az vmss create --image through a variable (case differs)', find: 'az identity create -g', replace: () => 'IMAGE=centos\naz vmss create -g myResourceGroup -n mySet --image $IMAGE', offset: 1, message: /the value of \$IMAGE.*"CentOS" is no longer an image alias.*CentOS85Gen2/, severity: 'warning' as const },
  ],
  'shell-fd-redirect-space': [
    { name: 'az … 1 > /dev/null (azure-docs#36169)', find: 'az identity create -g', replace: () => 'az group create -n myResourceGroup -l westus 1 > /dev/null', message: /"1 >".*passes it to az as an argument.*unrecognized arguments: 1/, severity: 'error' as const },
  ],
  'app-gateway-rule-priority-missing': [
    { name: 'a Standard_v2 gateway without --priority', find: 'az identity create -g', replace: () => 'az network application-gateway create -g myResourceGroup -n myAppGateway --sku Standard_v2 --public-ip-address myIp --vnet-name myVNet --subnet mySubnet', message: /--sku Standard_v2 without --priority.*ApplicationGatewayRequestRoutingRulePriorityCannotBeEmpty/, severity: 'warning' as const },
  ],
};
