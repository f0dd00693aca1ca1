// REST pages get their bearer token from az (`token=$(az account get-access-token --query
// accessToken --output tsv)`) and send it with curl. The command had no equivalent here, so the
// capture was unsupported and every request after it blocked (the fresh
// articles/azure-resource-manager/management/manage-resources-rest.md ran nothing). It now prints
// the signed-in account's token as az does; the request that carries it is judged, and the token
// is a secret of the run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTutorials } from '../../src/run/index.ts';
import { writeReports } from '../../src/report/index.ts';

const dir = mkdtempSync(join(os.tmpdir(), 'tc-get-access-token-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = [
  '# REST',
  '',
  '```azurecli-interactive',
  'az group create --name myResourceGroup --location eastus',
  'token=$(az account get-access-token --query accessToken --output tsv)',
  'curl -H "Authorization: Bearer $token" -X GET "https://management.azure.com/subscriptions/<subscription-id>/resourceGroups/myResourceGroup/resources?api-version=2021-04-01"',
  'az account get-access-token --resource https://vault.azure.net --scope https://vault.azure.net/.default',
  '```',
  '',
].join('\n');

describe('az account get-access-token', () => {
  it('gives the token the curl request after it carries, and keeps it out of the reports', async () => {
    const file = join(dir, 'rest.md');
    writeFileSync(file, page);
    const run = await runTutorials({ paths: [file] });
    const steps = run.report.tutorials[0]?.steps ?? [];
    const capture = steps.find((s) => s.raw.startsWith('token='));
    const request = steps.find((s) => s.raw.startsWith('curl'));
    expect(capture?.verdict).toBe('pass');
    expect(request?.verdict).toBe('pass');
    expect(request?.response?.status).toBe(200);
    // --resource with --scope: az's usage error, before any token is asked for.
    const both = steps.find((s) => s.raw.includes('--scope'));
    expect(both?.verdict).toBe('fail');
    expect(both?.reason).toMatch(/usage error: --resource\/--resource-type\/--scope/);
    const out = join(dir, 'out');
    await writeReports(run.report, out, undefined, { redactor: run.secrets.redactor });
    const written = readFileSync(join(out, 'report.json'), 'utf8');
    expect(written).toMatch(/REDACTED:az CLI token/);
    expect(written).not.toMatch(/eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}/);
  });
});
