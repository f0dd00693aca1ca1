// The `emulator` command as a user runs it: a child process, its one JSON line, real curl with the
// printed curl config (TLS verified through the emulator CA), SIGTERM → exit 0.
import { createInterface } from 'node:readline';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa, type ResultPromise } from 'execa';
import { defaultScenario } from '../../src/tutorials/scenario.ts';

let child: ResultPromise<{ reject: false }>;
let ready: { http: string; https: string; ca: string; curlConfig: string; values: Record<string, string> };

beforeAll(async () => {
  child = execa('node', ['bin/tutorial-conformance.js', 'emulator', '--json'], { reject: false, cwd: process.cwd() });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`emulator exited early with ${code}`)));
  });
  ready = JSON.parse(first);
});
afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGTERM');
  await child;
});

async function curl(args: string[]): Promise<{ code: number; body: string }> {
  const r = await execa('curl', ['-sS', '-K', ready.curlConfig, '-w', '\n%{http_code}', ...args], { reject: false });
  const lines = r.stdout.split('\n');
  return { code: Number(lines.pop()), body: lines.join('\n') };
}

describe('tutorial-conformance emulator', () => {
  it('prints one JSON line with endpoints, CA, curl config and values (no secrets)', () => {
    expect(Object.keys(ready)).toEqual(['http', 'https', 'ca', 'curlConfig', 'values']);
    expect(ready.http).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.values.STORAGE_ACCOUNT_NAME).toBeTruthy();
    const printed = JSON.stringify(ready);
    const scenario = defaultScenario();
    const secrets = [...scenario.storageAccounts.flatMap((a) => a.keys), ...scenario.principals.map((p) => p.clientSecret ?? ''), ...scenario.keyVaults.flatMap((v) => v.secrets.map((x) => x.value))];
    expect(secrets.filter((x) => x !== '' && printed.includes(x))).toEqual([]);
    expect(printed).not.toContain('eyJ');
  });
  it('curl, with the printed config, gets an IMDS token and reads the resource group as the tutorial writes it', async () => {
    const tok = await curl(['http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/', '-H', 'Metadata:true']);
    expect(tok.code).toBe(200);
    const token = (JSON.parse(tok.body) as { access_token: string }).access_token;
    const rg = await curl([`https://management.azure.com/subscriptions/${ready.values.SUBSCRIPTION_ID}/resourceGroups/${ready.values.RESOURCE_GROUP}?api-version=2016-09-01`, '-H', `Authorization: Bearer ${token}`]);
    expect(rg.code).toBe(200);
    expect(JSON.parse(rg.body)).toMatchObject({ name: ready.values.RESOURCE_GROUP, properties: { provisioningState: 'Succeeded' } });
  });
  it('curl through proxy mode (HTTPS_PROXY + CA) reaches ARM unmodified', async () => {
    const r = await execa('curl', ['-sS', '--cacert', ready.ca, '-x', ready.http, '-w', '\n%{http_code}', `https://management.azure.com/subscriptions/${ready.values.SUBSCRIPTION_ID}/resourceGroups/${ready.values.RESOURCE_GROUP}?api-version=2016-09-01`], { reject: false });
    expect(r.stdout.split('\n').pop()).toBe('401');
    expect(r.stdout).toContain('AuthenticationFailed');
  });
  it('curl through proxy mode reaches IMDS with an absolute-form request', async () => {
    const r = await execa('curl', ['-sS', '-x', ready.http, '-H', 'Metadata:true', '-w', '\n%{http_code}', 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://vault.azure.net'], { reject: false });
    const lines = r.stdout.split('\n');
    expect(lines.pop()).toBe('200');
    expect(JSON.parse(lines.join('\n')).resource).toBe('https://vault.azure.net');
  });
  it('rejects an invalid scenario naming the field', async () => {
    const dir = await mkdtemp(join(os.tmpdir(), 'tc-scenario-'));
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ subscriptionId: 'not-a-guid' }));
    const r = await execa('node', ['bin/tutorial-conformance.js', 'emulator', '--scenario', file], { reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('E_SCENARIO');
    expect(r.stderr).toContain('subscriptionId');
  });
  it('exits 0 on SIGTERM', async () => {
    child.kill('SIGTERM');
    const r = await child;
    expect(r.exitCode).toBe(0);
  });
});
