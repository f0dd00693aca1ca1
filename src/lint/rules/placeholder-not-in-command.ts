// Prose says "replace <X>" but the command below has no <X>: the reader searches for it in vain and
// the placeholder the command really has stays unexplained.
import type { Rule, RuleHit } from '../rule.ts';
import type { CommandView } from '../document.ts';
import { placeholdersIn, type PlaceholderHit } from '../text.ts';

const INSTRUCTION = /\b(replace|update the values?|update the value)\b/i;

// Words every placeholder shares; they say nothing about which value is meant.
const GENERIC = new Set(['ID', 'NAME', 'YOUR', 'THE', 'VALUE']);

/** How much two placeholder keys look like the same value: containment first, then shared words. */
function likeness(a: string, b: string): number {
  const ca = a.replace(/_/g, '');
  const cb = b.replace(/_/g, '');
  if (ca.includes(cb) || cb.includes(ca)) return 100;
  const wa = new Set(a.split('_').filter((w) => !GENERIC.has(w)));
  return b.split('_').filter((w) => wa.has(w)).length;
}

export const placeholderNotInCommand: Rule = {
  id: 'placeholder-not-in-command',
  name: 'PlaceholderNotInCommand',
  severity: 'error',
  shortDescription: 'The prose tells the reader to replace a placeholder that the following command does not contain.',
  fullDescription:
    'Instructions such as "Be sure to replace <CLIENT ID> with the clientId property" must name the placeholder the command uses. When the command says <UAMI CLIENT ID> instead, the reader does not know which value it wants and may leave it unreplaced, so IMDS gets a literal "<UAMI CLIENT ID>" and answers 400.',
  help: 'Name in the prose exactly the placeholder the command contains (or change the command).',
  check(doc) {
    const hits: RuleHit[] = [];
    const placeholdersOf = new Map<CommandView, PlaceholderHit[]>(); // each command's placeholders, read once
    for (let n = 1; n <= doc.lineCount; n++) {
      if (!doc.isProse(n)) continue;
      const text = doc.line(n);
      if (!INSTRUCTION.test(text)) continue;
      const mentioned = placeholdersIn(text);
      if (!mentioned.length) continue;
      const command = doc.commandAfter(n);
      if (!command) continue;
      let inCommand = placeholdersOf.get(command);
      if (!inCommand) {
        inCommand = placeholdersIn(command.lines.map((l) => l.text).join('\n'));
        placeholdersOf.set(command, inCommand);
      }
      const keys = new Set(inCommand.map((p) => p.key));
      for (const p of mentioned) {
        if (keys.has(p.key)) continue;
        const near = inCommand
          .map((c) => ({ c, score: likeness(p.key, c.key) }))
          .filter((x) => x.score > 0)
          .sort((a, b) => b.score - a.score)[0]?.c;
        hits.push({
          line: n,
          column: p.column,
          stepId: command.step.id,
          message: `the prose asks to replace ${p.spelling}, but the command on line ${command.step.source.startLine} contains no ${p.spelling}${near ? `; it has ${near.spelling}. Name ${near.spelling} here (or use ${p.spelling} in the command)` : `. Name the placeholder the command uses`}.`,
          ...(near ? { suggestion: near.spelling } : {}),
        });
      }
    }
    return hits;
  },
};
