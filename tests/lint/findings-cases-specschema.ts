// Positive cases of the schema rules (issue 16 session 5: request-body-schema, example-output-schema),
// merged into rules.test.ts's table. Their negatives on real pages are in spec-schema-rules.test.ts.
const IDENTITY_PUT = (body: string) =>
  `\`\`\`bash\ncurl -X PUT "https://management.azure.com/subscriptions/<SUBSCRIPTION ID>/resourceGroups/<RESOURCE GROUP>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<IDENTITY NAME>?api-version=2023-01-31" -H "Authorization: Bearer <ACCESS TOKEN>" -H "Content-Type: application/json" -d '${body}'\n\`\`\``;

export const specschemaCases = {
  'request-body-schema': [
    { name: 'curl -d body with a misspelt property', find: 'This page is a test fixture', replace: () => IDENTITY_PUT('{"loaction": "eastus"}'), offset: 1, message: /loaction is not a property of the PUT body of UserAssignedIdentities_CreateOrUpdate, api-version 2023-01-31.*did you mean "location"/, severity: 'warning' as const },
  ],
  'example-output-schema': [
    {
      name: 'the answer of the PUT with a name misspelt',
      find: 'This page is a test fixture',
      replace: () => `${IDENTITY_PUT('{"location": "eastus"}')}\n\nThe output:\n\n\`\`\`json\n{ "location": "eastus", "properties": { "tenantId": "<TENANT>", "principalId": "<PRINCIPAL>", "clientID": "<CLIENT>" } }\n\`\`\``,
      offset: 7,
      message: /properties\.clientID is not a property of the answer of UserAssignedIdentities_CreateOrUpdate, api-version 2023-01-31.*the service writes "clientId"/,
      severity: 'warning' as const,
    },
  ],
};
