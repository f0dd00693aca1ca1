// Positive cases of az-output-schema and az-query-path (issue 16 session 7, exout2), merged into
// rules.test.ts's table. Their negatives and the cases mutated from real pages are in
// az-output-schema.test.ts.
export const exout2Cases = {
  'az-output-schema': [
    {
      name: 'az group show output with provisioningState at the top (az prints it under properties)',
      find: 'This page is a test fixture',
      replace: () => '```azurecli\naz group show --name myResourceGroup\n```\n\nThe output:\n\n```json\n{ "id": "/subscriptions/<sub>/resourceGroups/myResourceGroup", "name": "myResourceGroup", "provisioningState": "Succeeded" }\n```',
      offset: 7,
      message: /az group show prints the ResourceGroups_CreateOrUpdate answer .*provisioningState is printed under "properties"/,
      severity: 'warning' as const,
    },
  ],
  'az-query-path': [
    {
      name: 'properties.principalId of az identity show (az prints principalId at the top)',
      find: 'This page is a test fixture',
      replace: () => '```azurecli\nprincipalId=$(az identity show --name myIdentity --resource-group myResourceGroup --query properties.principalId --output tsv)\n```',
      offset: 1,
      message: /--query properties\.principalId: az lifts the resource's properties to the top level .*x-ms-client-flatten/,
      severity: 'warning' as const,
    },
  ],
};
