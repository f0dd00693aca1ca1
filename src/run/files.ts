// Which tutorial files a run reads: files as given, folders expanded to their *.md files, sorted.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ToolError } from '../errors.ts';

/** Expand folders into their *.md files; anything missing is a ToolError naming it. */
export function resolveTutorialFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      throw new ToolError('E_TUTORIAL_UNREADABLE', 'no such file or folder; pass tutorial files or a folder of *.md files', { file: p });
    }
    if (isDir) {
      const md = readdirSync(p).filter((f) => f.endsWith('.md')).sort();
      if (md.length === 0) throw new ToolError('E_TUTORIAL_UNREADABLE', 'the folder holds no *.md tutorial', { file: p });
      files.push(...md.map((f) => join(p, f)));
    } else files.push(p);
  }
  return [...new Set(files.map((f) => resolve(f)))];
}
