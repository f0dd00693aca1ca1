// Issue 16 session 12 (lead): the Application Gateway autoscaling page (tests/fresh, azure-docs @a904abc0)
// and its reader reports — a kubectl command pasted twice (azure-docs#81583), an ExternalMetric whose name
// lost its indentation and an HPA in autoscaling/v2beta1 (fixed by azure-docs#124028), a variable's name
// passed without $ — each held on that page and kept silent where the same thing is right on a real page.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const AUTOSCALE = 'tests/fresh/articles/application-gateway/ingress-controller-autoscale-pods.md';
const WORKLOAD_IDENTITY = 'tests/fresh/articles/aks/workload-identity-deploy-cluster.md';
const VIRTUAL_NODES = 'tests/fresh/articles/aks/virtual-nodes-cli.md';
const HPA_V2 = 'tests/lint/fixtures/real/horizontal-pod-autoscaler.excerpt.md';
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('shell-command-pasted-twice', () => {
  it('reports kubectl apply -f kubectl apply -f on the autoscaling page, at the second copy', () => {
    const text = readRepoFile(AUTOSCALE);
    const hits = ruleFindings('shell-command-pasted-twice', AUTOSCALE, text);
    expect(hits.map((h) => [h.line, h.column])).toEqual([[lineOf(text, 'kubectl apply -f kubectl apply'), 22]]);
    expect(hits[0]!.message).toContain('error: the path "kubectl" does not exist');
  });
  it('silent on real pages that pipe a here-document to kubectl apply -f - and run kubectl apply -f file', () => {
    for (const page of [WORKLOAD_IDENTITY, VIRTUAL_NODES]) expect(ruleFindings('shell-command-pasted-twice', page, readRepoFile(page))).toEqual([]);
  });
  it('silent on kubectl exec … -- kubectl get (a command that runs the program again on purpose)', () => {
    expect(ruleFindings('shell-command-pasted-twice', 'x.md', '```bash\nkubectl exec -it pod -- kubectl get pods\n```\n')).toEqual([]);
  });
});

describe('kubernetes-metadata-misplaced', () => {
  it('reports the ExternalMetric whose name stands beside metadata:, at the name line', () => {
    const text = readRepoFile(AUTOSCALE);
    const hits = ruleFindings('kubernetes-metadata-misplaced', AUTOSCALE, text);
    expect(hits.map((h) => h.line)).toEqual([lineOf(text, '    name: appgw-request-count-metric')]);
    expect(hits[0]!.message).toContain('ExternalMetric has no metadata.name');
  });
  it('silent on real manifests with their name under metadata (the workload identity page\'s here-documents, the HPA page)', () => {
    for (const page of [WORKLOAD_IDENTITY, HPA_V2]) expect(ruleFindings('kubernetes-metadata-misplaced', page, readRepoFile(page))).toEqual([]);
  });
});

