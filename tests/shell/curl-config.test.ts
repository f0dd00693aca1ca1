// Real curl, pointed at the started emulator by nothing but CURL_HOME's generated .curlrc, reaches
// IMDS over HTTP and Resource Manager over verified TLS, and its trace reads back into exchanges
// carrying the tutorial's own URLs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createRunDir, type RunDir } from '../../src/run/shell/run-dir.ts';
import { exchangesFromTrace } from '../../src/run/shell/trace.ts';

let emulator: EmulatorHandle;
let dir: RunDir;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await createRunDir({ kind: 'config-file', path: emulator.curlConfigPath });
});

afterAll(async () => {
  await dir?.remove();
  await emulator?.close();
});

async function curl(args: string[], trace: string, curlHome = dir.curlHome) {
  await dir.prepareCurl(trace);
  return execa('curl', args, { env: { CURL_HOME: curlHome, HOME: dir.home, PATH: process.env.PATH ?? '/usr/bin:/bin' }, extendEnv: false, reject: false });
}

describe('curl through the generated config', () => {
  it('gets an IMDS token and uses it on Resource Manager, with the page URLs in the trace', async () => {
    const imdsUrl = 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/';
    const t1 = join(dir.traces, 'imds.trace');
    const imds = await curl(['-s', imdsUrl, '-H', 'Metadata:true'], t1);
    expect(imds.exitCode).toBe(0);
    const token = (JSON.parse(imds.stdout) as { access_token: string; resource: string }).access_token;
    expect(token).toMatch(/^eyJ/);

    const [ex1] = exchangesFromTrace(await readFile(t1, 'utf8'));
    expect(ex1?.request.url).toBe(imdsUrl);
    expect(ex1?.request.headers).toContainEqual(['Metadata', 'true']);
    expect(ex1?.response?.status).toBe(200);
    expect((ex1?.response?.json as { resource?: string }).resource).toBe('https://management.azure.com/');

    const { SUBSCRIPTION_ID: sub, RESOURCE_GROUP: rg } = emulator.values;
    const armUrl = `https://management.azure.com/subscriptions/${sub}/resourceGroups/${rg}?api-version=2016-09-01`;
    const t2 = join(dir.traces, 'arm.trace');
    const arm = await curl(['-s', '-i', armUrl, '-H', `Authorization: Bearer ${token}`], t2);
    expect(arm.exitCode).toBe(0);
    expect(arm.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    const [ex2] = exchangesFromTrace(await readFile(t2, 'utf8'));
    expect(ex2?.request.url).toBe(armUrl);
    expect(ex2?.request.method).toBe('GET');
    expect(ex2?.response?.status).toBe(200);
    expect((ex2?.response?.json as { name?: string }).name).toBe(rg);
  });

  it('verifies TLS: without the emulator CA curl refuses the certificate (exit 60)', async () => {
    const base = await readFile(emulator.curlConfigPath, 'utf8');
    const noCaHome = join(dir.root, 'no-ca');
    await execa('mkdir', ['-p', noCaHome]);
    await writeFile(join(noCaHome, '.curlrc'), base.split('\n').filter((l) => !l.startsWith('cacert')).join('\n'));
    const r = await curl(['-s', '-S', 'https://management.azure.com/subscriptions?api-version=2020-01-01'], join(dir.traces, 'noca.trace'), noCaHome);
    expect(r.exitCode).toBe(60);
    expect(r.stderr).toMatch(/curl: \(60\)/);
  });

  it('reads a 307 then 201 upload with 100 Continue from the trace (-L -T)', async () => {
    const imds = await curl(['-s', 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fdatalake.azure.net%2F', '-H', 'Metadata:true'], join(dir.traces, 'dl-token.trace'));
    const token = (JSON.parse(imds.stdout) as { access_token: string }).access_token;
    const file = join(dir.home, 'Test1.txt');
    await writeFile(file, 'Test file.\n');
    const t = join(dir.traces, 'adls.trace');
    const url = `https://${emulator.values.YOUR_ADLS_NAME}.azuredatalakestore.net/webhdfs/v1/${emulator.values.FOLDER_NAME}/Test1.txt?op=CREATE`;
    const r = await curl(['-s', '-i', '-X', 'PUT', '-L', '-T', file, '-H', `Authorization: Bearer ${token}`, url], t);
    expect(r.exitCode).toBe(0);
    const exchanges = exchangesFromTrace(await readFile(t, 'utf8'));
    expect(exchanges.map((x) => x.response?.status)).toEqual([307, 201]);
    expect(exchanges[1]?.request.body).toBe('Test file.\n');
    expect(exchanges[0]?.request.url).toBe(url);
  });
});
