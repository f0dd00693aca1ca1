// TLS material: generated once per state directory, safe when emulators start at the same time, and
// every instance's clients verify its certificate through the CA file it names.
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.ts';
import { loadTlsMaterial, SERVER_NAMES } from '../../src/emulator/tls.ts';
import { imdsService } from '../../src/emulator/services/imds.ts';
import { armService } from '../../src/emulator/services/arm/index.ts';

function handshake(port: number, servername: string, ca: string): Promise<{ authorized: boolean; error?: string }> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: '127.0.0.1', port, servername, ca, rejectUnauthorized: true }, () => {
      resolve({ authorized: socket.authorized });
      socket.end();
    });
    socket.on('error', (err) => resolve({ authorized: false, error: err.message }));
  });
}

describe('TLS material', () => {
  it('three emulators starting at once on a fresh state dir share one CA, each verifiable through its caPath', async () => {
    const stateDir = await mkdtemp(join(os.tmpdir(), 'tc-tls-'));
    const emus = await Promise.all([1, 2, 3].map(() => startEmulator({ stateDir, services: [imdsService, armService] })));
    try {
      for (const emu of emus) {
        const caFromFile = await readFile(emu.caPath, 'utf8');
        expect(caFromFile).toBe(emu.caPem);
        const port = Number(new URL(emu.httpsUrl).port);
        for (const name of ['management.azure.com', 'myaccount.blob.core.windows.net', 'login.microsoftonline.com', 'myvault.vault.azure.net']) {
          expect(await handshake(port, name, caFromFile)).toEqual({ authorized: true });
        }
        // A name outside the static list gets an on-demand certificate from the same CA.
        expect(await handshake(port, 'myaccount.table.core.windows.net', caFromFile)).toEqual({ authorized: true });
      }
      const files = await readdir(stateDir);
      expect(files.filter((f) => f.startsWith('tls-v'))).toHaveLength(1);
      expect(files.filter((f) => f.startsWith('.'))).toEqual([]);
    } finally {
      await Promise.all(emus.map((e) => e.close()));
    }
  });
  it('a certificate from another CA is refused (verification really happens)', async () => {
    const a = await loadTlsMaterial(await mkdtemp(join(os.tmpdir(), 'tc-tls-a-')));
    const emu = await startEmulator({ stateDir: await mkdtemp(join(os.tmpdir(), 'tc-tls-b-')), services: [armService] });
    try {
      const r = await handshake(Number(new URL(emu.httpsUrl).port), 'management.azure.com', a.caPem);
      expect(r.authorized).toBe(false);
      expect(r.error).toMatch(/certificate/i);
    } finally {
      await emu.close();
    }
  });
  it('a damaged cached bundle is made anew rather than stopping the boot', async () => {
    const dir = await mkdtemp(join(os.tmpdir(), 'tc-tls-d-'));
    const first = await loadTlsMaterial(dir);
    const bundleFile = (await readdir(dir)).find((f) => f.startsWith('tls-v'))!;
    const bundle = JSON.parse(await readFile(join(dir, bundleFile), 'utf8')) as Record<string, string>;
    await writeFile(join(dir, bundleFile), JSON.stringify({ ...bundle, cert: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' }));
    const second = await loadTlsMaterial(dir);
    expect(second.caPem).not.toBe(first.caPem);
    expect(new (await import('node:crypto')).X509Certificate(second.certPem).subjectAltName).toContain('DNS:management.azure.com');
    // and the new bundle is the one cached
    expect((await loadTlsMaterial(dir)).caPem).toBe(second.caPem);
  });
  it('the server certificate names every tutorial host', async () => {
    const m = await loadTlsMaterial(await mkdtemp(join(os.tmpdir(), 'tc-tls-c-')));
    const cert = new (await import('node:crypto')).X509Certificate(m.certPem);
    for (const name of SERVER_NAMES) expect(cert.subjectAltName).toContain(`DNS:${name}`);
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(cert.checkIssued(new (await import('node:crypto')).X509Certificate(m.caPem))).toBe(true);
  });
});
