// The page's block structure (fences, tab groups, zones) as the parser reads it (src/parse/structure.ts),
// read once per linted page: the fence, tab and shown-apart readers all ask for it.
import type { LintDocument } from './document.ts';
import { readStructure, readZones, type Structure } from '../parse/structure.ts';

const read = new WeakMap<LintDocument, Structure>();

/** The whole page's structure, zones included (0-based lines, as the parser keeps them). */
export function pageStructure(doc: LintDocument): Structure {
  const known = read.get(doc);
  if (known) return known;
  const lines: string[] = [];
  for (let n = 1; n <= doc.lineCount; n++) lines.push(doc.line(n));
  const s = readStructure(lines, 0, lines.length);
  readZones(lines, 0, s);
  read.set(doc, s);
  return s;
}
