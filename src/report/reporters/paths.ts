// A report's file as the repository knows it: report paths are relative to the tool's project root
// (or absolute); annotations and SARIF want them relative to the repository being checked.
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** `file` relative to `root`, with "/" separators; absolute when it lies outside `root`. */
export function pathFromRoot(file: string, root: string, projectRoot: string): string {
  const abs = isAbsolute(file) ? file : resolve(projectRoot, file);
  const rel = relative(root, abs);
  return (rel === '' || rel.startsWith('..') || isAbsolute(rel) ? abs : rel).split(sep).join('/');
}
