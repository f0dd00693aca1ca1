// Token signing keys made ahead of time. Generating a 2048-bit RSA key takes 80–400 ms here (it varies
// with the primes found), the longest wait of an emulator boot after Azurite's start. Each emulator
// still signs with a key no other instance ever had: it takes one key out of a small pool in its
// state folder (the file is renamed away first, so two emulators starting at once never share one)
// and generates a replacement in the background for the next boot. An empty pool costs what a boot
// without one costs: the key is generated then.
import { createHash, createPrivateKey, createPublicKey, generateKeyPair, randomBytes, type KeyObject } from 'node:crypto';
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** base64url SHA-1 thumbprint; Entra v1 tokens carry the same value as `kid` and `x5t`. */
  kid: string;
}

function signingKeyOf(privateKey: KeyObject, publicKey: KeyObject): SigningKey {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const kid = createHash('sha1').update(spki).digest('base64url');
  return { privateKey, publicKey, kid };
}

const generateRsaKeyPair = promisify(generateKeyPair);
/** Enough for the runs of a CLI and a test file starting side by side. */
const POOL_SIZE = 2;
const POOL_FOLDER = 'signing-keys';
const READY = /^key-[0-9a-f]{16}\.pem$/;

/** On libuv's thread pool, so that a boot overlaps it with its other work. */
export async function generateSigningKey(): Promise<{ key: SigningKey; pem: string }> {
  const { privateKey, publicKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  return { key: signingKeyOf(privateKey, publicKey), pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

async function claimOne(folder: string): Promise<SigningKey | undefined> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => READY.test(n));
  } catch {
    return undefined;
  }
  for (const name of names) {
    const claimed = join(folder, `.claimed-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      // Only one claimant's rename succeeds; the others see ENOENT and try the next file.
      await rename(join(folder, name), claimed);
    } catch {
      continue;
    }
    try {
      const privateKey = createPrivateKey(await readFile(claimed, 'utf8'));
      if (privateKey.asymmetricKeyType !== 'rsa' || (privateKey.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) continue;
      return signingKeyOf(privateKey, createPublicKey(privateKey));
    } catch {
      continue; // not a key (a truncated or foreign file): dropped below, the next one is tried
    } finally {
      await unlink(claimed).catch(() => undefined);
    }
  }
  return undefined;
}

/** Adds keys until the pool holds POOL_SIZE; errors (a read-only folder) only mean the next boot generates. */
async function refill(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    while ((await readdir(folder)).filter((n) => READY.test(n)).length < POOL_SIZE) {
      const { pem } = await generateSigningKey();
      const name = `key-${randomBytes(8).toString('hex')}.pem`;
      const tmp = join(folder, `.${name}.${process.pid}.tmp`);
      await writeFile(tmp, pem, { mode: 0o600 });
      // Complete or absent: a claimant never reads half a key.
      await rename(tmp, join(folder, name));
    }
  } catch {
    // nothing to do: the pool is an optimisation
  }
}

export interface SigningKeySource {
  key: SigningKey;
  /** The background refill; awaited by whoever must not leave work behind (tests of the pool). */
  refilled: Promise<void>;
}

/** A key no one else has, from the pool in `stateDir` when it has one, generated otherwise. */
export async function takeSigningKey(stateDir: string): Promise<SigningKeySource> {
  const folder = join(stateDir, POOL_FOLDER);
  const pooled = await claimOne(folder);
  const key = pooled ?? (await generateSigningKey()).key;
  return { key, refilled: refill(folder) };
}
