// Positive cases of issue 16 session 14's wild-y work (Digital Twins, IoT Edge, Azure VMware Solution, Stream
// Analytics, Health Data Services), appended to rules.test.ts's table: a one-line break of the clean fixture. Real
// pages, positive and negative: wild-y-rules.test.ts.
const FIND = 'This page is a test fixture: lint must report nothing here.';
const block = (info: string, ...lines: string[]) => () => ['```' + info, ...lines, '```'].join('\n');
const w = 'warning' as const;

export const wildYCases = {
  'shell-backslash-space': [
    { name: '"\\ --endpoint-type" in the middle of an az line (azure-docs#86743)', find: FIND, replace: block('azurecli', 'az eventgrid event-subscription create --name sub1 --source-resource-id /subscriptions/0000/resourceGroups/rg/providers/Microsoft.EventGrid/topics/t1 \\ --endpoint-type azurefunction --endpoint https://example.com'), offset: 1, message: /bash passes " --endpoint-type" \(with a leading space\) as one word/ },
  ],
  'az-unknown-parameter': [
    { name: '-hub-name for --hub-name (azure-docs#8921)', find: FIND, replace: block('azurecli', 'az iot hub device-identity create --device-id edge001 -hub-name CLIDemoHub --edge-enabled'), offset: 1, message: /-hub-name is written with one dash/, severity: w },
  ],
  'az-missing-required': [
    { name: 'an extension command without a required argument: a warning (azure-docs#54270)', find: FIND, replace: block('azurecli', 'az vmware private-cloud create -g myResourceGroup -n myPrivateCloudName --location eastus --cluster-size 3 --network-block 10.0.0.0/22'), offset: 1, message: /the following arguments are required: --sku.*current reference of the vmware extension/, severity: w },
  ],
};
