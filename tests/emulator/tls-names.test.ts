// Issue 15 #19: the emulator's CA can vouch only for the Azure host names the emulator answers, for
// a bounded time, and the emulator keeps a bounded number of on-demand certificates.
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { armService } from '../../src/emulator/services/arm/index.ts';

let emu: EmulatorHandle;
let stateDir: string;
let port: number;

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'tc-tls-names-'));
  emu = await startEmulator({ stateDir, services: [armService] });
  port = Number(new URL(emu.httpsUrl).port);
});
afterAll(async () => {
  await emu?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

interface Handshake {
  authorized: boolean;
  serial?: string;
  error?: string;
}

function handshake(servername: string, ca = emu.caPem, at = port): Promise<Handshake> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: '127.0.0.1', port: at, servername, ca, rejectUnauthorized: true }, () => {
      resolve({ authorized: socket.authorized, serial: socket.getPeerCertificate().serialNumber });
      socket.end();
    });
    socket.on('error', (err) => resolve({ authorized: false, error: err.message }));
  });
}

describe('certificates only for the Azure host names the emulator serves', () => {
  it('a handshake for www.google.com gets no certificate from the emulator (one was signed and verified)', async () => {
    for (const name of ['www.google.com', 'example.org', 'github.com']) {
      const r = await handshake(name);
      expect(r.authorized).toBe(false);
      expect(r.error).toBeDefined();
    }
    // An Azure name outside the static list still gets one, so it reaches the not-emulated answer.
    expect(await handshake('myaccount.table.core.windows.net')).toMatchObject({ authorized: true });
  });

  it('the CA is name-constrained: a certificate for www.google.com made with its own key does not verify', async () => {
    const bundle = JSON.parse((await import('node:fs')).readFileSync(join(stateDir, (await import('node:fs')).readdirSync(stateDir).find((f) => /^tls-v\d+\.json$/.test(f))!), 'utf8')) as { caCert: string; caKey: string; key: string };
    const caCert = forge.pki.certificateFromPem(bundle.caCert);
    const caKey = forge.pki.privateKeyFromPem(bundle.caKey);
    const leafKey = forge.pki.privateKeyFromPem(bundle.key) as forge.pki.rsa.PrivateKey;
    const rogue = (name: string): string => {
      const c = forge.pki.createCertificate();
      c.publicKey = forge.pki.setRsaPublicKey(leafKey.n, leafKey.e);
      c.serialNumber = '01ab';
      c.validity.notBefore = new Date(Date.now() - 3600_000);
      c.validity.notAfter = new Date(Date.now() + 3600_000);
      c.setSubject([{ name: 'commonName', value: name }]);
      c.setIssuer(caCert.subject.attributes);
      c.setExtensions([{ name: 'basicConstraints', cA: false }, { name: 'extKeyUsage', serverAuth: true }, { name: 'subjectAltName', altNames: [{ type: 2, value: name }] }]);
      c.sign(caKey, forge.md.sha256.create());
      return forge.pki.certificateToPem(c);
    };
    const serve = async (name: string): Promise<Handshake> => {
      const server = tls.createServer({ key: bundle.key, cert: rogue(name) }, (s) => s.end());
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      try {
        return await handshake(name, bundle.caCert, (server.address() as { port: number }).port);
      } finally {
        server.close();
      }
    };
    const google = await serve('www.google.com');
    expect(google.authorized).toBe(false);
    expect(google.error).toMatch(/subtree|name constraint/i);
    // The same key still makes certificates for Azure names (the constraint is what refused google).
    expect(await serve('other.vault.azure.net')).toMatchObject({ authorized: true });
  });

  it('the CA is valid for at most 90 days and cannot sign other CAs (it was valid five years)', () => {
    const ca = new X509Certificate(emu.caPem);
    const days = (Date.parse(ca.validTo) - Date.parse(ca.validFrom)) / 86_400_000;
    expect(days).toBeLessThanOrEqual(91);
    const parsed = forge.pki.certificateFromPem(emu.caPem);
    expect(parsed.getExtension('basicConstraints')).toMatchObject({ cA: true, pathLenConstraint: 0 });
    expect(parsed.getExtension('nameConstraints')).toMatchObject({ critical: true });
  });

  it('on-demand certificates are kept in a bounded cache: of 40 distinct names, 32 are still served from it (every one was kept)', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `acct${i}.table.core.windows.net`);
    const first = new Map<string, string>();
    for (const n of names) {
      const r = await handshake(n);
      expect(r.authorized).toBe(true);
      first.set(n, r.serial!);
    }
    // Newest first, so that the names asked for again do not push out the ones not yet asked.
    let kept = 0;
    for (const n of [...names].reverse()) if ((await handshake(n)).serial === first.get(n)) kept += 1;
    expect(kept).toBe(32);
    // Evicted names are issued again and still verify.
    expect(await handshake(names[0]!)).toMatchObject({ authorized: true });
  });
});
