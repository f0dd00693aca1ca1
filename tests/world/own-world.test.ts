// The page defines its world: a page that creates its own resource group, key vault, role assignment
// and secret with az and then uses them runs green on the emulator (nothing seeded for them: its own
// commands create them); the same page with one misspelt vault name, or without its role assignment,
// fails as Azure fails (no such host; 403 ForbiddenByRbac). Unmodified corpus pages that create what
// they use are judged the same way.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTutorials } from '../../src/run/index.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';
import type { Target } from '../../src/run/target.ts';
import type { ReportTutorial } from '../../src/report/schema.ts';

const fence = (text: string): string => `\`\`\`azurecli\n${text}\n\`\`\`\n`;
const GROUP = fence('az group create --name myResourceGroup --location eastus');
const VAULT = fence('az keyvault create --name myVault --resource-group myResourceGroup --location eastus');
const GRANT = fence('az role assignment create --role "Key Vault Secrets Officer" --assignee <your-object-id> --scope /subscriptions/<subscription-id>/resourceGroups/myResourceGroup/providers/Microsoft.KeyVault/vaults/myVault');
const SET = (vault: string): string => fence(`az keyvault secret set --vault-name ${vault} --name mySecret --value "hello world"`);
const SHOW = fence('az keyvault secret show --vault-name myVault --name mySecret');

function page(parts: { grant: boolean; setVault: string }): string {
  return [
    '# Store a secret in your own vault\n',
    'Create a resource group:\n', GROUP,
    'Create a key vault in it:\n', VAULT,
    ...(parts.grant ? ['Give yourself the Key Vault Secrets Officer role on the vault:\n', GRANT] : []),
    'Store a secret and read it back:\n', SET(parts.setVault), SHOW,
  ].join('\n');
}

