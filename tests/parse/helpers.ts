// Shared helpers for the parse tests: a compact, exact projection of a step.
import { join } from 'node:path';
import type { Step, Tutorial } from '../../src/model.ts';
import { parseTutorialFile } from '../../src/parse/index.ts';
import { tutorialsDir } from '../../src/tutorials/manifest.ts';

export const NBSP = '\u00a0';

const cache = new Map<string, Tutorial>();
export function tutorial(name: string): Tutorial {
  let t = cache.get(name);
  if (!t) {
    t = parseTutorialFile(join(tutorialsDir, name));
    cache.set(name, t);
  }
  return t;
}

export type Summary =
  | { id: string; kind: 'manual'; lines: [number, number]; creates: string[] }
  | {
      id: string;
      kind: 'http';
      lines: [number, number];
      method: string;
      url: string;
      headers: Array<[string, string]>;
      data?: Array<[string, string]>;
      flags?: string; // "X" methodExplicit, "L" follow, "i" include, "G" get, "T:<file>" upload
      extraUrls?: string[];
      expect?: [string, number, number];
    }
  | { id: string; kind: 'az'; lines: [number, number]; path: string; options: Array<[string, string | null]>; expect?: [string, number, number] }
  | { id: string; kind: 'shell'; lines: [number, number]; shell: unknown; expect?: [string, number, number] };

/** The exact, comparable projection of a step used by the per-tutorial tables. */
export function summarize(s: Step): Summary {
  const lines: [number, number] = [s.source.startLine, s.source.endLine];
  const expect = s.expectation ? ([s.expectation.kind, s.expectation.source.startLine, s.expectation.source.endLine] as [string, number, number]) : undefined;
  const withExpect = <T extends object>(o: T) => (expect ? { ...o, expect } : o);
  switch (s.kind) {
    case 'manual':
      return { id: s.id, kind: 'manual', lines, creates: s.creates };
    case 'http': {
      const c = s.curl;
      const flags = [c.methodExplicit ? 'X' : '', c.followRedirects ? 'L' : '', c.includeHeaders ? 'i' : '', c.get ? 'G' : '', c.uploadFile !== undefined ? `T:${c.uploadFile}` : '']
        .filter(Boolean)
        .join(' ');
      return withExpect({
        id: s.id,
        kind: 'http' as const,
        lines,
        method: c.method,
        url: c.url,
        headers: c.headers.map((h) => [h.name, h.value] as [string, string]),
        ...(c.data.length ? { data: c.data.map((d) => [d.flag, d.value] as [string, string]) } : {}),
        ...(flags ? { flags } : {}),
        ...(c.extraUrls.length ? { extraUrls: c.extraUrls } : {}),
      });
    }
    case 'az':
      return withExpect({ id: s.id, kind: 'az' as const, lines, path: s.az.path.join(' '), options: s.az.options.map((o) => [o.name, o.value] as [string, string | null]) });
    case 'shell':
      return withExpect({ id: s.id, kind: 'shell' as const, lines, shell: s.shell });
  }
}
