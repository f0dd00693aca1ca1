// Regressions from a fourth sweep of never-seen AKS pages (MicrosoftDocs/azure-aks-docs @fb060abe,
// 50 pages, seed 45): each false finding, pinned by a small page written after the real one, and the
// same rule still reporting the defect it is for.
import { describe, expect, it } from 'vitest';
import { ruleFindings } from './helpers.ts';

describe('az-value-trailing-space: a value over several lines', () => {
  // Regression: a false error on pci-security-awareness-training.md, whose --condition-query "…" holds a
  // KQL query over fourteen lines: its closing line break and indentation are layout, not part of a name.
  const page = [
    '# Alert',
    '',
    '```azurecli',
    'az monitor scheduled-query create \\',
    '  --name "Missing Policy Acknowledgments" \\',
    '  --resource-group $RESOURCE_GROUP \\',
    '  --condition "count > 0" \\',
    '  --condition-query "',
    '    let CurrentUsers = AADUsers | where TimeGenerated > ago(1d) | distinct UserId;',
    '    CurrentUsers',
    '    | count',
    '  " \\',
    '  --evaluation-frequency "24h"',
    '```',
    '',
  ].join('\n');
  it('silent on a quoted query whose last line break and indentation stand before the closing quote', () => {
    expect(ruleFindings('az-value-trailing-space', 'x.md', page)).toEqual([]);
  });
  it('still reports a one-line name with a space before the closing quote', () => {
    expect(ruleFindings('az-value-trailing-space', 'x.md', page.replace('--name "Missing Policy Acknowledgments"', '--name "Missing Policy Acknowledgments "')).length).toBe(1);
  });
});

describe('az-enum-value: a value only an extension\'s definition accepts', () => {
  // Regression: false errors on container-network-security-cilium-mutual-tls-how-to.md, which installs
  // aks-preview and runs az aks create/update --acns-transit-encryption-type mTLS: core az lists None and
  // WireGuard, aks-preview's definition None, WireGuard and mTLS (azure-docs-cli aks.yml @e97b361d).
  const page = (value: string) => ['# mTLS', '', '```azurecli', 'az extension add --name aks-preview', `az aks update --resource-group rg --name c --enable-acns --acns-transit-encryption-type ${value}`, '```', ''].join('\n');
  it('silent on mTLS (aks-preview), and on Flatcar for --os-sku (quick-flatcar-deploy-cli.md of sweep 3)', () => {
    expect(ruleFindings('az-enum-value', 'x.md', page('mTLS'))).toEqual([]);
    expect(ruleFindings('az-enum-value', 'x.md', '```azurecli\naz aks create -g rg -n c --os-sku flatcar --generate-ssh-keys\n```\n')).toEqual([]);
  });
  it('still reports a value no definition accepts', () => {
    const hits = ruleFindings('az-enum-value', 'x.md', page('IPsec'));
    expect(hits.map((h) => h.message)).toEqual([expect.stringContaining('the values it takes are None, WireGuard')]);
  });
});

