// The README's "Use the emulator from any client", recipe by recipe, with real clients: curl with the
// printed config (-K), a Python HTTP stack configured only by HTTPS_PROXY, HTTP_PROXY and
// REQUESTS_CA_BUNDLE (IMDS over HTTP_PROXY, TLS verified strictly, as Python 3.13 does by default),
// and the combination the README warns against (curl -K with proxy variables). The Node SDK recipe
// (HTTPS_PROXY, HTTP_PROXY, NODE_EXTRA_CA_CERTS) is proxy-clients.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';

let emu: EmulatorHandle;
const IMDS = 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/';
/** Only what the recipe sets: no inherited proxy, CA or Azure variables. */
const bare = (): Record<string, string> => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' });

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu?.close();
});

describe('use the emulator from any client', () => {
  it('curl -K <curl config>: the tutorial URLs as written, IMDS token then ARM', async () => {
    const token = await execa('curl', ['-sS', '-K', emu.curlConfigPath, '-H', 'Metadata: true', IMDS], { extendEnv: false, env: bare() });
    const access = (JSON.parse(token.stdout) as { access_token: string }).access_token;
    const subs = await execa('curl', ['-sS', '-K', emu.curlConfigPath, '-H', `Authorization: Bearer ${access}`, 'https://management.azure.com/subscriptions?api-version=2022-12-01'], { extendEnv: false, env: bare() });
    expect((JSON.parse(subs.stdout) as { value: { subscriptionId: string }[] }).value[0]!.subscriptionId).toBe(emu.scenario.subscriptionId);
  });

  it('Python: HTTPS_PROXY and HTTP_PROXY (IMDS is plain http) and REQUESTS_CA_BUNDLE are all a Python client needs', async () => {
    const script = [
      'import json, os, ssl, urllib.request',
      "ctx = ssl.create_default_context(cafile=os.environ['REQUESTS_CA_BUNDLE'])",
      'ctx.verify_flags |= ssl.VERIFY_X509_STRICT',
      'opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=ctx))',
      `tok = json.load(opener.open(urllib.request.Request('${IMDS}', headers={'Metadata': 'true'})))['access_token']`,
      "r = opener.open(urllib.request.Request('https://management.azure.com/subscriptions?api-version=2022-12-01', headers={'Authorization': 'Bearer ' + tok}))",
      "print(json.load(r)['value'][0]['subscriptionId'])",
    ].join('\n');
    const r = await execa('python3', ['-c', script], { reject: false, extendEnv: false, env: { ...bare(), HTTPS_PROXY: emu.httpUrl, HTTP_PROXY: emu.httpUrl, REQUESTS_CA_BUNDLE: emu.caPath } });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(emu.scenario.subscriptionId);
  });

  it('do not combine curl -K with proxy variables: curl sends the rewritten address to the proxy, which refuses it', async () => {
    const r = await execa('curl', ['-sS', '-K', emu.curlConfigPath, 'https://management.azure.com/subscriptions?api-version=2022-12-01'], { reject: false, extendEnv: false, env: { ...bare(), https_proxy: emu.httpUrl } });
    expect(r.exitCode).toBe(56);
    expect(r.stderr).toContain('CONNECT tunnel failed, response 502');
  });
});
