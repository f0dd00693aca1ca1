// The manifest says where each tutorial file was cut from, so every report can give the seed's
// own line numbers next to the tutorial's.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const tutorialsDir = join(projectRoot, 'tutorials');
export const seedsDir = join(projectRoot, 'vendor/seeds');

export const ManifestEntry = z.object({
  file: z.string(),
  seed: z.object({ file: z.string(), firstLine: z.number().int().positive(), lastLine: z.number().int().positive() }),
  form: z.enum(['docfx', 'rendered']),
  /** Same value for the two texts of one tutorial (access key in 000 and 001, …). */
  tutorial: z.string(),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export const Manifest = z.object({ note: z.string(), tutorials: z.array(ManifestEntry) });
export type Manifest = z.infer<typeof Manifest>;

export function loadManifest(path = join(tutorialsDir, 'manifest.json')): Manifest {
  return Manifest.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The manifest entry for a tutorial file path, if it is one of ours. */
export function manifestEntryFor(file: string, manifest: Manifest = loadManifest()): ManifestEntry | undefined {
  return manifest.tutorials.find((t) => t.file === basename(file));
}
