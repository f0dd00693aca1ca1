// The OpenAPI documents vendored in vendor/specs/ (examples left out), in path order, with the
// repository and commit vendor/specs/MANIFEST.json pins: the input of every generator built on the specs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SpecDocument } from '../src/reference/spec-enums-source.ts';

export const specsDir = join(import.meta.dirname, '..', 'vendor/specs');

export function specDocuments(dir = specsDir): SpecDocument[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'examples' ? [] : specDocuments(path);
    if (!name.endsWith('.json') || name === 'MANIFEST.json') return [];
    return [{ path: relative(specsDir, path).split('\\').join('/'), json: JSON.parse(readFileSync(path, 'utf8')) as unknown }];
  });
}

export function specSource(): { repo: string; commit: string } {
  const manifest = JSON.parse(readFileSync(join(specsDir, 'MANIFEST.json'), 'utf8')) as { source: { repository: string; snapshotCommit: string } };
  return { repo: manifest.source.repository, commit: manifest.source.snapshotCommit };
}
