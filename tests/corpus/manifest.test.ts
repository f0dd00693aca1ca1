import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The corpus is checked against its own manifest only: nothing outside tests/corpus is read.
const ROOT = dirname(fileURLToPath(import.meta.url));

interface FileEntry { path: string; repo: string; commit: string; chars: number }
interface PageEntry extends FileEntry {
  folder: string;
  features: string[];
  includes: string[];
  heldOut: boolean;
  notes?: string;
}
interface MissingInclude { page: string; include: string; why: string }
interface Manifest {
  note: string;
  source: { repo: string; docfx: FileEntry };
  pages: PageEntry[];
  includes: FileEntry[];
  missingIncludes: MissingInclude[];
}

const FOLDERS = [
  'storage', 'key-vault/secrets', 'key-vault/keys', 'app-service',
  'azure-functions', 'azure-resource-manager', 'role-based-access-control',
] as const;
/** A page is held out of rule tuning when sha256(path) starts with one of these hex digits. */
const HELD_OUT_FIRST_DIGITS = '01234';
const OWN_FILES = new Set(['README.md', 'LICENSE.md']);

const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Manifest;
const allEntries: FileEntry[] = [...manifest.pages, ...manifest.includes, manifest.source.docfx];
const listed = new Set(allEntries.map((e) => e.path));
const missingKey = (m: { page: string; include: string }): string => `${m.page} -> ${m.include}`;
const declaredMissing = new Set(manifest.missingIncludes.map(missingKey));

/** docfx include syntax: `[!INCLUDE [title](target)]`, with or without the space, optional link title. */
function includeTargets(markdown: string): string[] {
  const re = /\[!INCLUDE\s*\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)\s*\]/gi;
  return [...markdown.matchAll(re)].map((m) => m[1] ?? '');
}

/** Where docfx would look: `~/` is the docset root (this folder, which holds docfx.json); else relative to the file. */
function resolveInclude(fromFile: string, target: string): string {
  const abs = target.startsWith('~/') ? resolve(ROOT, target.slice(2)) : resolve(ROOT, dirname(fromFile), target);
  return relative(ROOT, abs).split(sep).join('/');
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    const rel = relative(ROOT, full).split(sep).join('/');
    if (entry.isDirectory()) {
      if (rel !== 'goldens' && rel !== 'node_modules') out.push(...markdownFiles(full));
    } else if (entry.name.endsWith('.md') && !(dir === ROOT && OWN_FILES.has(entry.name))) {
      out.push(rel);
    }
  }
  return out;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

describe('corpus manifest', () => {
  it('lists every file once, each a byte-exact copy of its recorded length and commit', () => {
    expect(new Set(allEntries.map((e) => e.path)).size).toBe(allEntries.length);
    for (const e of allEntries) {
      const file = join(ROOT, e.path);
      expect(existsSync(file), `${e.path} is listed but absent`).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(text.length, `${e.path}: UTF-16 length`).toBe(e.chars);
      expect(e.commit, `${e.path}: commit`).toMatch(/^[0-9a-f]{40}$/);
      expect(e.repo, `${e.path}: repo`).toMatch(/^MicrosoftDocs\/[\w.-]+$/);
      expect(text.includes('\uFFFD'), `${e.path}: replacement character (lossy copy)`).toBe(false);
    }
  });

  it('has docfx.json at the corpus root, parseable, so ~/ resolves here', () => {
    expect(manifest.source.docfx.path).toBe('docfx.json');
    expect(() => JSON.parse(readFileSync(join(ROOT, 'docfx.json'), 'utf8')) as unknown).not.toThrow();
  });

  it('resolves every include of every page and include file to a listed file or a declared missing one', () => {
    const used = new Set<string>();
    for (const e of [...manifest.pages, ...manifest.includes]) {
      for (const target of includeTargets(readFileSync(join(ROOT, e.path), 'utf8'))) {
        const resolved = resolveInclude(e.path, target);
        expect(resolved.startsWith('..'), `${e.path}: include ${target} leaves the docset`).toBe(false);
        if (declaredMissing.has(missingKey({ page: e.path, include: target }))) {
          expect(existsSync(join(ROOT, resolved)), `${e.path}: ${target} is declared missing but present`).toBe(false);
          used.add(missingKey({ page: e.path, include: target }));
        } else {
          expect(listed.has(resolved), `${e.path}: include ${target} -> ${resolved} is neither listed nor declared missing`).toBe(true);
        }
      }
    }
    expect([...declaredMissing].filter((k) => !used.has(k)), 'missingIncludes no page refers to').toEqual([]);
  });

  it("records in each page entry exactly the includes it uses", () => {
    for (const p of manifest.pages) {
      const present = includeTargets(readFileSync(join(ROOT, p.path), 'utf8'))
        .filter((t) => !declaredMissing.has(missingKey({ page: p.path, include: t })))
        .map((t) => resolveInclude(p.path, t));
      expect([...p.includes].sort(), p.path).toEqual([...new Set(present)].sort());
    }
  });

  it('lists every markdown file under tests/corpus (README, LICENSE and goldens/ aside)', () => {
    const unlisted = markdownFiles(ROOT).filter((f) => !listed.has(f));
    expect(unlisted).toEqual([]);
  });

  it('has at least 40 pages spread over the seven folders, pages under articles/ in their own folder', () => {
    expect(manifest.pages.length).toBeGreaterThanOrEqual(40);
    for (const folder of FOLDERS) {
      const inFolder = manifest.pages.filter((p) => p.folder === folder);
      expect(inFolder.length, folder).toBeGreaterThanOrEqual(4);
      for (const p of inFolder) expect(p.path.startsWith(`articles/${folder}/`), p.path).toBe(true);
    }
    expect(manifest.pages.every((p) => (FOLDERS as readonly string[]).includes(p.folder))).toBe(true);
    expect(manifest.pages.every((p) => !p.path.includes('/includes/'))).toBe(true);
  });

  it('holds out at least 10 pages, spread over the folders, by the stated rule: sha256(path) starts with 0-4', () => {
    for (const p of manifest.pages) {
      expect(p.heldOut, p.path).toBe(HELD_OUT_FIRST_DIGITS.includes(sha256(p.path).charAt(0)));
    }
    const heldOut = manifest.pages.filter((p) => p.heldOut);
    expect(heldOut.length).toBeGreaterThanOrEqual(10);
    expect(new Set(heldOut.map((p) => p.folder)).size, 'folders with a held-out page').toBeGreaterThanOrEqual(6);
  });

  it('marks a page az or curl only when the page or its includes contain such a command', () => {
    for (const p of manifest.pages) {
      expect(['az', 'curl', 'http'].some((f) => p.features.includes(f)), `${p.path}: no az, curl or REST call`).toBe(true);
      const text = [p.path, ...p.includes].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
      if (p.features.includes('az')) expect(/(^|\n)[ \t>]*az [a-z]|\$\(az /.test(text), `${p.path}: az`).toBe(true);
      if (p.features.includes('curl')) expect(/(^|\n|\$\(|\| )[ \t>]*curl /.test(text), `${p.path}: curl`).toBe(true);
    }
  });
});
