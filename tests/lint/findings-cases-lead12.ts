// Positive cases of the rules the lead wrote in issue 16 session 12 (a command pasted into itself, a
// manifest's name beside an empty metadata), merged into rules.test.ts's table. Their real pages,
// positive and negative, are in lead12-rules.test.ts.
export const lead12Cases = {
  'shell-command-pasted-twice': [
    { name: 'kubectl apply -f kubectl apply -f URL (azure-docs#81583)', find: 'This page is a test fixture', replace: () => '```bash\nkubectl apply -f kubectl apply -f https://example.com/adapter.yaml -n custom-metrics\n```', offset: 1, message: /kubectl reads "kubectl" as the file for -f/, severity: 'warning' as const },
  ],
  'prose-variable-list-unused': [
    { name: 'listed names no code uses, the script reads others (entra-docs#277)', find: 'This page is a test fixture', replace: () => 'You need:\n* `managedIdentityObjectId`: the object ID.\n* `appRoleId`: the app role ID.\n\n```bash\naz rest -m POST -u https://graph.microsoft.com/v1.0/servicePrincipals/$oidForMI/appRoleAssignments -b "{\\"appRoleId\\": \\"$roleguid\\"}"\n```', offset: 1, message: /the script reads \$oidForMI, \$roleguid/, severity: 'warning' as const },
  ],
  'kubernetes-kind-group-mismatch': [
    { name: 'a Deployment declared in networking.k8s.io/v1', find: 'This page is a test fixture', replace: () => '```yaml\napiVersion: networking.k8s.io/v1\nkind: Deployment\nmetadata:\n  name: web\n```', offset: 1, message: /Deployment is served by apps\/v1, not networking\.k8s\.io\/v1/, severity: 'error' as const },
  ],
  'kubernetes-metadata-misplaced': [
    { name: 'name at the level of metadata: (azure-docs#124028)', find: 'This page is a test fixture', replace: () => '```yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\nname: settings\ndata:\n  a: b\n```', offset: 4, message: /name stands beside an empty metadata: .*resource name may not be empty/, severity: 'error' as const },
  ],
};
