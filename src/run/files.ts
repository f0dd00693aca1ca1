// Which tutorial files a command reads. Each argument is a markdown file, a folder (searched
// recursively) or a quoted glob (./glob.ts). A folder search skips hidden entries, node_modules/ and
// folders named includes/ (DocFX include files are parts of pages, not pages). Only regular files are
// read: a named pipe would block the run forever and /dev/zero would fill its memory, so anything
// else is refused with what it is. An argument the user named that cannot be used is a ToolError
// (exit 2); an entry a search came across is skipped and said through `onSkip`.
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { ToolError } from '../errors.ts';
import { compileGlob, isGlob } from './glob.ts';

const SKIPPED_FOLDERS = new Set(['includes', 'node_modules']);

/** Folders a search does not enter: hidden ones, node_modules/, includes/. */
export function skippedFolder(name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.has(name);
}

export function isMarkdownName(name: string): boolean {
  return /\.(md|markdown)$/i.test(name);
}

export interface SkippedInput {
  path: string;
  why: string;
}

export interface ResolveOptions {
  /** Told about each entry a folder search or a glob came across and did not take. */
  onSkip?: (skipped: SkippedInput) => void;
}

type PathKind = { kind: 'file' } | { kind: 'folder' } | { kind: 'refused'; why: string; missing?: true };

function special(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a file or folder';
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** What a path is, following symlinks; for anything but a file or a folder, what it is in words. */
export function inspectPath(path: string): PathKind {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { kind: 'refused', why: 'a symlink loop: following its links never reaches a file' };
    if (code === 'ENOENT') {
      if (lstatOrUndefined(path)?.isSymbolicLink()) return { kind: 'refused', why: `a symlink to ${readlinkSync(path)}, which does not exist` };
      return { kind: 'refused', why: 'no such file or folder', missing: true };
    }
    if (code === 'ENOTDIR') return { kind: 'refused', why: 'no such file or folder (a part of its path is a file)', missing: true };
    if (code === 'EACCES') return { kind: 'refused', why: 'permission denied' };
    return { kind: 'refused', why: `cannot be read (${code ?? String(err)})` };
  }
  if (st.isFile()) return { kind: 'file' };
  if (st.isDirectory()) return { kind: 'folder' };
  let via = '';
  if (!st.isFIFO() && lstatOrUndefined(path)?.isSymbolicLink()) {
    try {
      via = ` (a symlink to ${realpathSync(path)})`;
    } catch {
      via = ` (a symlink to ${readlinkSync(path)})`;
    }
  }
  const hint = st.isFIFO() ? '; a pipe or a process substitution such as <(cat page.md) gives one: save the text to a file and pass that' : '';
  return { kind: 'refused', why: `${special(st)}${via}, not a regular file${hint}` };
}

