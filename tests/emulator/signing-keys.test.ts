// The tenant's token signing key in the emulator's state folder: made once, shared by every emulator
// on that folder (as Azure's services share Entra's keys), distinct between folders.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSigningKey } from '../../src/emulator/signing-keys.ts';
import { startEmulator } from '../../src/emulator/index.ts';
import { createTokenAuthority } from '../../src/emulator/tokens.ts';

const dirs: string[] = [];
function stateDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'tc-keys-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('token signing key', () => {
  it('is generated at the first boot of a state folder, kept private, and loaded by the next ones', async () => {
    const dir = stateDir();
    const first = await loadSigningKey(dir);
    expect(first.kid).toMatch(/^[A-Za-z0-9_-]{27}$/);
    const file = readdirSync(dir).find((n) => n.endsWith('.pem'))!;
    expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
    expect((await loadSigningKey(dir)).kid).toBe(first.kid);
    // Nothing else left in the folder (no temporary files).
    expect(readdirSync(dir)).toEqual([file]);
  });

  it('emulators starting at once on a new folder agree on one key', async () => {
    const dir = stateDir();
    const kids = await Promise.all([1, 2, 3, 4].map(async () => (await loadSigningKey(dir)).kid));
    expect(new Set(kids).size).toBe(1);
    expect(readdirSync(dir).filter((n) => n.endsWith('.pem'))).toHaveLength(1);
  });

  it('a damaged key file is replaced by a new key', async () => {
    const dir = stateDir();
    const before = await loadSigningKey(dir);
    const file = readdirSync(dir).find((n) => n.endsWith('.pem'))!;
    writeFileSync(join(dir, file), '-----BEGIN PRIVATE KEY-----\ntruncated');
    const after = await loadSigningKey(dir);
    expect(after.kid).not.toBe(before.kid);
    expect((await loadSigningKey(dir)).kid).toBe(after.kid);
    const ta = await createTokenAuthority({ tenantId: 't', now: () => new Date() }, after);
    const { token } = await ta.issue({ principalId: 'p', clientId: 'c', resource: 'https://management.azure.com/' });
    expect((await ta.verify(token)).ok).toBe(true);
  });

  it("emulators sharing a state folder accept each other's tokens; another folder is another cloud and refuses them", async () => {
    const shared = stateDir();
    const [a, b, other] = await Promise.all([startEmulator({ stateDir: shared }), startEmulator({ stateDir: shared }), startEmulator({ stateDir: stateDir() })]);
    try {
      expect(a.tokens.kid).toBe(b.tokens.kid);
      expect(other.tokens.kid).not.toBe(a.tokens.kid);
      const { token } = await a.tokens.issue({ principalId: 'p', clientId: 'c', resource: 'https://management.azure.com/' });
      expect((await b.tokens.verify(token)).ok).toBe(true);
      expect(await other.tokens.verify(token)).toMatchObject({ ok: false, reason: 'bad-signature' });
    } finally {
      await Promise.all([a.close(), b.close(), other.close()]);
    }
  });
});