let target: Target & { close(): Promise<void> };
let dir: string;
beforeAll(async () => {
  target = await startEmulatorTarget();
  dir = mkdtempSync(join(tmpdir(), 'tc-own-world-'));
  writeFileSync(join(dir, 'a-green.md'), page({ grant: true, setVault: 'myVault' }));
  writeFileSync(join(dir, 'b-typo.md'), page({ grant: true, setVault: 'myVualt' }));
  writeFileSync(join(dir, 'c-no-grant.md'), page({ grant: false, setVault: 'myVault' }));
}, 60_000);
afterAll(async () => {
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

const verdicts = (t: ReportTutorial | undefined): string[] => (t?.steps ?? []).map((s) => s.verdict);
const byName = (tutorials: ReportTutorial[], name: string): ReportTutorial => {
  const t = tutorials.find((x) => x.file.endsWith(name));
  if (!t) throw new Error(`${name} is not in the report`);
  return t;
};

describe('a page that creates its own group, vault, role assignment and secret', () => {
  for (const engine of ['http', 'shell'] as const) {
    it(`runs green, and fails as Azure does with a misspelt vault or without its grant (${engine} engine)`, async () => {
      const { report } = await runTutorials({ paths: [dir], targetInstance: target, engine });
      const green = byName(report.tutorials, 'a-green.md');
      expect(verdicts(green)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
      // Nothing was assumed: the page created everything it used.
      expect(green.assumptions).toBeUndefined();

      const typo = byName(report.tutorials, 'b-typo.md');
      expect(verdicts(typo).slice(0, 3)).toEqual(['pass', 'pass', 'pass']);
      // myVualt was never created: its host does not resolve, as on Azure; and the secret was never stored in myVault.
      expect(typo.steps[3]).toMatchObject({ verdict: 'fail' });
      expect(typo.steps[3]!.reason).toMatch(/myvualt\.vault\.azure\.net/i);
      expect(typo.steps[4]).toMatchObject({ verdict: 'fail' });
      expect(typo.steps[4]!.reason).toMatch(/SecretNotFound/);

      const noGrant = byName(report.tutorials, 'c-no-grant.md');
      expect(verdicts(noGrant).slice(0, 3)).toEqual(['pass', 'pass', 'fail']);
      expect(noGrant.steps[2]!.reason).toMatch(/403.*ForbiddenByRbac/);
    }, 180_000);
  }
});

describe('a page that creates its own storage account', () => {
  it('creates the account in the group it created (a long-running PUT followed to the end); in a group it misspells, ResourceGroupNotFound', async () => {
    const own = mkdtempSync(join(tmpdir(), 'tc-own-storage-'));
    try {
      const create = (group: string) =>
        [
          fence('az group create --name stGroup --location eastus'),
          fence(`az storage account create --name ownstore123 --resource-group ${group} --sku Standard_LRS`),
          fence(`az storage account show --name ownstore123 --resource-group ${group}`),
          fence('az identity create --resource-group stGroup --name ownIdentity'),
          fence('az identity show --resource-group stGroup --name ownIdentity'),
        ].join('\n');
      writeFileSync(join(own, 'a.md'), `# Storage\n\n${create('stGroup')}`);
      writeFileSync(join(own, 'b.md'), `# Storage\n\n${create('stGroupp')}`);
      const { report } = await runTutorials({ paths: [own], targetInstance: target });
      const a = byName(report.tutorials, 'a.md');
      expect(verdicts(a)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
      expect(a.steps[1]!.response?.status).toBe(200); // the operation's final answer, after the 202
      const b = byName(report.tutorials, 'b.md');
      // The show needs the account its failed create would have made: blocked, not a second failure.
      expect(verdicts(b)).toEqual(['pass', 'fail', 'blocked', 'pass', 'pass']);
      expect(b.steps[1]!.reason).toMatch(/ResourceGroupNotFound/);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('unmodified corpus pages that create what they use', () => {
  it('key-vault secrets quickstart: group and vault created, the secret 403 (RBAC vault, no data role); resource groups page: a group it never created is 404; keys quickstart: the vault placeholder bound by its role', async () => {
    const corpus = join(import.meta.dirname, '..', 'corpus', 'articles');
    const { report } = await runTutorials({
      paths: [join(corpus, 'key-vault/secrets/quick-create-cli.md'), join(corpus, 'azure-resource-manager/management/manage-resource-groups-cli.md'), join(corpus, 'key-vault/keys/quick-create-cli.md')],
      targetInstance: target,
    });
    const step = (file: string, raw: string) => {
      const t = byName(report.tutorials, file);
      const s = t.steps.find((x) => x.raw.startsWith(raw));
      if (!s) throw new Error(`${raw} is not a step of ${file}`);
      return s;
    };
    const secrets = 'key-vault/secrets/quick-create-cli.md';
    expect(step(secrets, 'az group create').verdict).toBe('pass');
    expect(['pass', 'drift']).toContain(step(secrets, 'az keyvault create').verdict); // the page's example output is older than today's
    expect(step(secrets, 'az keyvault secret set')).toMatchObject({ verdict: 'fail' });
    expect(step(secrets, 'az keyvault secret set').reason).toMatch(/ForbiddenByRbac/);

    const groups = 'manage-resource-groups-cli.md';
    expect(step(groups, 'az group create --name demoResourceGroup').verdict).toBe('pass');
    expect(step(groups, 'az group show --name exampleGroup')).toMatchObject({ verdict: 'fail' });
    expect(step(groups, 'az group show --name exampleGroup').reason).toMatch(/ResourceGroupNotFound/);

    const keys = 'key-vault/keys/quick-create-cli.md';
    expect(step(keys, 'az group create').verdict).toBe('pass');
    const vault = step(keys, 'az keyvault create');
    expect(['pass', 'drift']).toContain(vault.verdict);
    // <your-unique-keyvault-name> is bound by its role (the --name of az keyvault create): no --set needed.
    expect(byName(report.tutorials, keys).problems ?? []).not.toContainEqual(expect.objectContaining({ code: 'E_PLACEHOLDER_UNBOUND' }));
  }, 180_000);
});