describe('kubernetes-api-removed: removals of 1.25 to 1.32 from the current migration guide', () => {
  it('reports the HPA in autoscaling/v2beta1 (removed in 1.25), which the 2021 table missed', () => {
    const text = readRepoFile(AUTOSCALE);
    const hits = ruleFindings('kubernetes-api-removed', AUTOSCALE, text);
    expect(hits.map((h) => h.line)).toEqual([lineOf(text, 'apiVersion: autoscaling/v2beta1')]);
    expect(hits[0]!.message).toMatch(/since Kubernetes 1\.25.*Use autoscaling\/v2 .*#horizontalpodautoscaler-v125/);
  });
  it('reports a CronJob in batch/v1beta1 and an HPA in autoscaling/v2beta2 (1.26)', () => {
    const page = '```yaml\napiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: c\n```\n\n```yaml\napiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n```\n';
    expect(ruleFindings('kubernetes-api-removed', 'x.md', page).map((h) => h.message.match(/since Kubernetes ([\d.]+)/)?.[1])).toEqual(['1.25', '1.26']);
  });
  it('silent on the HPA page\'s autoscaling/v2 HorizontalPodAutoscalers', () => {
    expect(ruleFindings('kubernetes-api-removed', HPA_V2, readRepoFile(HPA_V2))).toEqual([]);
  });
});

describe('shell-variable-unused: a variable\'s name passed without $', () => {
  it('reports --scopes applicationGatewayGroupId after applicationGatewayGroupId=$(az group show …)', () => {
    const text = readRepoFile(AUTOSCALE);
    const hits = ruleFindings('shell-variable-unused', AUTOSCALE, text);
    expect(hits.map((h) => h.line)).toEqual([lineOf(text, '--scopes applicationGatewayGroupId')]);
    expect(hits[0]!.message).toContain('Write --scopes $applicationGatewayGroupId');
  });
  it('silent when the name is a --query field or a short lowercase word, and when the variable is expanded', () => {
    const page = '```bash\nstorageId=$(az storage account show -n a -g g --query id -o tsv)\naz role assignment create --scope $storageId --role Reader --assignee x\naz storage account show -n a -g g --query storageId\nlocation=westus\naz group create -n g -l location\n```\n';
    expect(ruleFindings('shell-variable-unused', 'x.md', page).filter((h) => h.message.includes('passes the text'))).toEqual([]);
  });
});

const APP_ROLE_CLI = 'tests/fresh/articles/active-directory/managed-identities-azure-resources/how-to-assign-app-role-managed-identity-cli.md';
const APP_ROLE_POWERSHELL = 'tests/fresh/articles/active-directory/managed-identities-azure-resources/how-to-assign-app-role-managed-identity-powershell.md';

describe('prose-variable-list-unused', () => {
  it('reports the CLI app role page\'s list (managedIdentityObjectId, serverServicePrincipalObjectId, appRoleId) whose script reads $oidForMI, $serverSPOID, $roleguid', () => {
    const text = readRepoFile(APP_ROLE_CLI);
    const hits = ruleFindings('prose-variable-list-unused', APP_ROLE_CLI, text);
    expect(hits.map((h) => h.line)).toEqual([lineOf(text, '* `managedIdentityObjectId`')]);
    expect(hits[0]!.message).toContain('the script reads $oidForMI, $serverSPOID, $roleguid');
  });
  it('silent on the PowerShell twin of that page, whose script uses the listed names', () => {
    expect(ruleFindings('prose-variable-list-unused', APP_ROLE_POWERSHELL, readRepoFile(APP_ROLE_POWERSHELL))).toEqual([]);
  });
  it('silent on a list of plain words (terraform\'s ARM_ variables are explained without a colon; policy parameters are option names)', () => {
    for (const page of ['tests/fresh/articles/virtual-machines/linux/terraform-install-configure.md', 'tests/fresh/articles/governance/policy/assign-policy-azurecli.md']) {
      expect(ruleFindings('prose-variable-list-unused', page, readRepoFile(page))).toEqual([]);
    }
  });
});

describe('kubernetes-kind-group-mismatch', () => {
  it('reports the autoscaling page\'s scaleTargetRef (kind Deployment, apiVersion networking.k8s.io/v1) as a warning', () => {
    const text = readRepoFile(AUTOSCALE);
    const hits = ruleFindings('kubernetes-kind-group-mismatch', AUTOSCALE, text);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineOf(text, '    apiVersion: networking.k8s.io/v1'), 'warning']]);
    expect(hits[0]!.message).toContain('FailedGetScale');
  });
  it('silent on real manifests whose kinds are in their groups (the HPA page, the workload identity page), on a core v1 Event and on a custom resource', () => {
    for (const page of [HPA_V2, WORKLOAD_IDENTITY]) expect(ruleFindings('kubernetes-kind-group-mismatch', page, readRepoFile(page))).toEqual([]);
    const page = '```yaml\napiVersion: v1\nkind: Event\nmetadata:\n  name: e\n```\n\n```yaml\napiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n```\n';
    expect(ruleFindings('kubernetes-kind-group-mismatch', 'x.md', page)).toEqual([]);
  });
});

describe('az-flag-without-value: a switch-like option is not inferred to take a value from other commands', () => {
  // Regression: false error on az aks list-vm-skus --zone (aks-list-skus.md): the table inferred a value
  // from --zone elsewhere (az vm create --zone 1), though the reference describes a switch.
  it('silent on az aks list-vm-skus --zone (aks-list-skus.md)', () => {
    const page = 'tests/lint/fixtures/real/aks-list-skus.excerpt.md';
    expect(ruleFindings('az-flag-without-value', page, readRepoFile(page))).toEqual([]);
  });
  it('still reports --container-name with no value', () => {
    const page = '```azurecli\naz storage blob list --container-name\n```\n';
    expect(ruleFindings('az-flag-without-value', 'x.md', page).map((h) => h.line)).toEqual([2]);
  });
});