function kindOf(entry: Dirent, path: string): PathKind {
  if (entry.isFile()) return { kind: 'file' };
  if (entry.isDirectory()) return { kind: 'folder' };
  return inspectPath(path);
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Lists a folder once per real path (a symlink back up would loop), sorted by name. */
class Walk {
  private readonly seen = new Set<string>();
  constructor(private readonly onSkip: (s: SkippedInput) => void) {}

  entries(dir: string, pass = ''): Dirent[] | undefined {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return undefined;
    }
    const key = `${pass}\0${real}`;
    if (this.seen.has(key)) {
      this.onSkip({ path: dir, why: 'a symlink to a folder already searched (a loop)' });
      return undefined;
    }
    this.seen.add(key);
    try {
      return readdirSync(dir, { withFileTypes: true }).sort(byName);
    } catch (err) {
      this.onSkip({ path: dir, why: `the folder cannot be listed (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
      return undefined;
    }
  }
}

/** Every markdown page under `root`, recursively, in name order. */
function searchFolder(root: string, onSkip: (s: SkippedInput) => void): string[] {
  const found: string[] = [];
  const walk = new Walk(onSkip);
  const visit = (dir: string): void => {
    for (const e of walk.entries(dir) ?? []) {
      if (e.name.startsWith('.')) continue; // hidden files and folders, as a glob's * leaves them
      const path = join(dir, e.name);
      const k = kindOf(e, path);
      if (k.kind === 'folder') {
        if (!skippedFolder(e.name)) visit(path);
      } else if (isMarkdownName(e.name)) {
        if (k.kind === 'file') found.push(path);
        else onSkip({ path, why: k.why });
      }
    }
  };
  visit(root);
  return found;
}

/** The markdown pages a glob matches, and how many other files it matched. */
function expandGlob(pattern: string, onSkip: (s: SkippedInput) => void): { pages: string[]; others: number } {
  const { base, segments } = compileGlob(pattern);
  const pages = new Set<string>();
  let others = 0;
  const walk = new Walk(onSkip);
  const visit = (dir: string, i: number): void => {
    const seg = segments[i];
    if (seg === undefined) return;
    const entries = walk.entries(dir, String(i));
    if (entries === undefined) return;
    if (seg === '**') {
      visit(dir, i + 1); // no folder at all
      for (const e of entries) {
        const path = join(dir, e.name);
        if (!skippedFolder(e.name) && kindOf(e, path).kind === 'folder') visit(path, i);
      }
      return;
    }
    const last = i === segments.length - 1;
    for (const e of entries) {
      if (!seg.test(e.name)) continue;
      const path = join(dir, e.name);
      const k = kindOf(e, path);
      if (!last) {
        if (k.kind === 'folder') visit(path, i + 1);
      } else if (k.kind === 'file') {
        if (isMarkdownName(e.name)) pages.add(path);
        else others += 1;
      } else if (isMarkdownName(e.name)) {
        onSkip({ path, why: k.kind === 'folder' ? 'a folder, not a markdown file' : k.why });
      }
    }
  };
  if (inspectPath(base).kind === 'folder') visit(base, 0);
  return { pages: [...pages].sort(), others };
}

/**
 * Files, folders and globs → the markdown files to read, absolute, each once, in the order given
 * (a folder's or a glob's pages sorted). An argument that cannot be used stops here (exit 2).
 */
export function resolveTutorialFiles(paths: readonly string[], opts: ResolveOptions = {}): string[] {
  const onSkip = opts.onSkip ?? (() => undefined);
  const out: string[] = [];
  for (const p of paths) {
    const k = inspectPath(p);
    if (k.kind === 'refused' && k.missing === true && isGlob(p)) {
      const { pages, others } = expandGlob(p, onSkip);
      if (pages.length === 0) {
        const why = others > 0 ? `matches ${others} file(s) but no markdown page (*.md)` : 'matches no file';
        throw new ToolError('E_TUTORIAL_UNREADABLE', `the pattern ${why}`, { file: p });
      }
      out.push(...pages);
    } else if (k.kind === 'refused') {
      throw new ToolError('E_TUTORIAL_UNREADABLE', `${k.why}; pass markdown pages, folders or quoted globs such as 'docs/**/*.md'`, { file: p });
    } else if (k.kind === 'file') {
      if (!isMarkdownName(p)) throw new ToolError('E_TUTORIAL_UNREADABLE', "not a markdown page (*.md); pass markdown pages, folders or quoted globs such as 'docs/**/*.md'", { file: p });
      out.push(p);
    } else {
      const pages = searchFolder(p, onSkip);
      if (pages.length === 0) {
        const what = isMarkdownName(p) ? 'a folder, not a markdown file, and it holds' : 'the folder holds';
        throw new ToolError('E_TUTORIAL_UNREADABLE', `${what} no *.md page (searched recursively, skipping hidden entries, node_modules/ and includes/)`, { file: p });
      }
      out.push(...pages);
    }
  }
  return [...new Set(out.map((f) => resolve(f)))];
}
