// Run precision from a sweep of never-seen container-registry pages (MicrosoftDocs/azure-management-docs
// @d923d588, 50 pages, seed 43). Each page below is written after the real one (byte-exact excerpts in
// tests/lint/fixtures/real where a whole passage is needed):
// - container-registry-java-quickstart.md: `az group create --name=<your resource group name>` failed as
//   "the following arguments are required: --name…" (argparse takes `--name=value` with spaces in the value);
// - container-registry-tasks-authentication-managed-identity.md: `az acr task create … --assign-identity`
//   failed as "expected one argument" (azure-cli acr/_params.py: nargs='*', no value is the system identity);
// - container-registry-soft-delete-policy.md: `--status <enabled/disabled>` was read as a redirection and
//   failed as "expected one argument" (the reader chooses one of the two);
// - artifact-cache-cli.md: `az keyvault secret show` answered 403 ForbiddenByRbac although the
//   prerequisites say the reader has "Permissions to set and retrieve secrets from your Key Vault".
import { describe, expect, it } from 'vitest';
import { pageVerdicts } from '../helpers/page-verdicts.ts';
import { readRepoFile } from '../lint/helpers.ts';

const PREREQUISITES = readRepoFile('tests/lint/fixtures/real/artifact-cache-cli-prerequisites.excerpt.md');
const SOFT_DELETE = readRepoFile('tests/lint/fixtures/real/container-registry-soft-delete-policy.excerpt.md');

const SECRETS = '\n```azurecli\naz keyvault secret show --vault-name MyKeyVaultName --name MyUsernameSecretName\n```\n';

describe('acr-sweep-false-fails', () => {
  it('az group create --name=<your resource group name> runs (not a usage error)', async () => {
    const steps = await pageVerdicts('# t\n\nSign in with az login.\n\n```azurecli\naz group create \\\n    --name=<your resource group name> \\\n    --location=<location>\n```\n', 'tc-acr-eq-');
    expect(steps.map((s) => s.verdict)).toEqual(['pass']);
  }, 120_000);
  it('az acr task create --assign-identity with no value is not a usage error', async () => {
    const steps = await pageVerdicts('# t\n\nSign in with az login.\n\n```azurecli\naz acr task create \\\n    --image hello-world:{{.Run.ID}} \\\n    --name hello-world --registry MyRegistry \\\n    --context https://github.com/Azure-Samples/acr-build-helloworld-node.git#main \\\n    --file Dockerfile \\\n    --commit-trigger-enabled false \\\n    --assign-identity\n```\n', 'tc-acr-mi-');
    expect(steps.map((s) => s.verdict)).not.toContain('fail');
  }, 120_000);
  it('--status <enabled/disabled> is a value the reader chooses: unsupported, not fail', async () => {
    const steps = await pageVerdicts(`# t\n\nSign in with az login.\n\n${SOFT_DELETE}`, 'tc-acr-choice-');
    expect(steps.map((s) => s.verdict)).not.toContain('fail');
    expect(steps[0]!.reason).toContain('<enabled/disabled> would need a value');
  }, 120_000);
  it('a prerequisite granting the reader secret permissions lets az keyvault secret show read; without it, the 403 is unsupported (assumed-access: the page states no access to the vault it assumes)', async () => {
    const stated = await pageVerdicts(`# t\n\nSign in with az login.\n\n${PREREQUISITES}${SECRETS}`, 'tc-acr-kv-');
    expect(stated.map((s) => s.verdict)).toEqual(['pass']);
    const unstated = await pageVerdicts(`# t\n\nSign in with az login.\n\n${PREREQUISITES.replace(/^\* Permissions to .*\n/m, '')}${SECRETS}`, 'tc-acr-kv0-');
    expect(unstated.map((s) => [s.verdict, /403 Forbidden\/ForbiddenByRbac says nothing about the page/.test(s.reason)])).toEqual([['unsupported', true]]);
  }, 240_000);
});
