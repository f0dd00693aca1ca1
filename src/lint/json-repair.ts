// The two JSON mistakes whose repair is unambiguous: a comma before a closing bracket (delete it) and
// a missing comma between two members written on separate lines (insert it after the first). The
// repair is offered only when, with every such edit made, JSON.parse accepts the block; anything else
// (comments, single quotes, placeholders in value position) is left to the writer.
import { LineIndex } from '../parse/source-lines.ts';
import type { LintDocument, ReadJson } from './document.ts';
import type { Fix, TextEdit } from './finding.ts';
import { fixOf, replaceAt } from './fix.ts';

const VALUE_END = /["}\]0-9el]/;
const VALUE_START = /["{[0-9tfn-]/;
const BLANK = /[\s\u00a0]/;

interface Offsets {
  from: number;
  to: number;
  text: string;
}

function repairs(text: string): Offsets[] {
  const out: Offsets[] = [];
  let inString = false;
  let escape = false;
  let last = -1; // offset of the last significant character outside strings (a closing quote counts)
  let newlineSince = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (inString) {
      if (escape) escape = false;
      else if (c === '\\') escape = true;
      else if (c === '"') {
        inString = false;
        last = i;
        newlineSince = false;
      } else if (c === '\n') return []; // an unterminated string: not ours to guess
      continue;
    }
    if (BLANK.test(c)) {
      if (c === '\n') newlineSince = true;
      continue;
    }
    const before = last >= 0 ? (text[last] as string) : '';
    if ((c === '}' || c === ']') && before === ',') out.push({ from: last, to: last + 1, text: '' });
    else if (newlineSince && VALUE_START.test(c) && VALUE_END.test(before)) out.push({ from: last + 1, to: last + 1, text: ',' });
    if (c === '"') inString = true;
    else last = i;
    newlineSince = false;
  }
  return out;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text.replace(/^[\s\u00a0\u202f\ufeff]+|[\s\u00a0\u202f\ufeff]+$/gu, ''));
    return true;
  } catch {
    return false;
  }
}

export function jsonRepair(doc: LintDocument, read: ReadJson): Fix | undefined {
  if (read.ok || read.commentLines.length > 0 || read.lines.length === 0) return undefined;
  const index = new LineIndex(read.lines);
  const found = repairs(index.text);
  if (found.length === 0) return undefined;
  let repaired = '';
  let at = 0;
  for (const r of found) {
    repaired += index.text.slice(at, r.from) + r.text;
    at = r.to;
  }
  repaired += index.text.slice(at);
  if (!parses(repaired)) return undefined;
  const edits: Array<TextEdit | undefined> = found.map((r) => {
    // An insertion right after a line's last character is placed on that line, not the next.
    const p = r.from > 0 && r.from === r.to ? index.at(r.from - 1) : index.at(r.from);
    const column = r.from > 0 && r.from === r.to ? p.column + 1 : p.column;
    return replaceAt(doc, p.line, column, column + (r.to - r.from), r.text);
  });
  const what = [found.some((r) => r.text === ',') ? 'insert the missing comma(s)' : '', found.some((r) => r.text === '') ? 'delete the trailing comma(s)' : ''].filter(Boolean).join(' and ');
  return fixOf(`${what} so that the JSON parses`, edits);
}
