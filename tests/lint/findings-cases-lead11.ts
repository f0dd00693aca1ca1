// Positive cases of the rule the lead wrote in issue 16 session 11 (a prose claim of which built-in
// roles alone hold a permission), merged into rules.test.ts's table. Its real pages, positive and
// negative, are in prose-only-roles-claim.test.ts.
export const lead11Cases = {
  'prose-only-roles-claim': [
    { name: 'only Owner and User Access Administrator hold roleAssignments/write (role-assignments-rest.md)', find: 'This page is a test fixture', replace: () => 'To call this API, you must have access to the `Microsoft.Authorization/roleAssignments/write` operation. Of the built-in roles, only [Owner](built-in-roles.md#owner) and [User Access Administrator](built-in-roles.md#user-access-administrator) are granted access to this operation.', message: /is also granted by Role Based Access Control Administrator/, severity: 'warning' as const },
  ],
  'prose-sas-field-not-set': [
    { name: 'a start time promised, no --start (blob-containers-cli.md)', find: 'This page is a test fixture', replace: () => 'The example will configure the SAS with start and expiry times.\n\n```azurecli\naz storage container generate-sas --account-name acct --name demo --permissions r --expiry 2030-01-01T00:00Z\n```', message: /a start time .*without --start the token has no st field/, severity: 'warning' as const },
  ],
};
