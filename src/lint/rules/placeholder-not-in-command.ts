// Prose says "replace <X>" but the command below has no <X>: the reader searches for it in vain and
// the placeholder the command really has stays unexplained.
import type { Rule, RuleHit } from '../rule.ts';
import type { CommandView } from '../document.ts';
import { placeholdersIn, type PlaceholderHit } from '../text.ts';
import { placeholderKey } from '../../parse/placeholders.ts';
import { roleFromWords } from '../../world/roles.ts';

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

const FENCE = /^\s*(?:```|~~~)/;
/**
 * The prose points back at the block it follows ("In the previous example replace …", "the command
 * above"); "the container we created above" speaks of a resource, not of the block.
 */
const BACKWARD = /\b(?:previous|preceding|above|earlier)\s+(?:example|command|code|snippet|script|block)s?\b|\b(?:example|command|code|snippet|script|block)s?\s+(?:above|before)\b/i;

export const placeholderNotInCommand: Rule = {
  id: 'placeholder-not-in-command',
  name: 'PlaceholderNotInCommand',
  severity: 'error',
  shortDescription: 'The prose tells the reader to replace a placeholder that the following command does not contain.',
  fullDescription:
    'Instructions such as "Be sure to replace <CLIENT ID> with the clientId property" must name the placeholder the command uses. When the command says <UAMI CLIENT ID> instead, the reader does not know which value it wants and may leave it unreplaced, so IMDS gets a literal "<UAMI CLIENT ID>" and answers 400. Only the commands right next to the instruction are read (the block after it, or before it when the prose says "previous" or "above"); a placeholder they lack with no look-alike among them is a warning (the prose may speak of another command), reported on the line that assigns a fixed value to a variable naming the same value (resourceGroup=FunctionMonitoringExamples for <RESOURCE_GROUP>) when there is one.',
  help: 'Name in the prose exactly the placeholder the command contains (or change the command).',
  check(doc) {
    const hits: RuleHit[] = [];
    const placeholdersOf = new Map<CommandView, PlaceholderHit[]>(); // each command's placeholders, read once
    const startsAt = new Map<number, CommandView>();
    const endsAt = new Map<number, CommandView>();
    for (const c of doc.commands) {
      startsAt.set(c.step.source.startLine, c);
      endsAt.set(c.step.source.endLine, c);
    }
    const skippable = (n: number): boolean => doc.line(n).trim() === '' || FENCE.test(doc.line(n));
    /** The commands of the block right after line `from` (or right before it, going back), next to each other. */
    const adjacent = (from: number, step: 1 | -1): CommandView[] => {
      let n = from + step;
      while (n >= 1 && n <= doc.lineCount && skippable(n)) n += step;
      const found: CommandView[] = [];
      for (;;) {
        const c = (step === 1 ? startsAt : endsAt).get(n);
        if (!c) break;
        found.push(c);
        n = (step === 1 ? c.step.source.endLine : c.step.source.startLine) + step;
        // Output shown under a command, and blank lines, stay inside the block; prose ends it.
        while (n >= 1 && n <= doc.lineCount && (doc.line(n).trim() === '' || (!doc.isProse(n) && !(step === 1 ? startsAt : endsAt).has(n)))) n += step;
        if (n < 1 || n > doc.lineCount || FENCE.test(doc.line(n))) break;
      }
      return found;
    };
    for (let n = 1; n <= doc.lineCount; n++) {
      if (!doc.isProse(n)) continue;
      const text = doc.line(n);
      if (!INSTRUCTION.test(text)) continue;
      const mentioned = placeholdersIn(text);
      if (!mentioned.length) continue;
      // The paragraph the instruction is in: the commands it speaks of are right after (or before) it.
      let first = n;
      while (first > 1 && doc.isProse(first - 1) && doc.line(first - 1).trim() !== '' && !FENCE.test(doc.line(first - 1))) first--;
      let last = n;
      while (last < doc.lineCount && doc.isProse(last + 1) && doc.line(last + 1).trim() !== '' && !FENCE.test(doc.line(last + 1))) last++;
      const commands = BACKWARD.test(text) ? adjacent(first, -1) : adjacent(last, 1);
      if (commands.length === 0) continue;
      const inCommand: PlaceholderHit[] = [];
      for (const command of commands) {
        let found = placeholdersOf.get(command);
        if (!found) {
          found = placeholdersIn(command.lines.map((l) => l.text).join('\n'));
          placeholdersOf.set(command, found);
        }
        inCommand.push(...found);
      }
      const keys = new Set(inCommand.map((p) => p.key));
      const command = commands[0] as CommandView;
      for (const p of mentioned) {
        if (keys.has(p.key)) continue;
        const near = inCommand
          .map((c) => ({ c, score: likeness(p.key, c.key) }))
          .filter((x) => x.score > 0)
          .sort((a, b) => b.score - a.score)[0]?.c;
        const literal = near ? undefined : hardCoded(commands, p.key);
        if (literal) {
          hits.push({
            line: literal.line,
            column: literal.column,
            stepId: literal.stepId,
            severity: 'warning',
            message: `the prose on line ${n} asks to replace ${p.spelling}, but the command assigns a fixed value instead: ${literal.text}. Write ${literal.name}=${p.spelling} (or tell the reader to change ${literal.value}).`,
            suggestion: `${literal.name}=${p.spelling}`,
          });
          continue;
        }
        hits.push({
          line: n,
          column: p.column,
          stepId: command.step.id,
          message: `the prose asks to replace ${p.spelling}, but the command on line ${command.step.source.startLine} contains no ${p.spelling}${near ? `; it has ${near.spelling}. Name ${near.spelling} here (or use ${p.spelling} in the command)` : `. Name the placeholder the command uses`}.`,
          ...(near ? { suggestion: near.spelling } : { severity: 'warning' as const }),
        });
      }
    }
    return hits;
  },
};

const ASSIGNS_LITERAL = /^\s*(?:export\s+)?([A-Za-z_]\w*)=(["']?)([A-Za-z0-9][\w.-]*)\2\s*$/;

/**
 * `resourceGroup=FunctionMonitoringExamples` in the commands where the prose asks to replace
 * <RESOURCE_GROUP>: the variable's words say the same value, and it is given a fixed name.
 */
function hardCoded(commands: readonly CommandView[], key: string): { line: number; column: number; stepId: string; name: string; value: string; text: string } | undefined {
  const role = roleFromWords(key);
  for (const c of commands)
    for (const l of c.lines) {
      const m = ASSIGNS_LITERAL.exec(l.text);
      if (!m) continue;
      const name = m[1] as string;
      const nameKey = placeholderKey(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2'));
      if (nameKey !== key && (role === undefined || roleFromWords(nameKey) !== role)) continue;
      return { line: l.line, column: l.text.indexOf(name) + 1, stepId: c.step.id, name, value: m[3] as string, text: l.text.trim() };
    }
  return undefined;
}
