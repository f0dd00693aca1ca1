// Regression: two role assignments whose scopes are different placeholders (<apiserver-subnet-resource-id>,
// <cluster-subnet-resource-id>, api-server-vnet-integration.md of MicrosoftDocs/azure-aks-docs @fb060abe)
// were both bound to the emulator's resource group scope, so the second answered 409
// RoleAssignmentExists: a false fail. A scope placeholder that names another resource is left for --set.
import { describe, expect, it } from 'vitest';
import { pageVerdicts } from '../helpers/page-verdicts.ts';

const PAGE = `# Give an identity rights on two subnets

\`\`\`azurecli
az identity create --resource-group myResourceGroup --name myIdentity --location westus
\`\`\`

\`\`\`azurecli
az role assignment create --scope <apiserver-subnet-resource-id> \\
--role "Network Contributor" \\
--assignee <managed-identity-client-id>
\`\`\`

\`\`\`azurecli
az role assignment create --scope <cluster-subnet-resource-id> \\
--role "Network Contributor" \\
--assignee <managed-identity-client-id>
\`\`\`
`;

describe('scope-placeholders-not-one-group', () => {
  it('neither assignment fails; each subnet scope asks for its value', async () => {
    const steps = await pageVerdicts(PAGE, 'tc-scope-');
    const assignments = steps.filter((s) => s.line >= 8);
    expect(assignments.map((s) => s.verdict)).not.toContain('fail');
    expect(assignments.map((s) => s.reason).join('\n')).toMatch(/<apiserver-subnet-resource-id> has no value[\s\S]*<cluster-subnet-resource-id> has no value/);
  }, 120_000);
});
