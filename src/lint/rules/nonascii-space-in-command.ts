// No-break and other Unicode spaces look like a blank but are not word separators for bash.
import type { Rule, RuleHit } from '../rule.ts';
import { columnOf, consequence, ODD_SPACES, wordsWith } from '../lookalike.ts';
import { describeChar, quote } from '../text.ts';
import { charEdits, fixOf, quoting, replaceAt, withFix } from '../fix.ts';
import type { Fix } from '../finding.ts';
import type { LintDocument } from '../document.ts';
import type { ShellWord } from '../../parse/shell-words.ts';

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
      hits.push({ line: ctx.word.line, column: columnOf(ctx.word, ODD_SPACES), stepId: ctx.command.step.id, message, suggestion: cleaned, ...withFix(spaceFix(doc, ctx.word)) });
    }
    return hits;
  },
};

const ODD = new RegExp(ODD_SPACES.source, 'u');

/**
 * Sure where the page's intent is plain: a Unicode space at either edge of the word's value (after
 * `Metadata:true`, after a closing quote) is deleted — nothing a reader sees is lost — and one inside
 * quotes between other characters is the blank it shows (`Bearer<NBSP><TOKEN>` in a header). One
 * between unquoted characters may be a separator or a stray character: no fix. A word made only of
 * such spaces at the end of its line goes with the blanks before it.
 */
function spaceFix(doc: LintDocument, word: ShellWord): Fix | undefined {
  const raw = word.raw;
  const q = quoting(raw);
  const isQuote = (i: number): boolean => q[i] === 'none' && (raw[i] === "'" || raw[i] === '"');
  const edge = (i: number, step: 1 | -1): boolean => {
    for (let k = i + step; k >= 0 && k < raw.length; k += step) if (!ODD.test(raw[k] as string) && !isQuote(k)) return false;
    return true;
  };
  if ([...raw].every((c) => ODD.test(c))) {
    const line = doc.line(word.line);
    const end = word.column - 1 + raw.length;
    if (doc.hasText && line.slice(end).trim() === '' && line.slice(word.column - 1, end) === raw) {
      const from = line.slice(0, word.column - 1).replace(/[ \t]+$/, '').length;
      return fixOf('delete the Unicode space(s) at the end of the line', [replaceAt(doc, word.line, from + 1, end + 1, '')]);
    }
  }
  let sure = true;
  let blanks = 0;
  const edits = charEdits(doc, word, (ch, i) => {
    if (!ODD.test(ch)) return undefined;
    if (edge(i, -1) || edge(i, 1)) return '';
    if (q[i] !== 'none') return (blanks++, ' ');
    sure = false;
    return undefined;
  });
  const fixed = word.value.replace(/^[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+|[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+$/gu, '').replace(ALL, ' ');
  return sure ? fixOf(`${blanks > 0 ? 'make the Unicode space(s) inside the quotes ASCII spaces' : 'delete the Unicode space(s)'}: ${quote(fixed)}`, edits) : undefined;
}
