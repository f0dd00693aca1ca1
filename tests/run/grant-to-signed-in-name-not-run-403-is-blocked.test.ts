// defect: precision sweep sweep-arc3 (MicrosoftDocs/azure-management-docs @d923d588, articles/azure-arc/kubernetes/
// secret-store-extension.md:169-170) — the page reads the signed-in account's sign-in name with
// `export CURRENT_USER="$(az account show --query user.name --output tsv)"` (a lookup this tool does not run:
// unsupported), assigns it Key Vault Secrets Officer on the RBAC vault it created (blocked behind the lookup),
// then sets a secret. The emulator answered 403 ForbiddenByRbac and both `az keyvault secret set` steps were
// false fails: `az role assignment create --assignee` takes a user sign-in name as well as an object id (az
// reference), so that grant is the reader's and its not running is what the 403 shows. `az account show
// --query id` is the subscription's id, no principal: a grant to it leaves the 403 a fail.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTutorials } from '../../src/run/index.ts';

const dir = mkdtempSync(join(os.tmpdir(), 'tc-grant-name-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const block = (s: string) => ['```azurecli', s, '```', ''];
// Written after the page: its variables, its lookup and its grant's options as they stand there.
const page = (lookup: string) =>
  [
    '# Secret store extension',
    '',
    ...block('export RESOURCE_GROUP="AzureArcTest"\nexport LOCATION="EastUS"\nexport SUBSCRIPTION="00000000-0000-0000-0000-000000000000"'),
    ...block(`export CURRENT_USER="${lookup}"`),
    ...block('export KEYVAULT_NAME="my-unique-kv-name"\nexport KEYVAULT_SECRET_NAME="my-secret"'),
    ...block('az group create --name "${RESOURCE_GROUP}" --location "${LOCATION}"'),
    ...block('az keyvault create --resource-group "${RESOURCE_GROUP}" --location "${LOCATION}" --name "${KEYVAULT_NAME}" --enable-rbac-authorization'),
    ...block('az role assignment create --role "Key Vault Secrets Officer" --assignee ${CURRENT_USER} --scope /subscriptions/${SUBSCRIPTION}/resourcegroups/${RESOURCE_GROUP}/providers/Microsoft.KeyVault/vaults/${KEYVAULT_NAME}'),
    ...block('az keyvault secret set --vault-name "${KEYVAULT_NAME}" --name "${KEYVAULT_SECRET_NAME}" --value \'Hello!\''),
  ].join('\n');

async function run(name: string, lookup: string) {
  const file = join(dir, name);
  writeFileSync(file, page(lookup));
  const { report } = await runTutorials({ paths: [file] });
  const steps = report.tutorials[0]?.steps ?? [];
  return { grant: steps.find((s) => s.raw.startsWith('az role assignment create')), set: steps.find((s) => s.raw.startsWith('az keyvault secret set')) };
}

describe('a 403 behind a grant to the sign-in name az account show read, which could not run', () => {
  it('is blocked by that grant, not a fail', async () => {
    const { grant, set } = await run('upn.md', '$(az account show --query user.name --output tsv)');
    expect(grant?.verdict).toMatch(/blocked|unsupported/);
    expect(set?.verdict).toBe('blocked');
    expect(set?.reason).toMatch(new RegExp(`^${grant?.id} \\(line \\d+: the access the page grants\\) .*ForbiddenByRbac.*says nothing about the page`));
  });
  it('az account show --query id (the subscription id) names no principal: the 403 stays a fail', async () => {
    const { grant, set } = await run('subscription-id.md', '$(az account show --query id --output tsv)');
    expect(grant?.verdict).toMatch(/blocked|unsupported/);
    expect(set?.verdict).toBe('fail');
  });
});
