// Shared by the lint tests: the clean fixtures, and a way to break one line of them on purpose.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTutorialText } from '../../src/parse/index.ts';
import { lintTutorial } from '../../src/lint/index.ts';
import type { Finding } from '../../src/lint/finding.ts';

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const CLEAN_DOCFX = readFileSync(join(fixturesDir, 'clean-docfx.md'), 'utf8');
export const CLEAN_RENDERED = readFileSync(join(fixturesDir, 'clean-rendered.md'), 'utf8');

export function lintText(text: string, form: 'docfx' | 'rendered' = 'docfx', file = 'tests/lint/fixtures/mutated.md'): Finding[] {
  return lintTutorial(parseTutorialText(text, file, { form }), { text });
}

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A file of the repository by its path from the root: a fresh page, a real-page excerpt. */
export function readRepoFile(file: string): string {
  return readFileSync(join(repoRoot, file), 'utf8');
}

/** One rule's findings on a repository file, or on `text` linted as that file. */
export function ruleFindings(rule: string, file: string, text = readRepoFile(file), form: 'docfx' | 'rendered' = 'docfx'): Finding[] {
  return lintText(text, form, file).filter((f) => f.rule === rule);
}

/**
 * Replaces the first line containing `find` (1-based line returned) with `replace(line)`.
 * Fails loudly when the fixture no longer has the line, so a test never passes on nothing.
 */
export function mutate(text: string, find: string, replace: (line: string) => string): { text: string; line: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.includes(find));
  if (index < 0) throw new Error(`fixture has no line containing ${JSON.stringify(find)}`);
  lines[index] = replace(lines[index] as string);
  return { text: lines.join('\n'), line: index + 1 };
}

export function lineOf(text: string, find: string, after = 0): number {
  const lines = text.split('\n');
  const index = lines.findIndex((l, i) => i >= after && l.includes(find));
  if (index < 0) throw new Error(`fixture has no line containing ${JSON.stringify(find)}`);
  return index + 1;
}
