// En/em dashes where "-" belongs: word processors turn "--" into "–", and the result looks right.
import type { Rule, RuleHit } from '../rule.ts';
import type { Fix } from '../finding.ts';
import type { LintDocument } from '../document.ts';
import type { ShellWord } from '../../parse/shell-words.ts';
import { columnOf, consequence, DASHES, wordsWith } from '../lookalike.ts';
import { describeChar, nameWord, quote } from '../text.ts';
import { charEdits, fixOf, withFix } from '../fix.ts';
import { codeFences, fenceLines } from '../fences.ts';

const DASH = new RegExp(DASHES.source, 'u');
/** Programs whose multi-letter options all take "--" (GNU getopt_long, Go's pflag/cobra, .NET's System.CommandLine). */
const DOUBLE_DASH_PROGRAMS = new Set(['az', 'kubectl', 'helm', 'docker', 'curl', 'oras', 'notation', 'azcopy', 'func', 'git', 'npm', 'dotnet', 'kubelogin', 'azd', 'terraform', 'flux']);

export const lookalikeDashInFlag: Rule = {
  id: 'lookalike-dash-in-flag',
  name: 'LookalikeDashInFlag',
  severity: 'error',
  shortDescription: 'A command (or an option the prose names in inline code) contains an en dash, em dash or other dash look-alike where a hyphen-minus belongs.',
  fullDescription:
    'Programs only recognise options that start with ASCII "-" (U+002D). A flag written with U+2013 EN DASH or U+2014 EM DASH is an ordinary word: curl takes it as a URL and fails with "Could not resolve host", az stops with "unrecognized arguments". An option the prose names in inline code (`–-account-name`) is copied the same way: a warning there, which names "--" for a lone dash before a long name when the page\'s own commands type that option with two hyphens (`–if-none-match` beside az aks create --if-none-match).',
  help: 'Type the flag with ASCII hyphens, e.g. "--request" instead of "–-request".',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const ctx of wordsWith(doc, DASHES)) {
      const ch = (ctx.word.raw.match(DASHES) ?? ['?'])[0];
      const cleaned = ctx.word.value.replace(new RegExp(DASHES.source, 'gu'), '-');
      const isFlag = /^[-\u2010-\u2015\u2212]/u.test(ctx.word.value);
      // One look-alike before a long name is what a word processor makes of "--": az has no
      // "-subscription", only "--subscription" (its long options all take two hyphens), and neither have
      // the programs whose long options are GNU- or pflag-style (kubectl reads "-from-literal" as the
      // shorthands -f -r -o …). Programs with single-dash words (PowerShell, openssl, find) keep "-".
      const longOptions = ctx.command.step.kind === 'az' || DOUBLE_DASH_PROGRAMS.has(ctx.program);
      const write = longOptions && /^[\u2010-\u2015\u2212][A-Za-z][\w-]+/u.test(ctx.word.value) ? `-${cleaned}` : cleaned;
      hits.push({
        line: ctx.word.line,
        column: columnOf(ctx.word, DASHES),
        stepId: ctx.command.step.id,
        severity: isFlag ? 'error' : 'warning',
        message: isFlag
          ? `${quote(ctx.word.value)} has ${describeChar(ch)} where ${write === cleaned ? '"-"' : '"--"'} belongs: ${consequence(ctx, write)}. Write ${quote(write)}.`
          : `${quote(ctx.word.value)} contains ${describeChar(ch)}; ${consequence(ctx, cleaned)}. Write ${quote(cleaned)} if a hyphen is meant.`,
        suggestion: write,
        ...withFix(isFlag ? flagFix(doc, ctx.word) : undefined),
      });
    }
    hits.push(...proseFlags(doc));
    return hits;
  },
};

// An option named in the prose's inline code (`–-account-name`): readers copy it into their command.
const PROSE_FLAG = /`((?:[-\u2010-\u2015\u2212]){1,2}[A-Za-z][\w-]*)`/gu;

function proseFlags(doc: LintDocument): RuleHit[] {
  const hits: RuleHit[] = [];
  let code: string | undefined;
  for (let n = 1; n <= doc.lineCount; n++) {
    if (!doc.isProse(n)) continue;
    for (const m of doc.line(n).matchAll(PROSE_FLAG)) {
      const flag = m[1] as string;
      const ch = flag.match(DASH)?.[0];
      if (ch === undefined) continue;
      let cleaned = flag.replace(new RegExp(DASHES.source, 'gu'), '-');
      // One look-alike before a long name is what a word processor makes of "--" as often as of "-"
      // (use-etags.md names `–if-none-match`, and its command types --if-none-match): the page's own
      // code says which, and only when it writes the option one way.
      if (/^[\u2010-\u2015\u2212][A-Za-z][\w-]+$/u.test(flag)) {
        code ??= codeFences(doc).flatMap((f) => fenceLines(doc, f).map((l) => l.text)).join('\n');
        const double = nameWord(`--${flag.slice(1)}`, 'm').test(code);
        const single = nameWord(`-${flag.slice(1)}`, 'm').test(code);
        if (double && !single) cleaned = `-${cleaned}`;
      }
      hits.push({
        line: n,
        column: (m.index ?? 0) + 2 + flag.search(DASH),
        severity: 'warning',
        message: `the prose names the option ${quote(flag)} with ${describeChar(ch)} where ${cleaned.length > flag.length ? '"--"' : '"-"'} belongs: a reader who copies it gets a word az and curl do not know as an option. Write ${quote(cleaned)}${cleaned.length > flag.length ? ', as the page\'s commands do' : ''}.`,
        suggestion: cleaned,
      });
    }
  }
  return hits;
}

/**
 * Sure only for an unquoted option name that becomes a well-formed option with every dash made a
 * hyphen ("–-request" → "--request", "-–identities" → "--identities"). A lone "–request" is left
 * alone: a word processor may have made it from "--" or from "-".
 */
function flagFix(doc: LintDocument, word: ShellWord): Fix | undefined {
  const nameEnd = word.raw.includes('=') ? word.raw.indexOf('=') : word.raw.length;
  const name = word.raw.slice(0, nameEnd);
  const ascii = name.replace(new RegExp(DASHES.source, 'gu'), '-');
  if (!/^(--[A-Za-z0-9][A-Za-z0-9-]*|-[A-Za-z])$/.test(ascii)) return undefined;
  return fixOf(`write ${quote(ascii)} with ASCII hyphens`, charEdits(doc, word, (ch, i) => (i < nameEnd && DASH.test(ch) ? '-' : undefined)));
}
