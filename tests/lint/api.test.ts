// lintTutorial as the runner and checker call it: pure, deterministic, usable without the text.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTutorialFile } from '../../src/parse/index.ts';
import { lintTutorial, rules } from '../../src/lint/index.ts';
import { Finding } from '../../src/lint/finding.ts';
import { tutorialsDir } from '../../src/tutorials/manifest.ts';

const file = join(tutorialsDir, '002-storage-user-assigned.md');

describe('lintTutorial', () => {
  it('returns Findings that satisfy the shared schema, the same twice over', () => {
    const tutorial = parseTutorialFile(file);
    const text = readFileSync(file, 'utf8');
    const a = lintTutorial(tutorial, { text });
    const b = lintTutorial(structuredClone(tutorial), { text });
    expect(a).toEqual(b);
    for (const f of a) expect(() => Finding.parse(f)).not.toThrow();
    expect(new Set(a.map((f) => f.rule)).size).toBeGreaterThan(10);
  });

  it('without the text still reads commands and examples (no prose rules)', () => {
    const tutorial = parseTutorialFile(file);
    const found = lintTutorial(tutorial);
    const at = (line: number, rule: string) => found.some((f) => f.line === line && f.rule === rule);
    expect(at(100, 'az-removed-command')).toBe(true);
    expect(at(134, 'smart-quote-in-command')).toBe(true);
    expect(at(88, 'contract-invalid-guid')).toBe(true);
    expect(found.some((f) => f.rule === 'placeholder-not-in-command')).toBe(false); // prose-only rule
  });

  it('can run a subset of rules', () => {
    const tutorial = parseTutorialFile(file);
    const found = lintTutorial(tutorial, { text: readFileSync(file, 'utf8'), only: ['legacy-msi-endpoint'] });
    expect(found.map((f) => [f.line, f.rule])).toEqual([[165, 'legacy-msi-endpoint']]);
  });

  it('every rule has a unique id, a PascalCase name and a severity', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.name).toMatch(/^[A-Z][A-Za-z]+$/);
    }
  });
});

describe('steps from included files', () => {
  it('are not read at this file\'s line numbers', () => {
    const tutorial = parseTutorialFile(file);
    const text = readFileSync(file, 'utf8');
    const moved = structuredClone(tutorial);
    for (const s of moved.steps) if (s.source.startLine === 100) s.source.file = 'includes/other.md';
    expect(lintTutorial(tutorial, { text }).some((f) => f.line === 100 && f.rule === 'az-removed-command')).toBe(true);
    expect(lintTutorial(moved, { text }).some((f) => f.line === 100 && f.rule === 'az-removed-command')).toBe(false);
  });
});
