// A small page using the az commands that gained an equivalent (group list, resource list, provider
// show/register, role assignment delete, role definition list), run through the CLI's http engine
// against the emulator: the steps the emulator can answer pass, the rest are `unsupported` with the
// reason, and nothing is a `fail`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInTempDir } from '../helpers/processes.ts';
import type { Report } from '../../src/report/schema.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const fence = (lang: string, text: string) => `\`\`\`${lang}\n${text}\n\`\`\`\n`;

const PAGE = [
  '# Manage resource groups and roles with the Azure CLI\n',
  `Create a group:\n\n${fence('azurecli', 'az group create --name demoGroup --location westus --tags Dept=Finance')}`,
  `List the groups tagged for Finance:\n\n${fence('azurecli', 'az group list --tag Dept=Finance --query "[].name" --output tsv')}`,
  `${fence('Output', 'demoGroup')}`,
  `List what is in the group:\n\n${fence('azurecli', 'az resource list --resource-group demoGroup')}`,
  `${fence('Output', '[]')}`,
  `Check that Key Vault is registered:\n\n${fence('azurecli', 'az provider show --namespace Microsoft.KeyVault --query "registrationState"')}`,
  `${fence('Output', '"Registered"')}`,
  `Register Batch:\n\n${fence('azurecli', 'az provider register --namespace Microsoft.Batch')}`,
  `Show the Reader role:\n\n${fence('azurecli', 'az role definition list --name "Reader" --query "[].roleType" --output tsv')}`,
  `${fence('Output', 'BuiltInRole')}`,
  `Get a token for Resource Manager and call it:\n\n${fence('bash', `TOKEN=$(az account get-access-token --query accessToken | tr -d '"')`)}`,
  `${fence('bash', 'curl -s -H "Authorization: Bearer $TOKEN" "https://management.azure.com/subscriptions?api-version=2022-12-01"')}`,
  `Remove a role assignment granted in the portal:\n\n${fence('azurecli', 'az role assignment delete --role "Reader" --resource-group demoGroup')}`,
].join('\n');

describe('a page of resource and role commands through the http engine', () => {
  it('runs what the emulator models (pass), says unsupported for what it does not, and does not judge a delete of a grant made outside the run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-resrole-page-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'manage.md'), PAGE);
    const run = runCliInTempDir([dir]);
    try {
      await run.exited;
      expect(run.stderr()).not.toMatch(/\n\s+at /);
      const report = JSON.parse(readFileSync(join(run.out, 'latest', 'report.json'), 'utf8')) as Report;
      const steps = report.tutorials[0]!.steps;
      const verdictOf = (prefix: string) => steps.find((s) => s.raw.startsWith(prefix));
      expect(verdictOf('az group create')?.verdict).toBe('pass');
      expect(verdictOf('az group list')?.verdict).toBe('pass');
      expect(verdictOf('az resource list')?.verdict).toBe('pass');
      expect(verdictOf('az provider show')?.verdict).toBe('pass');
      expect(verdictOf('az provider register')).toMatchObject({ verdict: 'unsupported', reason: expect.stringContaining('Microsoft.Batch') });
      expect(verdictOf('az role definition list')?.verdict).toBe('pass');
      expect(verdictOf('TOKEN=$(az account get-access-token')?.verdict).toBe('pass');
      expect(verdictOf('curl -s -H "Authorization: Bearer $TOKEN"')?.verdict).toBe('pass');
      // The token is a secret: never in the report.
      expect(readFileSync(join(run.out, 'latest', 'report.json'), 'utf8')).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
      // The page removes a grant made outside what ran: az's answer is shown, and the step is not judged.
      expect(verdictOf('az role assignment delete')).toMatchObject({ verdict: 'unsupported', reason: expect.stringContaining('No matched assignments were found to delete') });
      expect(steps.filter((s) => s.verdict === 'fail')).toEqual([]);
    } finally {
      run.cleanup();
    }
  }, 120_000);
});
