// defect: a closing precision sweep (MicrosoftDocs/azure-aks-docs @fb060abe, articles/aks/identity-bindings.md:261)
// — the page creates an Azure RBAC key vault, reads the signed-in user's object id with `az ad signed-in-user show`
// (which this tool does not run: unsupported), assigns that id Key Vault Secrets Officer (blocked behind it), then
// sets a secret. The emulator answered 403 ForbiddenByRbac and the step was a `fail`: the refusal is what the grant
// that could not run here would have prevented, so it says nothing about the page. Without any grant on the page
// the same 403 stays a fail (the page's own defect, as on azure-security-docs apps-api-keys-secrets.md).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTutorials } from '../../src/run/index.ts';

const dir = mkdtempSync(join(os.tmpdir(), 'tc-grant-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const block = (s: string) => ['```azurecli', s, '```', ''];
const page = (withGrant: boolean, toWhom = 'export CALLER_OBJECT_ID=$(az ad signed-in-user show --query id --output tsv)') =>
  [
    '# Key vault secret',
    '',
    ...block('az group create --name grant-rg --location eastus'),
    ...block('az keyvault create --name grantkv123 --resource-group grant-rg --location eastus --enable-rbac-authorization true'),
    ...(withGrant
      ? [
          ...block(toWhom),
          ...block('az role assignment create --assignee $CALLER_OBJECT_ID --role "Key Vault Secrets Officer" --scope $(az keyvault show --name grantkv123 --query id --output tsv)'),
        ]
      : []),
    ...block('az keyvault secret set --vault-name grantkv123 --name my-secret --value hello'),
  ].join('\n');

async function secretSet(name: string, withGrant: boolean, toWhom?: string) {
  const file = join(dir, name);
  writeFileSync(file, page(withGrant, toWhom));
  const { report } = await runTutorials({ paths: [file] });
  const steps = report.tutorials[0]?.steps ?? [];
  return { set: steps.find((s) => s.raw.startsWith('az keyvault secret set')), steps };
}

describe('a 403 behind a grant the tool could not run', () => {
  it('is blocked by the grant step, with the 403 kept as evidence', async () => {
    const { set, steps } = await secretSet('with-grant.md', true);
    const grant = steps.find((s) => s.raw.startsWith('az role assignment create'));
    expect(grant?.verdict).toMatch(/blocked|unsupported/);
    expect(set?.verdict).toBe('blocked');
    expect(set?.reason).toMatch(new RegExp(`^${grant?.id} \\(line \\d+: the access the page grants\\) .*403.*ForbiddenByRbac.*says nothing about the page`));
    expect(set?.response?.status).toBe(403);
  });
  it('a grant to another principal that could not run leaves the reader\'s 403 a fail (the page never grants the reader)', async () => {
    const { set, steps } = await secretSet('other.md', true, 'export CALLER_OBJECT_ID=$(az ad sp list --display-name myapp --query [0].id --output tsv)');
    expect(steps.find((s) => s.raw.startsWith('az role assignment create'))?.verdict).toMatch(/blocked|unsupported/);
    expect(set?.verdict).toBe('fail');
  });
  it('an access policy set for the reader (az keyvault set-policy --object-id $ME) that could not run blocks the 403 too', async () => {
    const file = join(dir, 'policy.md');
    writeFileSync(file, [
      '# Key vault secret with an access policy',
      '',
      ...block('az group create --name grant-rg --location eastus'),
      ...block('az keyvault create --name grantkv456 --resource-group grant-rg --location eastus --enable-rbac-authorization false'),
      ...block('ME=$(az ad signed-in-user show --query id --output tsv)'),
      ...block('az keyvault set-policy --name grantkv456 --object-id $ME --secret-permissions get list'),
      ...block('az keyvault secret set --vault-name grantkv456 --name my-secret --value hello'),
    ].join('\n'));
    const { report } = await runTutorials({ paths: [file] });
    const steps = report.tutorials[0]?.steps ?? [];
    const policy = steps.find((s) => s.raw.startsWith('az keyvault set-policy'));
    const set = steps.find((s) => s.raw.startsWith('az keyvault secret set'));
    expect(policy?.verdict).toMatch(/blocked|unsupported/);
    // The 403 is only judged when the emulator refuses; either way the step is no fail.
    expect(set?.verdict).not.toBe('fail');
    if (set?.response?.status === 403) expect(set.blockedBy).toBe(policy?.id);
  });
  it('without any grant on the page the 403 stays a fail', async () => {
    const { set } = await secretSet('no-grant.md', false);
    expect(set?.verdict).toBe('fail');
    expect(set?.reason).toMatch(/403 Forbidden: ForbiddenByRbac/);
  });
});
