// `--docset-root DIR` of run, lint and extract: checked before anything is read (exit 2 when it is
// not a folder). Light on purpose: run checks it before its target boots. What the root is for:
// src/parse/docset.ts.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ToolError } from '../errors.ts';

/** `--docset-root DIR` as given: an existing folder (exit 2 otherwise), absolute. */
export function docsetRootOption(dir: string | undefined, command: string): string | undefined {
  if (dir === undefined) return undefined;
  const usage = (why: string) => new ToolError('E_USAGE', `--docset-root ${JSON.stringify(dir)} ${why}; give the folder that holds the docs (see 'tutorial-conformance help ${command}')`);
  if (dir === '') throw usage('is empty');
  let folder: boolean;
  try {
    folder = statSync(dir).isDirectory();
  } catch {
    throw usage('does not exist');
  }
  if (!folder) throw usage('is not a folder');
  return resolve(dir);
}
