// The tenant's token signing key, kept in the emulator's state folder like its CA: generating a
// 2048-bit RSA key takes 80–400 ms of CPU here (it varies with the primes found), and a boot that
// waited for it, or generated it beside the run, made every run that much slower. Every emulator
// sharing a state folder signs with the same key, as every Azure service trusts the same Entra
// signing keys: a token is valid wherever the tenant's keys are, until it expires. Emulators with
// different state folders are different clouds and refuse each other's tokens.
import { createHash, createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { publishStateFile } from './state-file.ts';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** base64url SHA-1 thumbprint; Entra v1 tokens carry the same value as `kid` and `x5t`. */
  kid: string;
}

/** The tenant's signing key (state-dir.ts checks it is private). */
export const KEY_FILE = 'token-signing-key-v1.pem';

function signingKeyOf(privateKey: KeyObject, publicKey: KeyObject): SigningKey {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const kid = createHash('sha1').update(spki).digest('base64url');
  return { privateKey, publicKey, kid };
}

const generateRsaKeyPair = promisify(generateKeyPair);

/** On libuv's thread pool, so that a boot overlaps it with its other work. */
export async function generateSigningKey(): Promise<{ key: SigningKey; pem: string }> {
  const { privateKey, publicKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  return { key: signingKeyOf(privateKey, publicKey), pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

async function readKey(path: string): Promise<SigningKey | undefined> {
  try {
    const privateKey = createPrivateKey(await readFile(path, 'utf8'));
    if (privateKey.asymmetricKeyType !== 'rsa' || (privateKey.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) return undefined;
    return signingKeyOf(privateKey, createPublicKey(privateKey));
  } catch {
    return undefined; // absent, or not a key (a truncated file): made anew
  }
}

/**
 * The signing key of the state folder, generated at the first boot. Safe when several emulators
 * start at once on a new folder: the first key written wins (a hard link fails if the file exists)
 * and everyone uses that one.
 */
export async function loadSigningKey(stateDir: string): Promise<SigningKey> {
  const path = join(stateDir, KEY_FILE);
  const cached = await readKey(path);
  if (cached !== undefined) return cached;
  const fresh = await generateSigningKey();
  try {
    await mkdir(stateDir, { recursive: true, mode: 0o700 });
    if (!(await publishStateFile(path, fresh.pem, { replace: false }))) {
      // Another emulator wrote one first, or the file there is damaged: the valid one wins.
      const winner = await readKey(path);
      if (winner !== undefined) return winner;
      await publishStateFile(path, fresh.pem, { replace: true });
    }
  } catch {
    // A read-only state folder: this instance signs with a key of its own, kept nowhere.
  }
  return fresh.key;
}
