// Positive cases of issue 16 session 15's wild-data work (data and analytics pages: Synapse, Sentinel,
// Data Factory, Purview, Log Analytics), appended to rules.test.ts's table: a one-line break of the clean
// fixture. Real pages, positive and negative: wild-data-rules.test.ts.
const FIND = 'This page is a test fixture: lint must report nothing here.';

export const wildDataCases = {
  'az-synopsis-as-command': [
    {
      name: 'a one-line az synopsis offered as "this Azure CLI command" (azure-docs#85246)',
      find: FIND,
      replace: () => ['You can use this Azure CLI command:', '', '```azurecli', 'az purview account add-root-collection-admin --account-name --resource-group [--object-id]', '```'].join('\n'),
      offset: 3,
      message: /parameter names only.*argument --account-name\/--name\/-n: expected one argument.*--account-name <account-name> --resource-group <resource-group> --object-id <object-id>/,
      severity: 'warning' as const,
    },
  ],
};
