// Positive cases of issue 16 session 13's wild-w work (reader-reported defects the last sweep missed:
// MicrosoftDocs/azure-docs#98525, the Machine Learning CLI v1/v2 options), appended to rules.test.ts's
// table: a one-line break of the clean fixture. Real pages, positive and negative: wild-w-rules.test.ts.
const AZ = 'az identity create -g';
const FIND = 'This page is a test fixture: lint must report nothing here.';
const w = 'warning' as const;
// Two tab groups: the secrets each tab asks for, then each tab's workflow; the OpenID Connect one reads a
// secret only the Service principal tab asks for (azure-docs#104172).
const TABS = [
  '# [Service principal](#tab/userlevel)',
  '',
  'Create the secrets `AZURE_CREDENTIALS` and `REGISTRY_PASSWORD`.',
  '',
  '# [OpenID Connect](#tab/openid)',
  '',
  'Create the secret `AZURE_CLIENT_ID`.',
  '',
  '---',
  '',
  '# [Service principal](#tab/userlevel)',
  '',
  '```yaml',
  'on: push',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - run: echo ${{ secrets.AZURE_CREDENTIALS }} ${{ secrets.REGISTRY_PASSWORD }}',
  '```',
  '',
  '# [OpenID Connect](#tab/openid)',
  '',
  '```yaml',
  'on: push',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - run: echo ${{ secrets.AZURE_CLIENT_ID }} ${{ secrets.GITHUB_TOKEN }}',
  '      - run: echo ${{ secrets.REGISTRY_PASSWORD }}',
  '```',
  '',
  '---',
];

export const wildWCases = {
  'az-unknown-parameter': [
    { name: 'az ml workspace create -w on a page that installs ml, the v2 extension (azure-docs#98525)', find: AZ, replace: () => 'az extension add -n ml\naz ml workspace create -w myws -g myResourceGroup', offset: 1, message: /installs the ml extension \(line \d+\), whose 'az ml workspace create' has no option -w \(only the azure-cli-ml extension's definition takes --workspace-name\/-w\).*unrecognized arguments: -w myws/, severity: w },
  ],
  'workflow-secret-other-tab': [
    { name: 'the OpenID Connect workflow reads REGISTRY_PASSWORD, which only the Service principal tab asks for (azure-docs#104172)', find: FIND, replace: () => TABS.join('\n'), offset: TABS.indexOf('      - run: echo ${{ secrets.REGISTRY_PASSWORD }}'), message: /"OpenID Connect" tab reads \$\{\{ secrets\.REGISTRY_PASSWORD \}\}, but only the "Service principal" tab tells the reader to create REGISTRY_PASSWORD \(line \d+\).*empty string/, severity: w },
  ],
  'policy-initiative-renamed': [
    { name: "Get-AzPolicySetDefinition filtered on 'Azure Security Benchmark' (azure-docs#117923)", find: FIND, replace: () => ['```powershell', "$Policy = Get-AzPolicySetDefinition | where {$_.Properties.displayName -EQ 'Azure Security Benchmark'}", '```'].join('\n'), offset: 1, message: /No built-in policy initiative is called "Azure Security Benchmark" any more: Azure renamed it "Microsoft cloud security benchmark" \(policy set definition 1f3afdf9-d0c9-4c3d-847f-89da613e70a8; Azure\/azure-policy .*changed in 045719145fb9 on 2023-05-15\)/, severity: w },
    { name: 'az policy set-definition list --query on an old display name', find: AZ, replace: () => `az policy set-definition list --query "[?displayName=='Enable Monitoring in Azure Security Center'].name" -o tsv`, message: /"Enable Monitoring in Azure Security Center".*renamed it "Microsoft cloud security benchmark"/, severity: w },
  ],
  'az-extension-retired': [
    { name: 'az ml workspace show -w on a page that installs azure-cli-ml (v1): ml refuses -w (azure-docs#98525)', find: AZ, replace: () => 'az extension add -n azure-cli-ml\naz ml workspace show -w myws -g myResourceGroup', offset: 1, message: /"az ml workspace show" -w is an option only azure-cli-ml.*takes.*the ml extension that replaces it defines the same command without it.*unrecognized arguments: -w myws.*issues\/98525/, severity: w },
  ],
};
