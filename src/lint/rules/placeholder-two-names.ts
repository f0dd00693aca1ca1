// One value under two placeholder names in the commands: <STORAGE ACCOUNT NAME> in one command,
// <STORAGE ACCOUNT> in the next. Not a typo, but the reader has to guess that they are the same.
import type { Rule, RuleHit } from '../rule.ts';
import { placeholdersIn } from '../text.ts';

const SUFFIXES = ['NAME', 'VALUE', 'ID'];

export const placeholderTwoNames: Rule = {
  id: 'placeholder-two-names',
  name: 'PlaceholderTwoNames',
  severity: 'note',
  shortDescription: 'Two commands name the same value with different placeholders (one is the other plus NAME, VALUE or ID).',
  fullDescription:
    'When one command asks for <STORAGE ACCOUNT NAME> and another for <STORAGE ACCOUNT>, readers (and tools that bind placeholders to settings) treat them as two values, and a search-and-replace of one leaves the other in place.',
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
    return hits;
  },
};
