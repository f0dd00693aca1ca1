// Regressions from a sweep of never-seen AKS pages (MicrosoftDocs/azure-aks-docs @fb060abe):
// - workload-identity-cross-tenant.md deletes "the" resource group once in Tenant A and once in Tenant B,
//   after `az account set --subscription $TENANT_B_SUBSCRIPTION_ID`; the emulator has one subscription, so
//   the second delete answered 404 ResourceGroupNotFound: a false fail.
// - aks-legacy-migration.md writes `az aks nodepool add ... --max-pods 20`: an elision, failed as a usage error.
import { describe, expect, it } from 'vitest';
import { pageVerdicts } from '../helpers/page-verdicts.ts';

const CROSS_TENANT = `# Two tenants

\`\`\`azurecli
TENANT_A_SUBSCRIPTION_ID=<subscription-id>
az account set --subscription $TENANT_A_SUBSCRIPTION_ID
\`\`\`

\`\`\`azurecli
RESOURCE_GROUP=<resource-group-name>
az group create --name $RESOURCE_GROUP --location westus
\`\`\`

\`\`\`azurecli
TENANT_B_SUBSCRIPTION_ID=<subscription-id>
az account set --subscription $TENANT_B_SUBSCRIPTION_ID
\`\`\`

\`\`\`azurecli
az account set --subscription $TENANT_A_SUBSCRIPTION_ID
az group delete --name $RESOURCE_GROUP --yes --no-wait
\`\`\`

\`\`\`azurecli
az account set --subscription $TENANT_B_SUBSCRIPTION_ID
az group delete --name $RESOURCE_GROUP --yes --no-wait
\`\`\`
`;

describe('second-subscription-and-elided-command', () => {
  it('a failure after the page switched to its second subscription is unsupported, not fail; the first delete still passes', async () => {
    const steps = await pageVerdicts(CROSS_TENANT, 'tc-xt-');
    expect(steps.map((s) => s.verdict)).not.toContain('fail');
    const deletes = steps.filter((s) => /group delete/.test(s.reason) || s.line >= 23);
    expect(steps.find((s) => s.verdict === 'unsupported' && /works in another subscription here \(line \d+: az account set --subscription \$TENANT_B_SUBSCRIPTION_ID/.test(s.reason))).toBeDefined();
    expect(deletes.length).toBeGreaterThan(0);
  }, 120_000);
  it('an az command with "..." in it is not failed as a usage error', async () => {
    const steps = await pageVerdicts('# t\n\n```azurecli\naz aks nodepool add ... --max-pods 20\n```\n', 'tc-elide-');
    expect(steps.map((s) => s.verdict)).toEqual(['unsupported']);
  }, 120_000);
});
