// Pages that create a storage account or a vault with az and then list what is in them, in both
// engines against the real emulator: `az storage container create` (login, and az's own key look-up),
// `az storage blob list --auth-mode login`, `az storage container list`, `az storage account keys list`,
// `az keyvault secret list`, `az role assignment list`. The same page without its data-role grant fails
// where Azure fails (the blob list's 403 AuthorizationPermissionMismatch, the vault's 403
// ForbiddenByRbac), and a misspelt account fails as az does; the account keys never reach the report.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTutorials } from '../../src/run/index.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';
import type { Target } from '../../src/run/target.ts';
import type { ReportTutorial } from '../../src/report/schema.ts';
import { writeReports } from '../../src/report/index.ts';

const fence = (text: string): string => `\`\`\`azurecli\n${text}\n\`\`\`\n`;
const ACCOUNT_ID = '/subscriptions/<subscription-id>/resourceGroups/listGroup/providers/Microsoft.Storage/storageAccounts/liststore123';

function storagePage(parts: { grant: boolean; listAccount: string }): string {
  return [
    '# List what your storage account holds\n',
    fence('az group create --name listGroup --location eastus'),
    fence('az storage account create --name liststore123 --resource-group listGroup --sku Standard_LRS'),
    'Create a container with your Microsoft Entra sign-in:\n',
    fence('az storage container create --name docs --account-name liststore123 --auth-mode login'),
    ...(parts.grant ? ['Give yourself a data role on the account:\n', fence(`az role assignment create --role "Storage Blob Data Contributor" --assignee <your-object-id> --scope ${ACCOUNT_ID}`)] : []),
    'List the blobs (none yet) and the containers, then the account keys:\n',
    fence(`az storage blob list --container-name docs --account-name ${parts.listAccount} --auth-mode login`),
    fence('az storage container list --account-name liststore123'),
    fence('az storage account keys list --account-name liststore123 --resource-group listGroup'),
    fence(`az role assignment list --scope ${ACCOUNT_ID}`),
  ].join('\n');
}

function vaultPage(grant: boolean): string {
  return [
    '# List your secrets\n',
    fence('az group create --name kvListGroup --location eastus'),
    fence('az keyvault create --name listVault --resource-group kvListGroup --location eastus'),
    ...(grant ? [fence('az role assignment create --role "Key Vault Secrets Officer" --assignee <your-object-id> --scope /subscriptions/<subscription-id>/resourceGroups/kvListGroup/providers/Microsoft.KeyVault/vaults/listVault')] : []),
    fence('az keyvault secret list --vault-name listVault'),
  ].join('\n');
}

