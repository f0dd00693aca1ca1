// Where the stale-fact rules fire on real pages and where they stay silent (issue 16, session 4):
// preview labels on GA features, deprecated az commands, SCM basic authentication, workflow YAML.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { gaFeatures } from '../../src/reference/ga-features.ts';
import { findCommand } from '../../src/reference/az-table.ts';

const root = join(import.meta.dirname, '..', '..');
const corpus = (page: string) => join('tests/corpus/articles', page);
const read = (page: string) => readFileSync(join(root, page), 'utf8');
const found = (page: string, rule: string, text = read(page)) => lintText(text, 'docfx', page).filter((f) => f.rule === rule);
const lines = (page: string, rule: string, text?: string) => found(page, rule, text).map((f) => f.line);
const lineWith = (page: string, needle: string) => read(page).split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('prose-stale-preview', () => {
  it('every feature of the data file names a source and a GA date', () => {
    for (const f of gaFeatures()) {
      expect(f.sources.length, f.id).toBeGreaterThan(0);
      for (const s of f.sources) expect(s.url ?? (s.repo && s.path && s.commit), f.id).toBeTruthy();
      expect(f.ga).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
    // The key rotation entry cites the az reference: the generated table must agree that the commands are GA.
    for (const path of ['keyvault key rotate', 'keyvault key rotation-policy update']) {
      const c = findCommand(path.split(' '));
      expect(c.kind === 'command' && !c.command.preview && !c.command.experimental, path).toBe(true);
    }
    const sdk = JSON.parse(read('src/reference/sdk-requirements.json')) as { python: { sources: { repo: string; path: string; commit: string }[] } };
    for (const s of sdk.python.sources) expect(s.commit).toMatch(/^[0-9a-f]{40}$/);
  });
  it('how-to-configure-key-rotation.md: the title still says (preview)', () => {
    const page = corpus('key-vault/keys/how-to-configure-key-rotation.md');
    expect(lines(page, 'prose-stale-preview')).toEqual([lineWith(page, '# Configure key auto-rotation in Azure Key Vault (preview)')]);
  });
  it('conditions-role-assignments-cli.md: title, heading and the "currently in preview" note', () => {
    const page = corpus('role-based-access-control/conditions-role-assignments-cli.md');
    const note = lineWith(page, 'Azure ABAC and Azure role assignment conditions are currently in preview.');
    expect(lines(page, 'prose-stale-preview')).toContain(note);
    expect(found(page, 'prose-stale-preview').find((f) => f.line === note)?.message).toMatch(/generally available in October 2022 \(MicrosoftDocs\/azure-docs articles\/role-based-access-control\/conditions-overview\.md @012ad308577c\)/);
    // The preview terms boilerplate names no feature.
    expect(lines(page, 'prose-stale-preview')).not.toContain(note + 1);
    // Link titles in Next steps: the sentence runs past "../storage/blobs/…md" without ending there.
    expect(lines(page, 'prose-stale-preview')).toContain(lineWith(page, '- [Example Azure role assignment conditions (Preview)](../storage/blobs/'));
  });
  it('silent on features really in preview and on other uses of the word (elevate-access-global-admin.md, role-assignments-cli.md, configure-authentication-api-version.md)', () => {
    expect(read(corpus('role-based-access-control/elevate-access-global-admin.md'))).toMatch(/Elevate access log entries .* is currently in preview/);
    expect(found(corpus('role-based-access-control/elevate-access-global-admin.md'), 'prose-stale-preview')).toEqual([]);
    expect(read(corpus('role-based-access-control/role-assignments-cli.md'))).toMatch(/preview role that has \*\*\(Preview\)\*\* in the name/);
    expect(found(corpus('role-based-access-control/role-assignments-cli.md'), 'prose-stale-preview')).toEqual([]);
    expect(found(corpus('app-service/configure-authentication-api-version.md'), 'prose-stale-preview')).toEqual([]);
  });
  it('reports Azure AD authorization for blobs and queues called preview (GA since March 2019)', () => {
    const text = ['# Authorize with Azure AD (Preview)', '', '> The preview of Azure AD authentication for blobs and queues is intended for non-production use only.', ''].join('\n');
    const f = found('aad.md', 'prose-stale-preview', text);
    expect(f.map((x) => x.line)).toEqual([3]);
    expect(f[0]?.message).toMatch(/generally available on 28 March 2019/);
  });
  it('reads a sentence wrapped over lines of a note, and reports it where "preview" is', () => {
    const text = ['# Conditions', '', '> [!IMPORTANT]', '> Azure role assignment conditions are currently', '> in preview for this scenario.', ''].join('\n');
    expect(found('wrap.md', 'prose-stale-preview', text).map((f) => [f.line, f.column])).toEqual([[5, 6]]);
  });
  it('silent on the parts still in preview and on sentences that say the preview is over', () => {
    const text = [
      '# Parts still in preview',
      '',
      'User delegation SAS for Azure Files and Azure Queues is currently in preview.',
      '',
      'Using custom security attributes (principal attributes) in role assignment conditions is in preview.',
      '',
      'Key auto-rotation in Azure Key Vault was in preview until 2022 and is now generally available.',
      '',
      'Microsoft Entra ID authentication for Azure Files over SMB is in preview.',
      '',
    ].join('\n');
    expect(found('preview.md', 'prose-stale-preview', text)).toEqual([]);
  });
});

describe('prose-stale-preview: az commands against the Azure CLI reference', () => {
  it('reports an az command called preview that the reference lists as GA', () => {
    const text = ['# Rotate', '', 'The `az keyvault key rotate` command is currently in preview.', ''].join('\n');
    const f = found('rotate.md', 'prose-stale-preview', text);
    expect(f.map((x) => x.line)).toEqual([3]);
    expect(f[0]?.message).toMatch(/"az keyvault key rotate" is called preview here, but the Azure CLI reference lists it as generally available/);
  });
  it('silent on commands the reference marks preview, on extensions named -preview, and on options', () => {
    const text = [
      '# Preview',
      '',
      'The `az acr agentpool create` command is in preview.',
      '',
      'Install the storage-preview extension before you run az storage account create.',
      '',
      'The --condition parameter of az role assignment create is in preview.',
      '',
    ].join('\n');
    expect(found('p.md', 'prose-stale-preview', text)).toEqual([]);
  });
});

describe('az-deprecated-command', () => {
  it('quickstart-html.md: az webapp up, at each use', () => {
    const page = corpus('app-service/quickstart-html.md');
    const f = found(page, 'az-deprecated-command');
    expect(f.map((x) => x.line)).toContain(lineWith(page, 'az webapp up --location westeurope --name <app_name> --html'));
    expect(f[0]?.message).toMatch(/Use az webapp create and az webapp deploy\./);
  });
  it('silent on current commands (deploy-local-git.md az webapp create) and on a deprecation that names no replacement (az keyvault secret delete, a soft-delete notice)', () => {
    expect(found(corpus('app-service/deploy-local-git.md'), 'az-deprecated-command')).toEqual([]);
    const text = ['# Delete', '', '```azurecli', 'az keyvault secret delete --vault-name <VAULT> --name <SECRET>', '```', ''].join('\n');
    expect(found('delete.md', 'az-deprecated-command', text)).toEqual([]);
  });
});

describe('app-service-basic-auth-disabled', () => {
  it('deploy-github-actions.md: the publish profile is downloaded without enabling basic authentication', () => {
    const page = corpus('app-service/deploy-github-actions.md');
    expect(lines(page, 'app-service-basic-auth-disabled')).toEqual([lineWith(page, 'select **Get Publish profile**')]);
  });
  it('deploy-local-git.md: the note says local Git requires it but never says to enable it (new apps have it off)', () => {
    const page = corpus('app-service/deploy-local-git.md');
    expect(lines(page, 'app-service-basic-auth-disabled')).toEqual([lineWith(page, 'This deployment method requires [SCM basic authentication]')]);
  });
  it('silent when the page enables it (--basic-auth Enabled), and on pages that do not deploy with it (configure-basic-auth-disable.md, deploy-configure-credentials.md)', () => {
    const page = corpus('app-service/deploy-local-git.md');
    const enabled = read(page).replace('--deployment-local-git', '--deployment-local-git --basic-auth Enabled');
    expect(found(page, 'app-service-basic-auth-disabled', enabled)).toEqual([]);
    const prose = read(page).replace('This deployment method requires', 'Enable SCM basic authentication first: this deployment method requires');
    expect(found(page, 'app-service-basic-auth-disabled', prose)).toEqual([]);
    const ensure = read(page).replace('This deployment method requires', 'Make sure that SCM basic authentication is enabled on the app. This deployment method requires');
    expect(found(page, 'app-service-basic-auth-disabled', ensure)).toEqual([]);
    expect(found(corpus('app-service/configure-basic-auth-disable.md'), 'app-service-basic-auth-disabled')).toEqual([]);
    expect(found(corpus('app-service/deploy-configure-credentials.md'), 'app-service-basic-auth-disabled')).toEqual([]);
  });
});

describe('yaml-duplicate-key and workflow-undefined-env', () => {
  const page = corpus('app-service/deploy-github-actions.md');
  it('deploy-github-actions.md: the JavaScript service-principal workflow has two top-level name keys', () => {
    const f = found(page, 'yaml-duplicate-key');
    expect(f.map((x) => x.line)).toEqual([lineWith(page, 'name: Node.js')]);
    expect(f[0]?.message).toMatch(/"name" is already a key of this mapping \(line \d+\)/);
  });
  it('deploy-github-actions.md: the same workflow reads env.AZURE_WEBAPP_PACKAGE_PATH that its env block lacks; the eleven other workflows and the excerpts are silent', () => {
    const f = found(page, 'workflow-undefined-env');
    expect(f).toHaveLength(1);
    const env = lineWith(page, 'name: Node.js') + 2;
    expect(read(page).split('\n')[env - 1]).toBe('env:');
    expect([f[0]?.line, f[0]?.endLine]).toEqual([env, env + 2]);
    expect(f[0]?.message).toMatch(/env\.AZURE_WEBAPP_PACKAGE_PATH/);
  });
  it('reads each document of a multi-document block (a repeated key in the second one)', () => {
    const text = ['# Manifests', '', '```yaml', 'kind: Namespace', 'metadata:', '  name: demo', '---', 'kind: Service', 'metadata:', '  name: web', '  name: api', '```', ''].join('\n');
    expect(found('k8s.md', 'yaml-duplicate-key', text).map((f) => [f.line, f.column])).toEqual([[11, 3]]);
  });
  it('silent once the workflow defines the variable, or writes $GITHUB_ENV', () => {
    const fixed = read(page).replace("name: Node.js\n\nenv:\n", "\nenv:\n  AZURE_WEBAPP_PACKAGE_PATH: '.'\n");
    expect(found(page, 'workflow-undefined-env', fixed)).toEqual([]);
    expect(found(page, 'yaml-duplicate-key', fixed)).toEqual([]);
    const written = read(page).replace('    - name: Setup Node ${{ env.NODE_VERSION }}', '    - run: echo "AZURE_WEBAPP_PACKAGE_PATH=." >> $GITHUB_ENV\n    - name: Setup Node ${{ env.NODE_VERSION }}');
    expect(written).not.toBe(read(page));
    expect(found(page, 'workflow-undefined-env', written)).toEqual([]);
  });
});

describe('retired-resource-setting', () => {
  it('reports kind Storage / BlobStorage and enableSoftDelete false in templates that declare the resource', () => {
    const text = [
      '# Templates',
      '',
      '```bicep',
      "resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {",
      "  name: 'store'",
      "  kind: 'Storage'",
      '}',
      "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {",
      '  properties: {',
      '    enableSoftDelete: false',
      '  }',
      '}',
      '```',
      '',
    ].join('\n');
    const f = found('templates.md', 'retired-resource-setting', text);
    expect(f.map((x) => [x.line, x.column])).toEqual([[6, 10], [10, 23]]);
    expect(f[1]?.message).toMatch(/soft delete can no longer be turned off/);
  });
  it('silent on current settings (manage-resource-groups-cli.md --kind StorageV2, quick-create-bicep.md enableSoftDelete: true) and on an output example that shows an existing account of kind Storage', () => {
    expect(read(corpus('azure-resource-manager/management/manage-resource-groups-cli.md'))).toMatch(/--kind StorageV2/);
    expect(found(corpus('azure-resource-manager/management/manage-resource-groups-cli.md'), 'retired-resource-setting')).toEqual([]);
    expect(read(corpus('key-vault/keys/quick-create-bicep.md'))).toMatch(/enableSoftDelete: true/);
    expect(found(corpus('key-vault/keys/quick-create-bicep.md'), 'retired-resource-setting')).toEqual([]);
    const output = ['# Show', '', '```azurecli', 'az storage account show -g <GROUP> -n <ACCOUNT>', '```', '', '```json', '{', '  "id": "/subscriptions/<SUB>/resourceGroups/<GROUP>/providers/Microsoft.Storage/storageAccounts/<ACCOUNT>",', '  "kind": "Storage",', '  "type": "Microsoft.Storage/storageAccounts"', '}', '```', ''].join('\n');
    expect(found('show.md', 'retired-resource-setting', output)).toEqual([]);
  });
});

describe('prose-outdated-claim: Key Vault HSM FIPS level', () => {
  it('hsm-protected-keys-byok.md: "nShield family of HSMs (FIPS 140-2 Level 2 validated)"', () => {
    const page = corpus('key-vault/keys/hsm-protected-keys-byok.md');
    const f = found(page, 'prose-outdated-claim');
    expect(f.map((x) => x.line)).toEqual([lineWith(page, 'Key Vault uses the nCipher nShield family of HSMs (FIPS 140-2 Level 2 validated)')]);
    expect(f[0]?.message).toMatch(/HSM platform 2, which is FIPS 140-3 Level 3 validated/);
  });
  it('silent where the sentence names the HSM platforms, and on Managed HSM at Level 3', () => {
    const text = ['# Keys', '', 'Vaults protect older key versions with HSM platform 1 (FIPS 140-2 Level 2 HSMs) and new ones with HSM platform 2.', '', 'Managed HSM uses FIPS 140-2 Level 3 validated HSMs.', ''].join('\n');
    expect(found('keys.md', 'prose-outdated-claim', text)).toEqual([]);
  });
});

describe('python-below-sdk-minimum', () => {
  const page = (prereq: string) => ['# Quickstart', '', `- ${prereq}`, '', '```console', 'pip install azure-keyvault-secrets azure-identity', '```', ''].join('\n');
  it('reports a prerequisite that names only versions below the SDK minimum', () => {
    expect(found('q.md', 'python-below-sdk-minimum', page('Install [Python 2.7+ or 3.5.3+](https://www.python.org/downloads).')).map((f) => f.line)).toEqual([3]);
    expect(found('q.md', 'python-below-sdk-minimum', page('Python 3.8 or later.')).map((f) => f.line)).toEqual([3]);
  });
  it('silent when a named version meets the minimum, and on pages that install no azure-* package (quick-create-python.md installs them and names no version)', () => {
    expect(found('q.md', 'python-below-sdk-minimum', page('Python 3.9 or later.'))).toEqual([]);
    expect(found('q.md', 'python-below-sdk-minimum', page('Python 3.8 or 3.12.'))).toEqual([]);
    expect(found('q.md', 'python-below-sdk-minimum', page('Python 3.7.').replace('pip install azure-keyvault-secrets azure-identity', 'pip install requests'))).toEqual([]);
    expect(read(corpus('key-vault/keys/quick-create-python.md'))).toMatch(/pip install azure-keyvault-keys/);
    expect(found(corpus('key-vault/keys/quick-create-python.md'), 'python-below-sdk-minimum')).toEqual([]);
  });
});
