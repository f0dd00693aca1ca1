// One file, two names: "hello world.txt" created, "hello_world.txt" uploaded.
import type { LintDocument } from '../document.ts';
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

const EXTENSIONS = ['txt', 'csv', 'json', 'log', 'sh', 'py', 'bin', 'dat'];
const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 32;
/** ASCII letters in lower case, nothing else changed (what a case-insensitive RegExp compares). */
const fold = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * Every place each spaced form ("hello world.txt") is written, case aside, not right after a word
 * character, and not overlapping an earlier place of the same form: a list per form, in the order
 * of `forms`. A form is words, a ".", an extension; so a place ends at a "." of the line and starts
 * at a word of the run of letters, digits and spaces before it. Each line is read once.
 */
function findSpaced(doc: LintDocument, forms: readonly string[]): Mention[][] {
  const out: Mention[][] = forms.map(() => []);
  if (forms.length === 0) return out;
  const formIndex = new Map<string, number>();
  let longest = 0;
  forms.forEach((f, k) => {
    formIndex.set(fold(f), k);
    longest = Math.max(longest, f.length);
  });
  for (let n = 1; n <= doc.lineCount; n++) {
    const line = doc.line(n);
    const lastEnd = new Map<number, number>(); // form → end of its last place on this line
    let runStart = 0;
    for (let dot = line.indexOf('.'); dot >= 0; dot = line.indexOf('.', dot + 1)) {
      while (runStart < dot && !isNameChar(line.charCodeAt(runStart))) runStart++;
      for (let k = runStart; k < dot; k++) if (!isNameChar(line.charCodeAt(k))) runStart = k + 1;
      const tail = fold(line.slice(dot + 1, dot + 5));
      for (let start = Math.max(runStart, dot - longest); start < dot; start++) {
        if (start > 0 && isWordChar(line.charCodeAt(start - 1))) continue;
        const prefix = fold(line.slice(start, dot));
        for (const ext of EXTENSIONS) {
          if (!tail.startsWith(ext)) continue;
          const form = formIndex.get(`${prefix}.${ext}`);
          if (form === undefined || start < (lastEnd.get(form) ?? 0)) continue;
          const end = dot + 1 + ext.length;
          lastEnd.set(form, end);
          out[form]!.push({ text: line.slice(start, end), line: n, column: start + 1 });
        }
      }
      runStart = dot + 1;
    }
  }
  return out;
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
    const spacedForms: string[] = [];
    for (const m of mentions) if (/[_-]/.test(m.text)) spacedForms.push(m.text.replace(/[_-]+/g, ' '));
    for (const found of findSpaced(doc, [...new Set(spacedForms)])) mentions.push(...found);
    const groups = new Map<string, { list: Mention[]; places: Set<string> }>();
    for (const m of mentions) {
      const key = normal(m.text);
      let group = groups.get(key);
      if (!group) {
        group = { list: [], places: new Set() };
        groups.set(key, group);
      }
      const place = `${m.line}:${m.column}`;
      if (group.places.has(place)) continue;
      group.places.add(place);
      group.list.push(m);
    }
    const hits: RuleHit[] = [];
    for (const { list } of groups.values()) {
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
