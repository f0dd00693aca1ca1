// Positive cases of issue 16 session 12's wild-q rules and extensions (compute: Windows VMs, scale sets, Batch),
// merged into rules.test.ts's table by concatenation (retired-resource-setting already has cases). A one-line break
// of the clean fixture adds a block whose second line (offset 1) has the defect. Their real pages, positive and
// negative, are in wild-q-rules.test.ts.
const FIND = 'This page is a test fixture: lint must report nothing here.';
const azcli = (...lines: string[]) => () => ['```azurecli', ...lines, '```'].join('\n');
const warning = 'warning' as const;

export const wildQCases = {
  'retired-resource-setting': [
    { name: 'az vm create --size Standard_A1 (Av1, retired 31 August 2024)', find: FIND, replace: azcli('az vm create -g myResourceGroup -n myVM --image Ubuntu2204 --size Standard_A1 --generate-ssh-keys'), offset: 1, message: /--size Standard_A1: Basic and Standard A-series \(Av1\) VM sizes were retired on 31 August 2024/, severity: warning },
    { name: 'az vmss create --vm-sku Standard_NC6 (NC, retired 6 September 2023)', find: FIND, replace: azcli('az vmss create -g myResourceGroup -n mySet --image Ubuntu2204 --vm-sku Standard_NC6 --generate-ssh-keys'), offset: 1, message: /--vm-sku Standard_NC6: the NC, NCv2, ND and NV GPU series were retired on 6 September 2023/, severity: warning },
    { name: 'az batch pool create --node-agent-sku-id "batch.node.ubuntu 18.04"', find: FIND, replace: azcli('az batch pool create --id mypool --vm-size Standard_D2s_v3 --image canonical:ubuntuserver:18.04-LTS --node-agent-sku-id "batch.node.ubuntu 18.04"'), offset: 1, message: /--node-agent-sku-id batch\.node\.ubuntu 18\.04: that Batch node agent SKU is retired.*After 31 December 2024, no new Batch pools can be created/, severity: warning },
    { name: 'az vm create --use-unmanaged-disk (retired 31 March 2026)', find: FIND, replace: azcli('az vm create -g myResourceGroup -n myVM --image Ubuntu2204 --use-unmanaged-disk --generate-ssh-keys'), offset: 1, message: /--use-unmanaged-disk: unmanaged disks are retired.*March 31, 2026/, severity: warning },
    { name: 'a VM template whose osDisk is a VHD blob (unmanaged)', find: FIND, replace: () => ['```json', '{', '  "type": "Microsoft.Compute/virtualMachines",', '  "apiVersion": "2016-03-30",', '  "name": "myVM",', '  "properties": {', '    "hardwareProfile": { "vmSize": "Standard_A1" },', '    "storageProfile": {', '      "osDisk": {', '        "name": "osdisk",', '        "vhd": {', '          "uri": "https://mystorage.blob.core.windows.net/vhds/osdisk.vhd"', '        },', '        "createOption": "FromImage"', '      }', '    }', '  }', '}', '```'].join('\n'), offset: 10, message: /"vhd": \{ — unmanaged disks are retired/, severity: warning },
  ],
  'vm-image-ubuntu-offer': [
    { name: 'Set-AzVMSourceImage -Offer UbuntuServer -Skus 20.04-LTS (azure-docs#98836)', find: FIND, replace: () => ['```azurepowershell', 'Set-AzVMSourceImage -VM $vmConfig -PublisherName Canonical -Offer UbuntuServer -Skus 20.04-LTS -Version latest', '```'].join('\n'), offset: 1, message: /UbuntuServer offer has no SKU 20\.04-LTS.*0001-com-ubuntu-server-focal/, severity: warning },
    { name: 'az vm create --image Canonical:UbuntuServer:22.04-LTS:latest', find: FIND, replace: azcli('az vm create -g myResourceGroup -n myVM --image Canonical:UbuntuServer:22.04-LTS:latest --generate-ssh-keys'), offset: 1, message: /UbuntuServer offer has no SKU 22\.04-LTS.*Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2/, severity: warning },
  ],
};