describe('contract-invalid-guid: a value masked whole is a placeholder', () => {
  // Regression: false errors on an az identity create output whose ids are written
  // "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (agentic-cli-for-aks-service-account-workload-identity-setup.md,
  // MicrosoftDocs/azure-aks-docs @fb060abe): a reader sees a redaction, not an id to copy.
  const page = (value: string) =>
    `# t\n\n\`\`\`azurecli\naz identity create --name id1 --resource-group rg1\n\`\`\`\n\n\`\`\`output\n{\n  "clientId": "${value}",\n  "name": "id1",\n  "type": "Microsoft.ManagedIdentity/userAssignedIdentities"\n}\n\`\`\`\n`;
  it('silent on xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', () => {
    expect(ruleFindings('contract-invalid-guid', 'x.md', page('xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'))).toEqual([]);
  });
  it('still reports an id that is almost a GUID (a z among hex digits)', () => {
    expect(ruleFindings('contract-invalid-guid', 'x.md', page('00001111-aaaa-2222-bbbb-3333cccc444z')).length).toBe(1);
  });
});

describe('for loops with here-documents (app-routing-gateway-api-dns-tls.md)', () => {
  // Regression: 5 false errors of shell-missing-continuation on a Gateway manifest's "- name:" lines
  // inside a here-document in a for loop, and a false az-unknown-parameter that read the next line's
  // "kubectl apply -n $ns -f -" as options of the az command above it in the loop body.
  const page = 'tests/lint/fixtures/real/app-routing-gateway-api-dns-tls.excerpt.md';
  it('no shell-missing-continuation inside the here-document bodies', () => {
    expect(ruleFindings('shell-missing-continuation', page, readRepoFile(page))).toEqual([]);
  });
  it('the az command in the loop body ends at its line: no unknown option -f', () => {
    expect(ruleFindings('az-unknown-parameter', page, readRepoFile(page))).toEqual([]);
  });
  it('still reports an option line under a command without a backslash, after a here-document closed', () => {
    const text = '```bash\nfor ns in a b; do\n  kubectl apply -n $ns -f - <<EOF\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\nEOF\n  az group create --name $ns\n    --location westus\ndone\n```\n';
    expect(ruleFindings('shell-missing-continuation', 'x.md', text).map((h) => h.line)).toEqual([9]);
  });
});

describe('az table: an option whose summary quotes argparse\'s "[X ...]" usage takes several words', () => {
  // Regression: az acr token create --repository REPO content/write content/read was read as one value
  // and two unrecognized arguments (a false fail on ai-toolchain-operator-fine-tune.md, azure-aks-docs
  // @fb060abe); its reference says: Use the format "--repository REPO [ACTION1 ACTION2 ...]".
  it('az-unknown-parameter is silent on --repository REPO ACTION ACTION', () => {
    const page = '```azurecli\naz acr token create --name t --registry r --repository repo content/write content/read\n```\n';
    expect(ruleFindings('az-unknown-parameter', 'x.md', page)).toEqual([]);
  });
  it('az monitor action-group create --action email admin admin@contoso.com is one option with three words', () => {
    const page = '```azurecli\naz monitor action-group create --name g --resource-group rg --action email admin admin@contoso.com\n```\n';
    expect(ruleFindings('az-unknown-parameter', 'x.md', page)).toEqual([]);
  });
});

describe('az-missing-required: an elided command', () => {
  // Regression: false error on `az aks nodepool add ... --max-pods 20` (aks-legacy-migration.md,
  // azure-aks-docs @fb060abe): "..." stands for the options the reader already has.
  it('silent when the command holds ... or …', () => {
    for (const dots of ['...', '…']) expect(ruleFindings('az-missing-required', 'x.md', `\`\`\`azurecli\naz aks nodepool add ${dots} --max-pods 20\n\`\`\`\n`)).toEqual([]);
  });
  it('still reports the same command written whole without its cluster', () => {
    expect(ruleFindings('az-missing-required', 'x.md', '```azurecli\naz aks nodepool add --resource-group rg --name np --max-pods 20\n```\n').length).toBe(1);
  });
});

describe('placeholder-misspelt: a second of the same kind', () => {
  // Regression: false errors on <node-pool-name-2> and <kubernetes-version-2> beside <node-pool-name> and
  // <kubernetes-version> (upgrade-node-pools.md, azure-aks-docs @fb060abe): the output shows a second node pool.
  const page = '# t\n\n```azurecli\naz aks nodepool upgrade --name <node-pool-name> --kubernetes-version <kubernetes-version>\naz aks nodepool show --name <node-pool-name>\n```\n\n```output\n{"name": "<node-pool-name-2>", "orchestratorVersion": "<kubernetes-version-2>"}\n```\n';
  it('silent on <name> and <name-2>', () => {
    expect(ruleFindings('placeholder-misspelt', 'x.md', page)).toEqual([]);
  });
  it('still reports a slip of one letter', () => {
    expect(ruleFindings('placeholder-misspelt', 'x.md', page.replace('<node-pool-name-2>', '<node-pol-name>')).length).toBe(1);
  });
});
