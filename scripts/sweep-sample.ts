// The sample of a precision sweep: which pages of a docset a sweep reads. A seeded hash order rather
// than `shuf`, so a sample is the same on every machine and a larger sample extends a smaller one of
// the same seed (50 pages of seed 7 are the first 50 of its 100).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every page (*.md) under `under` (folders of the docset, relative), docset-relative with `/`; includes folders, hidden folders and node_modules are not pages. */
export function listPages(docset: string, under: readonly string[] = ['.']): string[] {
  const out = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'includes') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.md')) out.add(relative(docset, path).split(sep).join('/'));
    }
  };
  for (const u of under) {
    const start = join(docset, u);
    let isDir = false;
    try {
      isDir = statSync(start).isDirectory();
    } catch {
      throw new Error(`--under ${u}: no such folder in the docset ${docset}`);
    }
    if (!isDir) throw new Error(`--under ${u}: not a folder of the docset ${docset}`);
    walk(start);
  }
  return [...out].sort();
}

/** The pages' order for a seed: sha256 of "seed\npath", ascending. */
export function seededOrder(pages: readonly string[], seed: string): string[] {
  const key = (p: string): string => createHash('sha256').update(`${seed}\n${p}`).digest('hex');
  return pages.map((p) => ({ p, k: key(p) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((x) => x.p);
}

/** Paths named by lists of pages to leave out: a manifest.json ({pages: [{path}]}) or a text file (one path per line, # comments). */
export function readSkipList(file: string): Set<string> {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) {
    // A manifest lists {path} objects; a sweep's review.json lists the paths themselves.
    const parsed = JSON.parse(text) as { pages?: unknown[] };
    if (!Array.isArray(parsed.pages)) throw new Error(`--skip ${file}: a JSON skip list needs "pages": [{"path": …}] (as tests/fresh/manifest.json) or "pages": ["path", …] (as a sweep's review.json)`);
    const path = (p: unknown): unknown => (typeof p === 'object' && p !== null ? (p as { path?: unknown }).path : p);
    return new Set(parsed.pages.map(path).filter((p): p is string => typeof p === 'string'));
  }
  return new Set(
    text
      .split(/\r?\n/)
      .map((l) => l.replace(/#.*/, '').trim())
      .filter((l) => l.length > 0),
  );
}

export interface Sample {
  pages: string[];
  /** Pages of the docset left out because a skip list named them. */
  skipped: number;
  /** Pages the docset holds under the folders given. */
  available: number;
}

export function samplePages(docset: string, options: { under?: readonly string[]; size: number; seed: string; skip?: ReadonlySet<string> }): Sample {
  const all = listPages(docset, options.under);
  const skip = options.skip ?? new Set<string>();
  const kept = all.filter((p) => !skip.has(p));
  return { pages: seededOrder(kept, options.seed).slice(0, options.size), skipped: all.length - kept.length, available: all.length };
}

/** The judged sheets kept in the repository's sweeps/ folder: their pages have been swept, so a new sweep leaves them out. */
export function keptSheets(sweepsDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(sweepsDir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.review.json')).sort().map((n) => join(sweepsDir, n));
}
