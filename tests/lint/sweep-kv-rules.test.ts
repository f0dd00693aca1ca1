// Regressions from the precision sweep of Key Vault pages (npm run sweep:precision, seed 1401, 60 pages of
// MicrosoftDocs/azure-security-docs @1c4310bed2b9 under articles/key-vault). Each false finding is pinned on a
// byte-exact excerpt of its page (tests/lint/fixtures/real, README table), beside the same text changed so the
// finding is due: the rule still speaks where the page is wrong.
import { describe, expect, it } from 'vitest';
import { lintTutorial } from '../../src/lint/index.ts';
import { parseTutorialText } from '../../src/parse/index.ts';
import { mutate, readRepoFile, ruleFindings } from './helpers.ts';

const real = (name: string): string => `tests/lint/fixtures/real/${name}`;

describe('sweep of Key Vault pages: false findings pinned', () => {
  it('a Managed HSM data action prefix (Microsoft.KeyVault/managedHsm) is no misspelt resource type; a misspelt type still is', () => {
    const file = real('kv-managed-hsm-built-in-roles.excerpt.md');
    expect(ruleFindings('provider-namespace-misspelt', file)).toEqual([]);
    const { text, line } = mutate(readRepoFile(file), 'Microsoft.KeyVault/managedHsm**', (l) => l.replace('Microsoft.KeyVault/managedHsm**', 'Microsoft.KeyVault/vualts**'));
    expect(ruleFindings('provider-namespace-misspelt', file, text)).toEqual([expect.objectContaining({ line, message: expect.stringContaining('Did you mean vaults?') })]);
  });

  it('a runbook parameter declared by `param` alone on its line, then `(`, is assigned by its caller', () => {
    const file = real('kv-event-grid-tutorial.excerpt.md');
    const about = (name: string) => (f: { message: string }) => f.message.includes(name);
    expect(ruleFindings('shell-unassigned-variable', file).filter(about('$WebhookData'))).toEqual([]);
    const { text } = mutate(readRepoFile(file), 'param', () => '');
    expect(ruleFindings('shell-unassigned-variable', file, text).filter(about('$WebhookData')).length).toBeGreaterThan(0);
  });

  it('a fence inside a > [!TIP] assigns its variables on the page line that holds the `>` marker', () => {
    const file = real('kv-tutorial-rotate-certificates.excerpt.md');
    const aboutFile = (f: { message: string }) => /\$file\b/.test(f.message);
    expect(ruleFindings('shell-unassigned-variable', file).filter(aboutFile)).toEqual([]);
    // $vaultName is assigned nowhere on the page: still said.
    expect(ruleFindings('shell-unassigned-variable', file).some((f) => f.message.includes('$vaultName'))).toBe(true);
    const { text } = mutate(readRepoFile(file), '$file = Import-CSV', (l) => l.replace('$file = Import-CSV', '$files = Import-CSV'));
    expect(ruleFindings('shell-unassigned-variable', file, text).filter(aboutFile).length).toBeGreaterThan(0);
  });

  it('Azure ABAC for Key Vault is in preview: the Storage GA of October 2022 does not make its label stale', () => {
    const file = real('kv-howto-abac-conditions-powershell.excerpt.md');
    expect(ruleFindings('prose-stale-preview', file)).toEqual([]);
    const { text, line } = mutate(readRepoFile(file), 'Azure ABAC for Key Vault is in preview', (l) => l.replace('Azure ABAC for Key Vault', 'Azure ABAC for Azure Storage'));
    expect(ruleFindings('prose-stale-preview', file, text).map((f) => f.line)).toContain(line);
  });

  it('the api-version in a log record\'s requestUri is a request some client made, not the page\'s', () => {
    const file = real('kv-logging.excerpt.md');
    expect(ruleFindings('api-version-currency', file)).toEqual([]);
    const { text, line } = mutate(readRepoFile(file), '"requestUri":"', (l) => l.replace('"requestUri":"', '"link":"'));
    expect(ruleFindings('api-version-currency', file, text).map((f) => f.line)).toContain(line);
  });

  it('an unread include titled "Using RBAC to provide access to a key vault" may grant the role the SDK calls need', () => {
    const page = readRepoFile(real('kv-quick-create-node.security-docs.md'));
    const include = readRepoFile(real('kv-python-qs-rg-kv-creation.security-docs.md'));
    const file = 'articles/key-vault/secrets/quick-create-node.md';
    const lint = (text: string) =>
      lintTutorial(parseTutorialText(text, file, { readInclude: (rel) => (rel === 'articles/key-vault/includes/key-vault-python-qs-rg-kv-creation.md' ? include : undefined) }), { text }).filter((f) => f.rule === 'rbac-what-if');
    expect(lint(page)).toEqual([]);
    const { text } = mutate(page, 'Using RBAC to provide access to a key vault', () => '');
    expect(lint(text).length).toBeGreaterThan(0);
  });

  it('an unread include of the same title may state what reading a secret needs', () => {
    const file = real('kv-quick-create-java.excerpt.md');
    expect(ruleFindings('rbac-permission-not-stated', file)).toEqual([]);
    const { text } = mutate(readRepoFile(file), 'Using RBAC to provide access to a key vault', () => '');
    expect(ruleFindings('rbac-permission-not-stated', file, text).length).toBeGreaterThan(0);
  });

  it('an unread include titled "Create a resource group" may create the group the page removes', () => {
    const file = real('kv-quick-create-powershell.security-docs.md');
    expect(ruleFindings('page-assumes-resource', file)).toEqual([]);
    const { text } = mutate(readRepoFile(file), '[!INCLUDE [Create a resource group]', () => '');
    expect(ruleFindings('page-assumes-resource', file, text).map((f) => f.message)).toContainEqual(expect.stringContaining('myResourceGroup'));
  });

  it('an unread updated-for-az include names the Az PowerShell module', () => {
    const file = real('kv-move-subscription.excerpt.md');
    const az = (f: { message: string }) => f.message.includes('Azure PowerShell Az module');
    expect(ruleFindings('missing-prerequisite', file).filter(az)).toEqual([]);
    const { text } = mutate(readRepoFile(file), '[!INCLUDE [updated-for-az]', () => '');
    expect(ruleFindings('missing-prerequisite', file, text).filter(az).length).toBe(1);
  });

  it('a placeholder secret of the vault the prerequisites present as the reader\'s is the reader\'s own; a literal one is still assumed', () => {
    const file = real('kv-rbac-migration.excerpt.md');
    expect(ruleFindings('page-assumes-resource', file)).toEqual([]);
    const { text, line } = mutate(readRepoFile(file), '--name <secret-name>', (l) => l.replace('<secret-name>', 'mySecret'));
    expect(ruleFindings('page-assumes-resource', file, text)).toEqual([expect.objectContaining({ line, message: expect.stringContaining('mySecret') })]);
  });
});
