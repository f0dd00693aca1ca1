// The docset root and the includes read from disk (design.md, "The docset root"): `--docset-root
// DIR`, else the nearest folder upwards from the page holding docfx.json (the search stops at the
// git root), else the page's own folder. `[!INCLUDE]` targets resolve inside it — relative ones
// from the including file, `~/` ones from the root — and are checked on their real path (symlinks
// resolved): a file outside the root is never read, nor is anything but a regular file (a FIFO
// would block, /dev/zero would fill memory). Each refusal is a reason the include is not resolved.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { projectRoot } from '../tutorials/manifest.ts';
import type { IncludeResult } from './scan-state.ts';

/** Folders already searched: folder → the docset root found from it. */
const rootCache = new Map<string, string>();

function realFolder(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** The docset root of a page found on disk (no --docset-root): docfx.json upwards, up to the git root. */
export function findDocsetRoot(pageFile: string): string {
  const own = realFolder(dirname(resolve(pageFile)));
  const cached = rootCache.get(own);
  if (cached !== undefined) return cached;
  let root = own;
  for (let dir = own; ; ) {
    if (existsSync(join(dir, 'docfx.json'))) {
      root = dir;
      break;
    }
    const parent = dirname(dir);
    if (existsSync(join(dir, '.git')) || parent === dir) break;
    dir = parent;
  }
  rootCache.set(own, root);
  return root;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** A project-relative path (as the model records files), or the absolute one outside the project. */
function shownPath(abs: string): string {
  const rel = relative(projectRoot, abs);
  return (rel.startsWith('..') || isAbsolute(rel) ? abs : rel).split(sep).join('/');
}

/**
 * Reads includes for pages under `docsetRoot` (an existing folder). `from` is the including file as
 * the model names it (project-relative, or absolute outside the project).
 */
export function includeResolver(docsetRoot: string): (target: string, from: string) => IncludeResult {
  const realRoot = realFolder(docsetRoot);
  const shownRoot = shownPath(realRoot);
  return (target, from) => {
    if (target === '') return { error: 'the include names no file' };
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target)) return { error: 'a URL, not a file of the docset' };
    let candidate: string;
    if (/^~[\\/]/.test(target)) candidate = join(docsetRoot, target.slice(2));
    else if (isAbsolute(target)) return { error: `an absolute path; write it relative to the page or to the docset root (~/…, ${shownRoot})` };
    else candidate = resolve(dirname(resolve(projectRoot, from)), target);
    const shown = shownPath(candidate);
    let real: string;
    try {
      real = realpathSync(candidate);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { error: `${shown} does not exist` };
      if (code === 'ELOOP') return { error: `${shown} is a symlink loop` };
      return { error: `${shown} cannot be read (${code ?? String(err)})` };
    }
    if (!inside(realRoot, real)) {
      return { error: `${shown} is outside the docset root ${shownRoot}${real !== resolve(candidate) ? ' (through a symlink)' : ''}; it is not read (give --docset-root to name the docs tree)` };
    }
    let text: string;
    try {
      const st = statSync(real);
      if (!st.isFile()) return { error: `${shown} is not a regular file (${st.isDirectory() ? 'a folder' : st.isFIFO() ? 'a named pipe' : 'a device or socket'}); it is not read` };
      const buf = readFileSync(real);
      if (buf.includes(0)) return { error: `${shown} is binary (it contains NUL bytes); it is not read` };
      text = buf.toString('utf8');
    } catch (err) {
      return { error: `${shown} cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
    }
    return { file: shown, text };
  };
}
