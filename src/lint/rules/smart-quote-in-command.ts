// Curly quotes are not quotes to bash: they stay in the value the program receives.
import type { Rule, RuleHit } from '../rule.ts';
import { columnOf, SMART_QUOTES, wordsWith } from '../lookalike.ts';
import { describeChar, quote } from '../text.ts';

export const smartQuoteInCommand: Rule = {
  id: 'smart-quote-in-command',
  name: 'SmartQuoteInCommand',
  severity: 'error',
  shortDescription: 'A command uses typographic (curly) quotes around a value.',
  fullDescription:
    'bash only treats ASCII \' and " as quotes. With U+2018/U+2019/U+201C/U+201D the quote characters become part of the argument, so az looks for a role named ‘Reader’ (with the curly quotes) and a URL or header gains two extra characters.',
  help: "Use ASCII quotes: 'Reader' or \"Reader\".",
  check(doc) {
    const hits: RuleHit[] = [];
    for (const ctx of wordsWith(doc, SMART_QUOTES)) {
      const ch = (ctx.word.raw.match(SMART_QUOTES) ?? ['?'])[0];
      const cleaned = ctx.word.value.replace(/[\u2018\u2019\u201a\u201b\u2032]/gu, '').replace(/[\u201c\u201d\u201e\u201f\u2033]/gu, '');
      const option = ctx.previous && ctx.previous.value.startsWith('-') ? ` as the value of ${ctx.previous.value}` : '';
      const effect =
        ctx.program === 'az' && ctx.previous?.value === '--role'
          ? `az looks up a role definition named ${quote(ctx.word.value)} and fails: no role has curly quotes in its name`
          : `the quote characters are not removed`;
      hits.push({
        line: ctx.word.line,
        column: columnOf(ctx.word, SMART_QUOTES),
        stepId: ctx.command.step.id,
        message: `${describeChar(ch)} is not a shell quote: bash passes ${quote(ctx.word.value)} to ${ctx.program}${option}, and ${effect}. Write '${cleaned}'.`,
        suggestion: `'${cleaned}'`,
      });
    }
    return hits;
  },
};
