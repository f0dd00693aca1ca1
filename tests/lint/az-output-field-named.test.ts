// az-output-field-named on real pages: the fields a page says az returns, against what the command
// prints (a --query multiselect hash's keys; az ad sp create-for-rbac's own result).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (page: string) => readFileSync(join(root, page), 'utf8');
const found = (page: string, text = read(page)) => lintText(text, 'docfx', page).filter((f) => f.rule === 'az-output-field-named');

describe('az-output-field-named', () => {
  it('reports sp_name and the returned `id` field on terraform-install-configure.md (MicrosoftDocs/azure-docs#10806)', () => {
    const f = found('tests/fresh/articles/virtual-machines/linux/terraform-install-configure.md');
    expect(f.map((x) => x.line)).toEqual([52, 64]);
    expect(f[0]?.message).toMatch(/--query "\{subscriptionId:id, tenantId:tenantId\}" \(line 49\) prints subscriptionId, tenantId; there is no `id`/);
    expect(f[1]?.message).toMatch(/prints appId, displayName, password, tenant; there is no `sp_name`/);
  });

  it('reports "name" in an example of create-for-rbac output (dropped in Azure CLI 2.32.0)', () => {
    const page = [
      '# SP', '', '```azurecli', 'az ad sp create-for-rbac --skip-assignment', '```', '', '```json', '{',
      '  "appId": "559513bd-0c19-4c1a-87cd-851a26afd5fc",', '  "displayName": "azure-cli-2019-04-19-19-01-46",',
      '  "name": "http://azure-cli-2019-04-19-19-01-46",', '  "password": "e763725a-5eee-40e8-a466-dc88d980f415",',
      '  "tenant": "72f988bf-86f1-41af-91ab-2d7cd011db48"', '}', '```', '',
    ].join('\n');
    const f = found('sp.md', page);
    expect(f.map((x) => x.line)).toEqual([11]);
    expect(f[0]?.message).toMatch(/"name", which az ad sp create-for-rbac no longer prints \(Azure CLI 2\.32\.0 dropped it\)/);
  });

  it('silent where the page names the fields az prints', () => {
    // MicrosoftDocs/azure-docs-cli @e97b361d00a5deca1759cc063e05ae2d53ea95e0,
    // docs-ref-conceptual/Latest-version/azure-cli-sp-tutorial-1.md lines 48-61 (its output example).
    const tutorial = [
      '# Create a service principal', '', '```azurecli-interactive', 'az ad sp create-for-rbac', '```', '', 'Output console:', '',
      '```output', '{', '  "appId": "myAppId",', '  "displayName": "myServicePrincipalName",', '  "password": "myServicePrincipalPassword",',
      '  "tenant": "myTentantId"', '}', '```', '',
      'The command returns the `appId`, `password` and `tenant` of the new service principal.', '',
    ].join('\n');
    expect(found('sp-tutorial.md', tutorial)).toEqual([]);
    // --sdk-auth prints clientId, clientSecret, subscriptionId, tenantId (deploy-github-actions.md).
    expect(found('tests/corpus/articles/app-service/deploy-github-actions.md')).toEqual([]);
    // A multiselect hash: the prose names its keys.
    const hash = ['# Q', '', '```azurecli', 'az account show --query "{subscriptionId:id, tenantId:tenantId}"', '```', '',
      'Note the returned `subscriptionId` and `tenantId` values.', ''].join('\n');
    expect(found('hash.md', hash)).toEqual([]);
  });
});
