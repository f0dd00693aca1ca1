// Invisible characters: nothing shows on the page, but the bytes travel with the argument.
import type { Rule, RuleHit } from '../rule.ts';
import { columnOf, consequence, wordsWith, ZERO_WIDTH } from '../lookalike.ts';
import { describeChar, quote } from '../text.ts';
import { charEdits, fixOf, withFix } from '../fix.ts';

const INVISIBLE = new RegExp(ZERO_WIDTH.source, 'u');

export const zeroWidthInCommand: Rule = {
  id: 'zero-width-in-command',
  name: 'ZeroWidthInCommand',
  severity: 'error',
  shortDescription: 'A command contains a zero-width or soft-hyphen character.',
  fullDescription:
    'U+200B ZERO WIDTH SPACE, U+200C/U+200D joiners, U+2060 WORD JOINER, U+FEFF and U+00AD SOFT HYPHEN are invisible in the page but copied with the text; a flag then no longer matches any option and a host name no longer resolves.',
  help: 'Delete the invisible character (retype the word).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const ctx of wordsWith(doc, ZERO_WIDTH)) {
      const ch = (ctx.word.raw.match(ZERO_WIDTH) ?? ['?'])[0];
      const cleaned = ctx.word.value.replace(new RegExp(ZERO_WIDTH.source, 'gu'), '');
      hits.push({
        line: ctx.word.line,
        column: columnOf(ctx.word, ZERO_WIDTH),
        stepId: ctx.command.step.id,
        message: `invisible ${describeChar(ch)} inside ${quote(ctx.word.value)}: ${consequence(ctx, cleaned)}. Write ${quote(cleaned)}.`,
        suggestion: cleaned,
        // Invisible characters never mean anything in a command: deleting them is always the fix.
        ...withFix(fixOf(`delete the invisible character(s) in ${quote(cleaned)}`, charEdits(doc, ctx.word, (ch) => (INVISIBLE.test(ch) ? '' : undefined)))),
      });
    }
    return hits;
  },
};