let target: Target & { close(): Promise<void> };
let dir: string;
beforeAll(async () => {
  target = await startEmulatorTarget();
  dir = mkdtempSync(join(tmpdir(), 'tc-own-lists-'));
  writeFileSync(join(dir, 'a-storage.md'), storagePage({ grant: true, listAccount: 'liststore123' }));
  writeFileSync(join(dir, 'b-storage-no-grant.md'), storagePage({ grant: false, listAccount: 'liststore123' }));
  writeFileSync(join(dir, 'c-storage-typo.md'), storagePage({ grant: true, listAccount: 'liststore132' }));
  writeFileSync(join(dir, 'd-vault.md'), vaultPage(true));
  writeFileSync(join(dir, 'e-vault-no-grant.md'), vaultPage(false));
}, 60_000);
afterAll(async () => {
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

const verdicts = (t: ReportTutorial): string[] => t.steps.map((s) => s.verdict);
const byName = (tutorials: ReportTutorial[], name: string): ReportTutorial => {
  const t = tutorials.find((x) => x.file.endsWith(name));
  if (!t) throw new Error(`${name} is not in the report`);
  return t;
};

function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((f) => (statSync(join(root, f)).isDirectory() ? filesUnder(join(root, f)) : [join(root, f)]));
}

describe('a page that creates a storage account and lists what it holds', () => {
  for (const engine of ['http', 'shell'] as const) {
    it(`runs green; without the data role the blob list is Azure's 403; a misspelt account fails (${engine} engine)`, async () => {
      const { report, secrets } = await runTutorials({ paths: [dir], targetInstance: target, engine });
      const green = byName(report.tutorials, 'a-storage.md');
      expect(verdicts(green)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
      const step = (t: ReportTutorial, raw: string) => t.steps.find((s) => s.raw.startsWith(raw))!;
      expect(JSON.parse(step(green, 'az storage container create').output!.stdout)).toEqual({ created: true });
      expect(JSON.parse(step(green, 'az storage blob list').output!.stdout)).toEqual([]);
      const containers = JSON.parse(step(green, 'az storage container list').output!.stdout) as { name: string }[];
      expect(containers.map((c) => c.name)).toEqual(['docs']);
      // No credential on the command line: az warns, then finds the key through Resource Manager.
      expect(step(green, 'az storage container list').output!.stderr).toMatch(/^WARNING: \nThere are no credentials provided in your command and environment/);
      const listed = JSON.parse(step(green, 'az role assignment list').output!.stdout) as { roleDefinitionName: string; scope: string }[];
      expect(listed).toEqual([expect.objectContaining({ roleDefinitionName: 'Storage Blob Data Contributor', scope: expect.stringMatching(/storageAccounts\/liststore123$/) })]);

      const noGrant = byName(report.tutorials, 'b-storage-no-grant.md');
      expect(verdicts(noGrant).slice(0, 4)).toEqual(['pass', 'pass', 'pass', 'fail']);
      expect(noGrant.steps[3]!.reason).toMatch(/403|AuthorizationPermissionMismatch/);
      expect(noGrant.steps[3]!.output?.stderr).toMatch(/ErrorCode:AuthorizationPermissionMismatch\n\nYou do not have the required permissions/);
      // Without a grant the list at the account's scope is empty, not an error.
      expect(JSON.parse(step(noGrant, 'az role assignment list').output!.stdout)).toEqual([]);

      const typo = byName(report.tutorials, 'c-storage-typo.md');
      expect(typo.steps[4]).toMatchObject({ verdict: 'fail' });
      expect(typo.steps[4]!.reason).toMatch(/liststore132\.blob\.core\.windows\.net/);

      // The keys were printed by a step: they are secrets, and no report file holds them.
      const keys = JSON.parse(step(green, 'az storage account keys list').output!.stdout) as { keyName: string; value: string }[];
      expect(keys.map((k) => k.keyName)).toEqual(['key1', 'key2']);
      const out = mkdtempSync(join(tmpdir(), 'tc-own-lists-report-'));
      try {
        await writeReports(report, out, undefined, { redactor: secrets.redactor });
        const raw = secrets.values().map((s) => s.value);
        for (const k of keys) expect(raw).toContain(k.value);
        for (const file of filesUnder(out)) {
          const text = readFileSync(file, 'utf8');
          for (const k of keys) expect(text.includes(k.value), `${file} holds an account key`).toBe(false);
        }
      } finally {
        rmSync(out, { recursive: true, force: true });
      }

      const vault = byName(report.tutorials, 'd-vault.md');
      expect(verdicts(vault)).toEqual(['pass', 'pass', 'pass', 'pass']);
      expect(JSON.parse(vault.steps[3]!.output!.stdout)).toEqual([]);
      const vaultNoGrant = byName(report.tutorials, 'e-vault-no-grant.md');
      expect(verdicts(vaultNoGrant)).toEqual(['pass', 'pass', 'fail']);
      expect(vaultNoGrant.steps[2]!.reason).toMatch(/403.*ForbiddenByRbac|ForbiddenByRbac/);
    }, 240_000);
  }
});

describe('rejected-before-any-request-is-not-blocked', () => {
  it('after a failed account create, a command az rejects outright still fails in az\'s words; a well-formed one waits (blocked)', async () => {
    const own = mkdtempSync(join(tmpdir(), 'tc-own-rejected-'));
    try {
      writeFileSync(
        join(own, 'a.md'),
        [
          '# Rejected\n',
          fence('az storage account create --name rejstore1 --resource-group rejGroup --encryption blob'),
          fence('az storage blob upload --account-name rejstore1 --container-name docs --name blob1'),
          fence('az storage blob list --account-name rejstore1 --container-name docs'),
        ].join('\n'),
      );
      const { report } = await runTutorials({ paths: [own], targetInstance: target });
      const t = byName(report.tutorials, 'a.md');
      expect(verdicts(t)).toEqual(['fail', 'fail', 'blocked']);
      expect(t.steps[1]!.reason).toMatch(/please specify one of --file and --data/);
      expect(t.steps[1]!.output?.exitCode).toBe(2);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('defect: the shell engine did not hand exported AZURE_STORAGE_* variables to az', () => {
  it('az storage blob list with the account and auth mode only in the environment runs in both engines', async () => {
    const own = mkdtempSync(join(tmpdir(), 'tc-own-env-'));
    try {
      writeFileSync(
        join(own, 'a.md'),
        [
          '# Storage settings from the environment\n',
          fence('az group create --name envGroup --location eastus'),
          fence('az storage account create --name envstore123 --resource-group envGroup --sku Standard_LRS'),
          fence('az role assignment create --role "Storage Blob Data Contributor" --assignee <your-object-id> --scope /subscriptions/<subscription-id>/resourceGroups/envGroup/providers/Microsoft.Storage/storageAccounts/envstore123'),
          '```bash\nexport AZURE_STORAGE_ACCOUNT=envstore123\nexport AZURE_STORAGE_AUTH_MODE=login\n```\n',
          fence('az storage container create --name docs'),
          fence('az storage blob list --container-name docs'),
        ].join('\n'),
      );
      for (const engine of ['http', 'shell'] as const) {
        const { report } = await runTutorials({ paths: [own], targetInstance: target, engine });
        const t = byName(report.tutorials, 'a.md');
        const list = t.steps.find((s) => s.raw.startsWith('az storage blob list'))!;
        expect([engine, list.verdict, list.reason]).toEqual([engine, 'pass', expect.anything()]);
        expect(JSON.parse(list.output!.stdout)).toEqual([]);
        // login mode came from the environment: no key look-up warning.
        expect(list.output!.stderr).not.toMatch(/no credentials provided/);
      }
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 240_000);
});
