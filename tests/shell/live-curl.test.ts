// curl's configuration for the live target, proved with real curl against the started emulator
// standing in for the cloud: the IMDS substitute is reached by connect-to, a TC_RESOLVE host by
// connect-to on every port, and TC_CA_FILE is trusted on top of the system roots (TLS verified).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { liveCurlConfig, stepConnectTo } from '../../src/run/shell/live-curl.ts';
import { createRunDir, type RunDir } from '../../src/run/shell/run-dir.ts';

let emulator: EmulatorHandle;
let dir: RunDir;

beforeAll(async () => {
  emulator = await startEmulator();
  const http = new URL(emulator.httpUrl);
  const https = new URL(emulator.httpsUrl);
  dir = await createRunDir({
    kind: 'live',
    imds: { address: http.hostname, port: Number(http.port) },
    network: { caPem: emulator.caPem, resolve: [{ pattern: 'management.azure.com', address: https.hostname, port: Number(https.port) }] },
  });
});

afterAll(async () => {
  await dir?.remove();
  await emulator?.close();
});

const curl = async (args: string[]) => {
  await dir.prepareCurl(join(dir.traces, 'live.trace'));
  return execa('curl', args, { env: { CURL_HOME: dir.curlHome, HOME: dir.home, PATH: process.env.PATH ?? '/usr/bin:/bin' }, extendEnv: false, reject: false });
};

describe('live curl config', () => {
  it('reaches the IMDS substitute and a TC_RESOLVE host over verified TLS', async () => {
    await dir.prepareCurl(join(dir.traces, 'live.trace'));
    const rc = await readFile(join(dir.curlHome, '.curlrc'), 'utf8');
    expect(rc).toContain(`connect-to = "169.254.169.254:80:${new URL(emulator.httpUrl).hostname}:${new URL(emulator.httpUrl).port}"`);
    const bundle = await readFile(join(dir.curlHome, 'ca-bundle.pem'), 'utf8');
    expect(bundle).toContain(emulator.caPem.trim());
    expect((bundle.match(/BEGIN CERTIFICATE/g) ?? []).length).toBeGreaterThan(50); // the system roots are kept

    const token = await curl(['-sS', 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/', '-H', 'Metadata:true']);
    expect(token.exitCode).toBe(0);
    const accessToken = (JSON.parse(token.stdout) as { access_token: string }).access_token;
    const { SUBSCRIPTION_ID: sub, RESOURCE_GROUP: rg } = emulator.values;
    const arm = await curl(['-sS', `https://management.azure.com/subscriptions/${sub}/resourceGroups/${rg}?api-version=2016-09-01`, '-H', `Authorization: Bearer ${accessToken}`]);
    expect(arm.stderr).toBe('');
    expect(arm.exitCode).toBe(0);
    expect((JSON.parse(arm.stdout) as { name: string }).name).toBe(rg);
  });

  it('expands a wildcard TC_RESOLVE entry into rules for the hosts a step names, IMDS left to its substitute', () => {
    const routing = {
      imds: { address: '127.0.0.1', port: 9 },
      network: { caPem: undefined, resolve: [{ pattern: '*.blob.core.windows.net', address: '127.0.0.1', port: 8443 }, { pattern: '169.254.169.254', address: '127.0.0.1', port: 8080 }] },
    };
    const text = 'curl "https://Acct.blob.core.windows.net/c/f" https://acct.blob.core.windows.net/x http://169.254.169.254/metadata https://example.com/ https://blob.core.windows.net/';
    expect(stepConnectTo(routing, text)).toBe('connect-to = "acct.blob.core.windows.net::127.0.0.1:8443"\n');
    expect(liveCurlConfig(routing, undefined)).toContain('connect-to = "169.254.169.254:80:127.0.0.1:9"\nconnect-to = "169.254.169.254::127.0.0.1:8080"');
    expect(liveCurlConfig(routing, undefined)).not.toContain('blob');
  });

  it('without overrides adds no routing and no CA: DNS and the system trust store, as on a VM', () => {
    expect(liveCurlConfig({}, undefined).split('\n').filter((l) => l !== '' && !l.startsWith('#'))).toEqual([]);
  });
});
