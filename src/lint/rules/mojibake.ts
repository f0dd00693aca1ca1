// Text that went through a wrong decode once will go through it again when copied.
import type { Rule, RuleHit } from '../rule.ts';
import { findMojibake } from '../mojibake.ts';
import { codePoint } from '../text.ts';

export const mojibake: Rule = {
  id: 'mojibake',
  name: 'Mojibake',
  severity: 'warning',
  shortDescription: 'Text shows UTF-8 bytes decoded as Windows-1252 (mojibake), such as "â€™" for "’".',
  fullDescription:
    'The page was saved after its UTF-8 text had been read as Windows-1252, so one character became two or three ("â€™" instead of "’", "Â " instead of a no-break space). Readers see noise; inside a command the extra bytes travel into arguments.',
  help: 'Replace the sequence with the character it encodes (or with plain ASCII: an apostrophe, a space).',
  check(doc) {
    const hits: RuleHit[] = [];
    const commandLines = new Set(doc.commands.flatMap((c) => c.lines.map((l) => l.line)));
    for (let n = 1; n <= doc.lineCount; n++) {
      for (const m of findMojibake(doc.line(n))) {
        const points = Array.from(m.decoded).map(codePoint).join(' ');
        const inCommand = commandLines.has(n);
        hits.push({
          line: n,
          column: m.index + 1,
          ...(inCommand ? { severity: 'error' as const } : {}),
          message: `${JSON.stringify(m.text)} is mojibake: the UTF-8 bytes of ${JSON.stringify(m.decoded)} (${points}) read as Windows-1252${inCommand ? ', inside a command, so the extra bytes reach the program' : ''}. Write ${JSON.stringify(m.decoded === '\u2019' ? "'" : m.decoded)}.`,
          suggestion: m.decoded === '\u2019' ? "'" : m.decoded,
        });
      }
    }
    return hits;
  },
};
