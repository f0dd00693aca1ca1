// The pool of token signing keys in the emulator's state folder: a boot takes a key made earlier
// instead of waiting for RSA generation, and no two emulators ever sign with the same key.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { takeSigningKey } from '../../src/emulator/signing-keys.ts';
import { startEmulator } from '../../src/emulator/index.ts';
import { createTokenAuthority } from '../../src/emulator/tokens.ts';

const dirs: string[] = [];
function stateDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'tc-keys-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const pool = (dir: string) => readdirSync(join(dir, 'signing-keys')).sort();

describe('signing key pool', () => {
  it('an empty pool: the key is generated, then the pool is filled for the next boots', async () => {
    const dir = stateDir();
    const first = await takeSigningKey(dir);
    expect(first.key.kid).toMatch(/^[A-Za-z0-9_-]{27}$/);
    await first.refilled;
    expect(pool(dir)).toHaveLength(2);
    expect(pool(dir).every((n) => /^key-[0-9a-f]{16}\.pem$/.test(n))).toBe(true);
  });

  it('every take gets a key no other take got, also when they run at once; taken files are gone', async () => {
    const dir = stateDir();
    await (await takeSigningKey(dir)).refilled;
    const before = pool(dir);
    const takes = await Promise.all([1, 2, 3, 4].map(() => takeSigningKey(dir)));
    await Promise.all(takes.map((t) => t.refilled));
    const kids = takes.map((t) => t.key.kid);
    expect(new Set(kids).size).toBe(4);
    // The two pooled files were taken (not copied): none of them is still in the pool.
    expect(pool(dir).filter((n) => before.includes(n))).toEqual([]);
    expect(pool(dir).length).toBeGreaterThanOrEqual(2);
    // A pooled key signs and verifies like a generated one.
    const ta = await createTokenAuthority({ tenantId: 't', now: () => new Date() }, takes[0]!.key);
    const { token } = await ta.issue({ principalId: 'p', clientId: 'c', resource: 'https://management.azure.com/' });
    expect((await ta.verify(token)).ok).toBe(true);
  });

  it('a file in the pool that is not a usable key is dropped and the next one is used', async () => {
    const dir = stateDir();
    await (await takeSigningKey(dir)).refilled;
    writeFileSync(join(dir, 'signing-keys', 'key-0000000000000000.pem'), '-----BEGIN PRIVATE KEY-----\ntruncated');
    const taken: string[] = [];
    for (let i = 0; i < 3; i++) {
      const t = await takeSigningKey(dir);
      taken.push(t.key.kid);
      await t.refilled;
    }
    expect(new Set(taken).size).toBe(3);
    expect(pool(dir)).not.toContain('key-0000000000000000.pem');
  });

  it('two emulators on one state folder sign with different keys: a token of one is refused by the other', async () => {
    const dir = stateDir();
    const [a, b] = await Promise.all([startEmulator({ stateDir: dir }), startEmulator({ stateDir: dir })]);
    try {
      expect(a.tokens.kid).not.toBe(b.tokens.kid);
      const { token } = await a.tokens.issue({ principalId: 'p', clientId: 'c', resource: 'https://management.azure.com/' });
      expect((await a.tokens.verify(token)).ok).toBe(true);
      expect(await b.tokens.verify(token)).toMatchObject({ ok: false });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
