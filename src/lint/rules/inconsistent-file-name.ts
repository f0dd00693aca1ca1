// One file, two names: "hello world.txt" created, "hello_world.txt" uploaded.
import type { Rule, RuleHit } from '../rule.ts';

const EXT = '(?:txt|csv|json|log|sh|py|bin|dat)';
const TOKEN = new RegExp(`(?<![\\w./-])[A-Za-z0-9][\\w-]*\\.${EXT}\\b`, 'g');

interface Mention {
  text: string;
  line: number;
  column: number;
}

/** Names compared the way a reader would confuse them: separators and case ignored. */
function normal(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '_');
}

export const inconsistentFileName: Rule = {
  id: 'inconsistent-file-name',
  name: 'InconsistentFileName',
  severity: 'error',
  shortDescription: 'A file is called by two different names in one tutorial.',
  fullDescription:
    'File names are exact on Linux and in Blob storage: a file created as "hello world.txt" cannot be found as "hello_world.txt", and a blob uploaded under one name is not readable under the other.',
  help: 'Use one spelling everywhere (prefer names without spaces).',
  check(doc) {
    const mentions: Mention[] = [];
    for (let n = 1; n <= doc.lineCount; n++) {
      const line = doc.line(n);
      for (const m of line.matchAll(TOKEN)) {
        const text = m[0];
        const column = (m.index ?? 0) + 1;
        mentions.push({ text, line: n, column });
        // "hello world.txt": a name with spaces is the token plus the words before it that the
        // underscore form of another mention accounts for.
      }
    }
    // Variants with spaces: for every name with "_" or "-", look for its spaced form in the text.
    for (const m of [...mentions]) {
      if (!/[_-]/.test(m.text)) continue;
      const spaced = m.text.replace(/[_-]+/g, ' ');
      const re = new RegExp(`(?<![\\w])${spaced.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'gi');
      for (let n = 1; n <= doc.lineCount; n++)
        for (const s of doc.line(n).matchAll(re)) mentions.push({ text: s[0], line: n, column: (s.index ?? 0) + 1 });
    }
    const groups = new Map<string, Mention[]>();
    for (const m of mentions) {
      const key = normal(m.text);
      const list = groups.get(key) ?? [];
      if (!list.some((x) => x.line === m.line && x.column === m.column)) list.push(m);
      groups.set(key, list);
    }
    const hits: RuleHit[] = [];
    for (const list of groups.values()) {
      // Drop single-word mentions swallowed by a spaced one ("world.txt" inside "hello world.txt").
      const spellings = [...new Set(list.map((m) => m.text))];
      if (spellings.length < 2) continue;
      list.sort((a, b) => a.line - b.line || a.column - b.column);
      const first = list[0] as Mention;
      for (const m of list) {
        if (m.text === first.text) continue;
        hits.push({
          line: m.line,
          column: m.column,
          message: `"${m.text}" is called "${first.text}" on line ${first.line}: on Linux and in Blob storage these are two different names, so the reader looks for a file that does not exist. Use one name (e.g. "${first.text.replace(/\s+/g, '_')}") everywhere.`,
          suggestion: first.text.replace(/\s+/g, '_'),
        });
      }
    }
    return hits;
  },
};
