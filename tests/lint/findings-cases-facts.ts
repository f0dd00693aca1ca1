// Positive cases of the stale-fact rules (issue 16, session 4: preview that is GA, deprecated az
// commands, SCM basic authentication, workflow YAML), merged into rules.test.ts's table. Their
// negative cases on real pages are in stale-facts.test.ts.
const WORKFLOW = (env: string, name2 = '') =>
  ['```yaml', 'name: Deploy', 'on: [push]', name2, 'env:', `  ${env}`, 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: azure/webapps-deploy@v3', '        with:', '          package: ${{ env.PACKAGE_PATH }}', '```'].filter((l) => l !== '').join('\n');

export const factsCases = {
  'prose-stale-preview': [
    { name: 'GA feature titled preview', find: '# Read a blob with a VM managed identity', replace: () => '# Configure key auto-rotation in Azure Key Vault (preview)', message: /became generally available.*keyvault\/key\.yml/, severity: 'warning' as const },
    { name: 'GA feature in a preview note', find: 'This page is a test fixture', replace: () => '> User delegation SAS is currently in preview.', message: /became generally available on 15 January 2020/, severity: 'warning' as const },
  ],
  'az-deprecated-command': [
    { name: 'az webapp up', find: 'az identity create -g', replace: () => 'az webapp up --name <APP NAME> --html', message: /"az webapp up" is deprecated.*Use 'webapp create and webapp deploy' instead/, severity: 'warning' as const },
  ],
  'app-service-basic-auth-disabled': [
    { name: 'publish profile downloaded in the portal', find: 'This page is a test fixture', replace: () => '1. On the **Overview** page, select **Get publish profile**.', message: /disabled by default.*basicPublishingCredentialsPolicies/, severity: 'warning' as const },
  ],
  'yaml-duplicate-key': [
    { name: 'two top-level name keys in a workflow', find: 'This page is a test fixture', replace: () => WORKFLOW('PACKAGE_PATH: .', 'name: Node.js'), offset: 3, message: /"name" is already a key of this mapping \(line 9\).*GitHub Actions rejects the workflow file/, severity: 'warning' as const },
  ],
  'retired-resource-setting': [
    { name: 'legacy Blob storage account created', find: 'az identity create -g', replace: () => 'az storage account create -g <RESOURCE GROUP> -n <ACCOUNT> --sku Standard_LRS --kind BlobStorage --access-tier Hot', message: /--kind BlobStorage: general-purpose v1 \(kind Storage\) and legacy Blob storage \(kind BlobStorage\) accounts are retired/, severity: 'warning' as const },
  ],
  'python-below-sdk-minimum': [
    { name: 'Python 2.7+ or 3.5.3+ for pip install azure-identity', find: 'This page is a test fixture', replace: () => 'Install [Python 2.7+ or 3.5.3+](https://www.python.org/downloads), then run `pip install azure-identity`.', message: /require Python 3\.9 or later.*azure-core\/pyproject\.toml.*on Python 2\.7 or 3\.5 pip finds no current release/, severity: 'warning' as const },
  ],
  'workflow-undefined-env': [
    { name: 'env.PACKAGE_PATH read, env block defines another name', find: 'This page is a test fixture', replace: () => WORKFLOW('APP_NAME: my-app'), offset: 3, message: /reads \$\{\{ env\.PACKAGE_PATH \}\} on line 19, but its env block \(lines 11-12\)/, severity: 'warning' as const },
  ],
};
