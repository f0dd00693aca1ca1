// One value under two placeholder names in the commands: <STORAGE ACCOUNT NAME> in one command,
// <STORAGE ACCOUNT> in the next. Not a typo, but the reader has to guess that they are the same.
import type { Rule, RuleHit } from '../rule.ts';
import { placeholdersIn } from '../text.ts';
import { roleFromWords } from '../../world/roles.ts';
import type { LintDocument } from '../document.ts';

const SUFFIXES = ['NAME', 'VALUE', 'ID'];

export const placeholderTwoNames: Rule = {
  id: 'placeholder-two-names',
  name: 'PlaceholderTwoNames',
  severity: 'note',
  shortDescription: 'Two commands name the same value with different placeholders (one is the other plus NAME, VALUE or ID, or they differ only by words such as MY, YOUR, RESOURCE).',
  fullDescription:
    'When one command asks for <STORAGE ACCOUNT NAME> and another for <STORAGE ACCOUNT>, readers (and tools that bind placeholders to settings) treat them as two values, and a search-and-replace of one leaves the other in place. The same holds for <app_name> and <my_app_name>, <group-name> and <resource-group>, <vault-name> and <key-vault-name> (words that tell no value apart, the same role), also across tabs; and for a value marked <username@example.com> in one command and written bare in another.',
  help: 'Use one placeholder name for one value throughout the tutorial.',
  check(doc) {
    const uses = doc.commands.flatMap((c) => c.lines.flatMap((l) => placeholdersIn(l.text).map((p) => ({ p, line: l.line, stepId: c.step.id }))));
    const count = new Map<string, number>();
    const spelling = new Map<string, string>();
    const usesOf = new Map<string, typeof uses>();
    for (const u of uses) {
      const { p } = u;
      count.set(p.key, (count.get(p.key) ?? 0) + 1);
      if (!spelling.has(p.key)) spelling.set(p.key, p.spelling);
      const list = usesOf.get(p.key);
      if (list) list.push(u);
      else usesOf.set(p.key, [u]);
    }
    const twin = new Map<string, string>(); // short or long key → the other
    for (const key of count.keys()) for (const s of SUFFIXES) if (count.has(`${key}_${s}`)) twin.set(key, `${key}_${s}`);
    const hits: RuleHit[] = [];
    for (const [short, long] of twin) {
      const keep = (count.get(long) ?? 0) >= (count.get(short) ?? 0) ? long : short;
      const drop = keep === long ? short : long;
      for (const u of usesOf.get(drop) ?? [])
        hits.push({
          line: u.line,
          column: u.p.column,
          stepId: u.stepId,
          message: `${u.p.spelling} and ${spelling.get(keep)} name the same value in different commands: use ${spelling.get(keep)} here too, so that one replacement fills both.`,
          suggestion: spelling.get(keep) as string,
        });
    }
    hits.push(...fillerTwins(doc, new Set(twin.keys())));
    return hits;
  },
};

// Words that do not tell one value from another: <my_app_name> is <app_name>, <group-name> is
// <resource-group>, <key-vault-name> is <vault-name>.
const FILLER = new Set(['MY', 'YOUR', 'THE', 'NAME', 'RESOURCE', 'AZURE']);
const core = (key: string): string => key.replace(/(^|_)KEY_VAULT(?=_|$)/, '$1VAULT').split('_').filter((w) => !FILLER.has(w)).join('_');

/**
 * Two spellings whose words differ only by filler and say the same role: one finding at the first
 * command that uses each spelling, naming the other (which of the two the page should keep is the
 * writer's choice). The whole page is read, so a spelling in another tab or in the prose counts.
 */
function fillerTwins(doc: LintDocument, suffixTwins: ReadonlySet<string>): RuleHit[] {
  const spelling = new Map<string, string>();
  const all = doc.hasText ? Array.from({ length: doc.lineCount }, (_, i) => doc.line(i + 1)) : doc.commands.flatMap((c) => c.lines.map((l) => l.text));
  for (const text of all) for (const p of placeholdersIn(text)) if (!spelling.has(p.key)) spelling.set(p.key, p.spelling);
  const byCore = new Map<string, string[]>();
  for (const key of spelling.keys()) {
    const c = core(key);
    if (c === '' || suffixTwins.has(key) || suffixTwins.has(key.replace(/_(NAME|VALUE|ID)$/, ''))) continue;
    byCore.set(c, [...(byCore.get(c) ?? []), key]);
  }
  // Every command's lines, PowerShell ones included (their placeholders are placeholders too).
  const commandLines = doc.tutorial.steps
    .filter((st) => st.kind !== 'manual' && (!st.source.file || !doc.file || st.source.file === doc.file))
    .flatMap((st) => Array.from({ length: st.source.endLine - st.source.startLine + 1 }, (_, i) => ({ line: st.source.startLine + i, stepId: st.id })));
  const hits: RuleHit[] = [];
  hits.push(...unmarkedTwins(doc, commandLines));
  for (const keys of byCore.values()) {
    if (keys.length !== 2) continue;
    const [a, b] = keys as [string, string];
    const role = roleFromWords(a);
    if (role === undefined || roleFromWords(b) !== role || `${a}_NAME` === b || `${b}_NAME` === a) continue;
    for (const [mine, other] of [[a, b], [b, a]] as const) {
      const first = commandLines.flatMap(({ line, stepId }) => placeholdersIn(doc.line(line)).filter((p) => p.key === mine).map((p) => ({ p, line, stepId })))[0];
      if (!first) continue;
      hits.push({
        line: first.line,
        column: first.p.column,
        stepId: first.stepId,
        message: `${first.p.spelling} and ${spelling.get(other)} are two spellings of one value (${role}): a reader who replaces one leaves the other in place. Use one of them throughout the page.`,
        suggestion: spelling.get(other) as string,
      });
    }
  }
  return hits;
}

/**
 * <username@example.com> in one command, username@example.com bare in another: the reader of the
 * second runs the example value. Only values that cannot be ordinary words (an e-mail, a dotted
 * name) are compared, as whole words of a command.
 */
function unmarkedTwins(doc: LintDocument, commandLines: readonly { line: number; stepId: string }[]): RuleHit[] {
  const marked = new Map<string, { spelling: string; line: number }>();
  for (const { line } of commandLines)
    for (const m of doc.line(line).matchAll(/\\?<([\w.+-]+@[\w-]+(?:\.[\w-]+)+|[A-Za-z][\w-]*(?:\.[\w-]+)+)\\?>/g)) {
      const inner = m[1] as string;
      if (!marked.has(inner)) marked.set(inner, { spelling: `<${inner}>`, line });
    }
  const hits: RuleHit[] = [];
  if (marked.size === 0) return hits;
  for (const { line, stepId } of commandLines) {
    const text = doc.line(line);
    for (const [inner, { spelling, line: at }] of marked) {
      const m = new RegExp(`(?<![\\w<.@-])${inner.replace(/[.+]/g, '\\$&')}(?![\\w>@-]|\\.\\w)`).exec(text);
      if (!m) continue;
      hits.push({
        line,
        column: m.index + 1,
        stepId,
        message: `${inner} is written here as a literal value, but line ${at} marks it as a placeholder (${spelling}): a reader who runs this command uses the example value. Write ${spelling} here too.`,
        suggestion: spelling,
      });
    }
  }
  return hits;
}
