// Facts about the Azure CLI and built-in roles that the az rules check against
// (../shared/azure-behavior.md §3.5 and §7).

/** Built-in role names → definition GUID (where lint knows it). Names are matched without case. */
export const BUILT_IN_ROLES: Readonly<Record<string, string | undefined>> = {
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  'User Access Administrator': '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  'Role Based Access Control Administrator': 'f58310d9-a9f6-439a-9e8d-f62e7b41a168',
  'Storage Blob Data Reader': '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
  'Storage Blob Data Contributor': 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  'Storage Blob Data Owner': 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
  'Storage Account Contributor': '17d1049b-9a84-46fb-8f53-869881c3d3ab',
  'Storage Account Key Operator Service Role': '81a9662b-bebf-436f-a333-f67b29880f12',
  'Storage Queue Data Reader': undefined,
  'Storage Queue Data Contributor': undefined,
  'Key Vault Secrets User': '4633458b-17de-408a-b874-0445c86b69e6',
  'Key Vault Secrets Officer': undefined,
  'Key Vault Reader': '21090545-7ca7-4776-b22c-e363652d74d2',
  'Key Vault Administrator': undefined,
  'Virtual Machine Contributor': undefined,
  'Managed Identity Operator': undefined,
  'Managed Identity Contributor': undefined,
};

export function builtInRole(name: string): { name: string; id: string | undefined } | undefined {
  const found = Object.keys(BUILT_IN_ROLES).find((k) => k.toLowerCase() === name.toLowerCase());
  return found ? { name: found, id: BUILT_IN_ROLES[found] } : undefined;
}
