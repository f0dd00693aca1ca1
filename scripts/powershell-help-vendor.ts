// Where the vendored Az help lives and how its manifest reads: shared by the copier and the table's generator.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const POWERSHELL_HELP_REPO = 'MicrosoftDocs/azure-docs-powershell';
/** The Az release read: pinned, so a newer snapshot changes the copies only when this is moved on. */
export const POWERSHELL_HELP_RELEASE = 'azps-16.2.0';
export const POWERSHELL_HELP_VENDOR = 'vendor/azure-docs-powershell';

export interface VendoredHelpManifest {
  source: { repository: string; commit: string; commitDate: string; release: string };
  /** Paths as in the upstream repository (and below the vendor folder), with their git blob SHA-1. */
  files: { path: string; sha1: string }[];
}

/** Git's object id of a file's bytes (`git hash-object`): what the manifest records and the test checks. */
export function gitBlobSha1(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export function readVendoredManifest(root: string): VendoredHelpManifest {
  return JSON.parse(readFileSync(join(root, POWERSHELL_HELP_VENDOR, 'MANIFEST.json'), 'utf8')) as VendoredHelpManifest;
}

export function readVendoredHelp(root: string): { commit: string; files: { path: string; text: string }[] } {
  const base = join(root, POWERSHELL_HELP_VENDOR);
  const manifest = readVendoredManifest(root);
  return { commit: manifest.source.commit, files: manifest.files.map((f) => ({ path: f.path, text: readFileSync(join(base, f.path), 'utf8') })) };
}