describe('json-example-invalid: an output a JavaScript shell printed', () => {
  // Regression: two false errors on resiliency-mongodb-cluster.md: mongosh's rs.status() output, fenced as
  // json, with bare keys, single-quoted strings and "... // Additional details" lines.
  const page = [
    '# Replica set',
    '',
    '```bash',
    'rs.status()',
    '```',
    '',
    'Example output:',
    '',
    '```json',
    '{',
    "  set: 'rs0',",
    '  ... // Additional details',
    '  members: [',
    '    {',
    '      _id: 0,',
    "      stateStr: 'PRIMARY',",
    '      ... // Additional details for the first member',
    '    }',
    '  ],',
    '  ...',
    '}',
    '```',
    '',
  ].join('\n');
  it('is a warning that says what it is, not an error about comments', () => {
    const hits = ruleFindings('json-example-invalid', 'x.md', page);
    expect(hits.map((h) => h.severity)).toEqual(['warning']);
    expect(hits[0]!.message).toContain('a JavaScript object as a JavaScript shell prints it');
  });
  it('a YAML-like output in brackets (kubectl describe: "Name: x", no quoted string) keeps its elision reading (use-node-taints.md)', () => {
    const yamlish = ['# t', '', '```output', '[', '    ...', '    Name: <node-pool-name>', '    ...', '    Taints: sku=gpu:NoSchedule', '    ...', ']', '```', ''].join('\n');
    expect(ruleFindings('json-example-invalid', 'x.md', yamlish).map((h) => h.message)).toEqual([expect.not.stringContaining('JavaScript')]);
  });
  it('a JSON output with quoted keys and // comments is still an error', () => {
    const json = page.replace("  set: 'rs0',\n  ... // Additional details\n  members: [\n    {\n      _id: 0,\n      stateStr: 'PRIMARY',\n      ... // Additional details for the first member\n    }\n  ],\n  ...\n", '  "set": "rs0", // the set\n  "ok": 1\n');
    expect(ruleFindings('json-example-invalid', 'x.md', json).map((h) => h.severity)).toEqual(['error']);
  });
});

describe('shell-unassigned-variable: variables listed under a sentence that says to set them', () => {
  // Regression: false warnings on istio-gateway-api.md: "## Set environment variables / Set the following
  // environment variables to use throughout this article:" above a table of KEY_VAULT_NAME, RESOURCE_GROUP…
  const page = [
    '# Gateway',
    '',
    '## Set environment variables',
    '',
    'Set the following environment variables to use throughout this article:',
    '',
    '| Variable | Description |',
    '|----------|-------------|',
    '| `RESOURCE_GROUP` | The name of the resource group containing your AKS cluster. |',
    '| `KEY_VAULT_NAME` | The name of the Azure Key Vault resource to be created for storing TLS secrets. |',
    '',
    '## Create a vault',
    '',
    '```azurecli',
    'az keyvault create --name $KEY_VAULT_NAME --resource-group $RESOURCE_GROUP',
    '```',
    '',
  ].join('\n');
  it('silent on the variables the table lists', () => {
    expect(ruleFindings('shell-unassigned-variable', 'x.md', page)).toEqual([]);
  });
  it('still reports them under a table no sentence tells the reader to set (a reference of defaults)', () => {
    const hits = ruleFindings('shell-unassigned-variable', 'x.md', page.replace('Set the following environment variables to use throughout this article:', 'The article uses these names:'));
    expect(hits.map((h) => h.message)).toEqual([expect.stringContaining('$KEY_VAULT_NAME'), expect.stringContaining('$RESOURCE_GROUP')]);
  });
});

describe('shell-unassigned-variable: a file the page sources', () => {
  // Regression: a false warning on ray-batch-inference.md: `source env.example` (a file of the cloned
  // sample) sets CONFIGMAP_NAME, which the clean-up uses.
  const page = ['# Batch', '', '```bash', 'cd batch-inference', 'source env.example', '```', '', '```bash', 'kubectl -n ray delete configmap ${CONFIGMAP_NAME}', '```', ''].join('\n');
  it('is a note naming the sourced file, not a warning', () => {
    const hits = ruleFindings('shell-unassigned-variable', 'x.md', page);
    expect(hits.map((h) => [h.severity, h.line])).toEqual([['note', 9]]);
    expect(hits[0]!.message).toContain('source env.example');
  });
  it('a shell profile is no such file: still a warning', () => {
    expect(ruleFindings('shell-unassigned-variable', 'x.md', page.replace('source env.example', 'source ~/.bashrc')).map((h) => h.severity)).toEqual(['warning']);
  });
});

