// Positive cases of issue 16 session 10's deploy-params rules (a deployment command against the template
// the page shows), merged into rules.test.ts's table: the clean fixture's `az identity create` block is
// replaced by a Bicep file the prose names main.bicep and a command that deploys it. Their real pages,
// negatives, are in deploy-params-rules.test.ts.
const FENCE_END = '```';
/** The az identity create line becomes: its fence closed, a named Bicep file, and a block opening with `command` (8 + the Bicep lines below it). */
const page = (bicep: string[], command: string) => [FENCE_END, '', 'Save the following Bicep file as main.bicep:', '', '```bicep', ...bicep, FENCE_END, '', '```azurecli', command].join('\n');
const STORAGE = ['param storageName string', "param location string = 'westus'"];
const at = (bicep: string[]) => 8 + bicep.length;

export const deployParamsCases = {
  'deployment-parameter-not-declared': [
    { name: '--parameters storageNme=… against param storageName', find: 'az identity create -g', replace: () => page(STORAGE, 'az deployment group create -g myRG --template-file main.bicep --parameters storageNme=abc'), offset: at(STORAGE), message: /unrecognized template parameter 'storageNme'\. Allowed parameters: location, storageName.*Did you mean storageName\?/, severity: 'error' as const },
  ],
  'deployment-parameter-not-passed': [
    { name: 'param storageName string (no default) not passed', find: 'az identity create -g', replace: () => page(STORAGE, 'az deployment group create -g myRG --template-file main.bicep --parameters location=eastus'), offset: at(STORAGE), message: /without storageName.*Missing input parameters: storageName/, severity: 'warning' as const },
  ],
  'deployment-scope-mismatch': [
    { name: "targetScope = 'subscription' deployed with az deployment group create", find: 'az identity create -g', replace: () => page(["targetScope = 'subscription'", ...STORAGE], 'az deployment group create -g myRG --template-file main.bicep --parameters storageName=abc'), offset: at(["targetScope = 'subscription'", ...STORAGE]), message: /The target scope "subscription" does not match the deployment scope "resourceGroup".*az deployment sub create/, severity: 'error' as const },
  ],
  'powershell-parameter-equals': [
    { name: '-dnsPrefix=<dns-prefix> (azure-docs#105575)', find: 'az identity create -g', replace: () => 'New-AzResourceGroupDeployment -ResourceGroupName myRG -TemplateFile ./main.bicep -dnsPrefix=<dns-prefix>', message: /parameter named "dnsPrefix=<dns-prefix>".*Write -dnsPrefix <dns-prefix>/, severity: 'error' as const },
  ],
};
