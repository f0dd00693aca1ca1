// Curly quotes are not quotes to bash: they stay in the value the program receives.
import type { Rule, RuleHit } from '../rule.ts';
import { columnOf, SMART_QUOTES, wordsWith } from '../lookalike.ts';
import { describeChar, quote } from '../text.ts';
import { charEdits, fixOf, withFix } from '../fix.ts';
import type { Fix } from '../finding.ts';
import type { LintDocument } from '../document.ts';
import type { ShellWord } from '../../parse/shell-words.ts';

export const smartQuoteInCommand: Rule = {
  id: 'smart-quote-in-command',
  name: 'SmartQuoteInCommand',
  severity: 'error',
  shortDescription: 'A command uses typographic (curly) quotes around a value.',
  fullDescription:
    'bash only treats ASCII \' and " as quotes. With U+2018/U+2019/U+201C/U+201D the quote characters become part of the argument, so az looks for a role named ‘Reader’ (with the curly quotes) and a URL or header gains two extra characters. An apostrophe inside a placeholder the reader replaces whole ("[Your gateway’s Name]", "<user’s id>") never reaches the program and is not reported.',
  help: "Use ASCII quotes: 'Reader' or \"Reader\".",
  check(doc) {
    const hits: RuleHit[] = [];
    for (const ctx of wordsWith(doc, SMART_QUOTES)) {
      if (onlyPlaceholderApostrophes(doc, ctx.word)) continue;
      const ch = (ctx.word.raw.match(SMART_QUOTES) ?? ['?'])[0];
      const cleaned = ctx.word.value.replace(/[\u2018\u2019\u201a\u201b\u2032]/gu, '').replace(/[\u201c\u201d\u201e\u201f\u2033]/gu, '');
      const option = ctx.previous && ctx.previous.value.startsWith('-') ? ` as the value of ${ctx.previous.value}` : '';
      const effect =
        ctx.program === 'az' && ctx.previous?.value === '--role'
          ? `az looks up a role definition named ${quote(ctx.word.value)} and fails: no role has curly quotes in its name`
          : `the quote characters are not removed`;
      // "myConnectionString” -q "queue-name": a curly quote standing where the straight opening
      // quote's closer belongs; bash reads on to the next straight quote.
      const closer = misplacedCloser(ctx.word.raw);
      const message = closer
        ? `${describeChar(ch)} is not a shell quote: it stands where the closing ${closer.quote} of ${closer.meant} belongs, so bash keeps the string open up to the next ${closer.quote} and passes ${quote(ctx.word.value)} to ${ctx.program}${option}. Write ${closer.meant}.`
        : `${describeChar(ch)} is not a shell quote: bash passes ${quote(ctx.word.value)} to ${ctx.program}${option}, and ${effect}. Write '${cleaned}'.`;
      hits.push({
        line: ctx.word.line,
        column: columnOf(ctx.word, SMART_QUOTES),
        stepId: ctx.command.step.id,
        message,
        suggestion: closer ? closer.meant : `'${cleaned}'`,
        ...withFix(quoteFix(doc, ctx.word)),
      });
    }
    return hits;
  },
};

/**
 * Every curly quote of the word is an apostrophe inside a placeholder the reader replaces as a whole
 * ("--gateway-name [Your gateway’s Name]" on azure-arc servers/arc-gateway.md): a letter on each
 * side, within "[…]" or "<…>" on its line (a placeholder with blanks spans several shell words, so
 * the line is read, not the word). It never reaches the program, so it is no quote to fix.
 */
function onlyPlaceholderApostrophes(doc: LintDocument, word: ShellWord): boolean {
  let any = false;
  for (const m of word.raw.matchAll(/[\u2018-\u201f\u2032\u2033]/gu)) {
    const before = word.raw.slice(0, m.index);
    const breaks = before.split('\n').length - 1;
    const text = doc.line(word.line + breaks);
    const at = breaks === 0 ? word.column - 1 + m.index : before.length - before.lastIndexOf('\n') - 1;
    if (text.charAt(at) !== m[0]) return false; // the word's text is not where the line says: decide nothing
    const apostrophe = m[0] === '\u2019' && /\p{L}/u.test(text.charAt(at - 1)) && /\p{L}/u.test(text.charAt(at + 1));
    const inside = [...text.matchAll(/\[[^[\]]*\]|<[^<>]*>/gu)].some((p) => at > p.index && at < p.index + p[0].length - 1);
    if (!apostrophe || !inside) return false;
    any = true;
  }
  return any;
}

/**
 * A word that opens with an ASCII quote and has a curly closing quote of the same kind before any
 * ASCII one: the writer closed the value with the curly quote. `meant` is the value quoted as meant.
 */
function misplacedCloser(raw: string): { quote: "'" | '"'; meant: string } | undefined {
  const m = /^(-[^'"\u2018-\u201f=]*=)?(['"])/u.exec(raw);
  if (!m) return undefined;
  const q = m[2] as "'" | '"';
  const start = (m[1] ?? '').length + 1;
  const curly = raw.indexOf(q === '"' ? '\u201d' : '\u2019', start);
  const straight = raw.indexOf(q, start);
  if (curly < 0 || (straight >= 0 && straight < curly)) return undefined;
  return { quote: q, meant: `${raw.slice(0, curly)}${q}` };
}

const OPENING: Readonly<Record<string, "'" | '"'>> = { '\u2018': "'", '\u201b': "'", '\u201c': '"', '\u201f': '"' };
const CLOSING: Readonly<Record<string, "'" | '"'>> = { '\u2019': "'", '\u201d': '"' };

/**
 * Sure only when one pair of curly quotes of one kind encloses the rest of the word (or of an
 * `--option=` value) and what they enclose holds no quote, `$`, backquote or backslash: then the
 * ASCII pair means what the writer meant, and nothing inside changes meaning.
 */
function quoteFix(doc: LintDocument, word: ShellWord): Fix | undefined {
  const m = /^(-[^'"\u2018-\u201f=]*=)?(.)([^]*)(.)$/u.exec(word.raw);
  if (!m) return undefined;
  const open = OPENING[m[2] as string];
  const close = CLOSING[m[4] as string];
  const body = m[3] as string;
  if (open === undefined || open !== close || /['"`$\\\u2018-\u201f\u2032\u2033]/u.test(body)) return undefined;
  const first = (m[1] ?? '').length;
  const last = word.raw.length - 1;
  return fixOf(`use ASCII quotes: ${open}${body}${open}`, charEdits(doc, word, (_, i) => (i === first || i === last ? open : undefined)));
}
