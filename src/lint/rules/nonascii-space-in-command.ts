// No-break and other Unicode spaces look like a blank but are not word separators for bash.
import type { Rule, RuleHit } from '../rule.ts';
import { columnOf, consequence, ODD_SPACES, wordsWith } from '../lookalike.ts';
import { describeChar, quote } from '../text.ts';

const ONLY_SPACES = new RegExp(`^(?:${ODD_SPACES.source})+$`, 'u');
const ALL = new RegExp(ODD_SPACES.source, 'gu');

export const nonasciiSpaceInCommand: Rule = {
  id: 'nonascii-space-in-command',
  name: 'NonAsciiSpaceInCommand',
  severity: 'error',
  shortDescription: 'A command contains a no-break space or another non-ASCII space.',
  fullDescription:
    'bash splits words on ASCII space, tab and newline only. A U+00A0 NO-BREAK SPACE glued to an argument stays in it (the Metadata header becomes "true\\u00a0", which IMDS rejects; a bearer token gains a trailing byte pair and is refused); a U+00A0 standing alone after a command is a word of its own, which curl takes as a second URL, fails on, and exits non-zero.',
  help: 'Delete the character, or replace it with an ASCII space where a separator is meant.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const ctx of wordsWith(doc, ODD_SPACES)) {
      const ch = (ctx.word.raw.match(ODD_SPACES) ?? ['?'])[0];
      const cleaned = ctx.word.value.replace(ALL, '');
      let message: string;
      if (ONLY_SPACES.test(ctx.word.value)) {
        const what =
          ctx.program === 'curl'
            ? 'curl takes it as one more URL, cannot resolve it and exits non-zero even when the real request succeeded'
            : ctx.program === 'az'
              ? 'az stops with "unrecognized arguments"'
              : `${ctx.program || 'the command'} receives it as an extra argument`;
        message = `a word made only of ${describeChar(ch)} follows the command: bash does not treat it as a blank, so ${what}. Delete it.`;
      } else {
        message = `${describeChar(ch)} is glued to the argument ${quote(ctx.word.value)}: bash keeps it in the word, and ${consequence(ctx, cleaned)}. Delete it.`;
      }
      hits.push({ line: ctx.word.line, column: columnOf(ctx.word, ODD_SPACES), stepId: ctx.command.step.id, message, suggestion: cleaned });
    }
    return hits;
  },
};
