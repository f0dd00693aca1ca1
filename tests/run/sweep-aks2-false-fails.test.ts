// Run precision from a sweep of never-seen AKS pages (MicrosoftDocs/azure-aks-docs @fb060abe6a8fef960d4c487b543bf7b1e97808fe,
// articles/aks, kubernetes-fleet and application-network, 60 pages, seed 1503). Each page below is written after the real one:
// - aks/use-labels.md: `az aks create … --nodepool-labels dept=IT costcenter=9000` (and az aks nodepool add/update
//   --labels dept=HR costcenter=5000) failed as "unrecognized arguments: costcenter=9000": every option the az
//   reference sends to aka.ms/node-labels for its syntax is nargs='*' in azure-cli (acs/_params.py), two labels;
// - aks/howto-deploy-java-wls-app.md: its clean-up deletes <resource-group-name> (the WebLogic group the portal
//   made) and <db-resource-group-name> (the database group az made): the run gave both the one group it knew, and
//   the second delete failed with 404 ResourceGroupNotFound.
import { describe, expect, it } from 'vitest';
import { pageVerdicts } from '../helpers/page-verdicts.ts';

const LABELS = [
  '# Labels',
  '',
  'Sign in with az login.',
  '',
  '```azurecli',
  'az group create --name myResourceGroup --location eastus',
  '```',
  '',
  '```azurecli',
  'az aks create \\',
  '    --resource-group myResourceGroup \\',
  '    --name myAKSCluster \\',
  '    --node-count 2 \\',
  '    --nodepool-labels dept=IT costcenter=9000 \\',
  '    --generate-ssh-keys --location eastus',
  '```',
  '',
].join('\n');

const CLEANUP = [
  '# WebLogic',
  '',
  'Sign in with az login.',
  '',
  '```azurecli',
  'export RESOURCE_GROUP_NAME="abc1228rg"',
  'az group create \\',
  '    --name ${RESOURCE_GROUP_NAME} \\',
  '    --location eastus',
  '```',
  '',
  '1. In the **Resource group** field, select **Create new** and then fill in a value for the resource group.',
  '',
  '## Clean up resources',
  '',
  '```azurecli',
  'az group delete --name <resource-group-name> --yes --no-wait',
  'az group delete --name <db-resource-group-name> --yes --no-wait',
  '```',
  '',
].join('\n');

describe('sweep-aks2-false-fails', () => {
  it('az aks create --nodepool-labels with two labels is not "unrecognized arguments" (nargs=\'*\')', async () => {
    const steps = await pageVerdicts(LABELS, 'tc-aks2-labels-');
    expect(steps.map((s) => s.verdict)).not.toContain('fail');
    expect(steps.map((s) => s.reason).join('\n')).not.toContain('unrecognized arguments');
  }, 120_000);
  it('still fails a single-valued option given two words (--node-count 2 3)', async () => {
    const steps = await pageVerdicts(LABELS.replace('--node-count 2 \\', '--node-count 2 3 \\'), 'tc-aks2-count-');
    expect(steps.map((s) => s.reason).join('\n')).toContain('unrecognized arguments: 3');
  }, 120_000);
  it('two group placeholders the run gave one group: the second delete is blocked, not a 404 fail', async () => {
    const steps = await pageVerdicts(CLEANUP, 'tc-aks2-twogroups-');
    const second = steps.find((s) => s.line === 18);
    expect(second?.verdict).toBe('blocked');
    expect(second?.reason).toContain('two names the page gives resource groups');
    expect(steps.map((s) => s.verdict)).not.toContain('fail');
  }, 120_000);
  it('one placeholder deleted twice is still the page\'s own 404', async () => {
    const steps = await pageVerdicts(CLEANUP.replace('<db-resource-group-name>', '<resource-group-name>'), 'tc-aks2-samegroup-');
    expect(steps.find((s) => s.line === 18)?.verdict).toBe('fail');
  }, 120_000);
});