describe('inconsistent-resource-name: a name used before the page creates any of that kind', () => {
  // Regression: a false warning on pci-enhanced-mfa-implementation.md: az aks update --name myAKSCluster
  // (the reader's cluster) on line 75, az aks create --name myPrivateCluster on line 162.
  const page = (first: string, second: string) => ['# MFA', '', '```azurecli', first, '```', '', '```azurecli', second, '```', ''].join('\n');
  const update = 'az aks update --resource-group myResourceGroup --name myAKSCluster --enable-aad';
  const create = 'az aks create --resource-group myResourceGroup --name myPrivateCluster --enable-private-cluster';
  it('silent when the use comes first', () => {
    expect(ruleFindings('inconsistent-resource-name', 'x.md', page(update, create))).toEqual([]);
  });
  it('still reports the other name after the creation', () => {
    expect(ruleFindings('inconsistent-resource-name', 'x.md', page(create, update)).length).toBe(1);
  });
});

describe('page-assumes-resource: groups the page presents as the reader\'s own', () => {
  it('silent on a group the prose tells the reader to replace (kubernetes-rbac-entra-id.md)', () => {
    // Regression: "Replace the value *myResourceGroup* with the resource group name hosting your AKS cluster resource".
    const page = ['# RBAC', '', 'You can verify using the Azure CLI `az aks show` command. Replace the value *myResourceGroup* with the resource group name hosting your AKS cluster resource.', '', '```azurecli', 'az aks show --resource-group myResourceGroup --name myAKSCluster', '```', ''].join('\n');
    expect(ruleFindings('page-assumes-resource', 'x.md', page)).toEqual([]);
    expect(ruleFindings('page-assumes-resource', 'x.md', page.replace(/Replace the value \*myResourceGroup\* with/, 'Look up'))).toHaveLength(1);
  });
  it('silent on the variables the prose tells the reader to replace (azure-hybrid-benefit.md)', () => {
    // Regression: "be sure to replace the variable definitions with values matching your own cluster", then RG_NAME='myResourceGroup'.
    const page = ['# AHB', '', 'In the following examples, be sure to replace the variable definitions with values matching your own cluster.', '', '```azurecli', "RG_NAME='myResourceGroup'", "CLUSTER='myAKSCluster'", '', 'az aks update --resource-group $RG_NAME --name $CLUSTER --enable-ahub', '```', ''].join('\n');
    expect(ruleFindings('page-assumes-resource', 'x.md', page)).toEqual([]);
    expect(ruleFindings('page-assumes-resource', 'x.md', page.replace(/be sure to replace the variable definitions with values matching your own cluster/, 'the cluster is updated'))).toHaveLength(1);
  });
  it('silent on the node resource group AKS makes with the cluster (use-tags.md: MC_myResourceGroup_myAKSCluster_eastus)', () => {
    const page = ['# Tags', '', 'Prerequisites: a resource group.', '', '```azurecli', 'az aks create --resource-group myResourceGroup --name myAKSCluster --generate-ssh-keys', '```', '', '```azurecli', 'az disk update --name myManagedDisk --resource-group MC_myResourceGroup_myAKSCluster_eastus --set tags.abc=ABC123', '```', ''].join('\n');
    expect(ruleFindings('page-assumes-resource', 'x.md', page).filter((h) => h.message.includes('MC_'))).toEqual([]);
    expect(ruleFindings('page-assumes-resource', 'x.md', page.replace('MC_myResourceGroup_myAKSCluster_eastus', 'myNodeGroup')).filter((h) => h.message.includes('myNodeGroup'))).not.toEqual([]);
  });
  it('a node pool delete in a group the page never names says what goes, not that the group does (delete-node-pool.md)', () => {
    const page = ['# Delete', '', '```azurecli', 'az aks nodepool delete \\', '    --resource-group myResourceGroup \\', '    --cluster-name myAKSCluster \\', '    --name nodepool1 \\', '    --ignore-pdb', '```', ''].join('\n');
    // One finding for the group (sweep-mgmt: a command over several lines is said once), and none says the group goes.
    const hits = ruleFindings('page-assumes-resource', 'x.md', page).filter((h) => h.message.includes('myResourceGroup'));
    expect(hits).toHaveLength(1);
    expect(hits[0]?.message).not.toMatch(/deletes it\b/);
  });
});
