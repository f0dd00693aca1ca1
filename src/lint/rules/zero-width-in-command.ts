// Invisible characters: nothing shows on the page, but the bytes travel with the argument.
import type { Rule, RuleHit } from '../rule.ts';
import { columnOf, consequence, wordsWith, ZERO_WIDTH } from '../lookalike.ts';
import { describeChar, quote } from '../text.ts';
import { charEdits, fixOf, withFix } from '../fix.ts';

const INVISIBLE = new RegExp(ZERO_WIDTH.source, 'u');
const REDIRECT = /^\d*(?:>>?|<|&>>?)$/;
/** An option whose value is a local file or folder (--cert-file, --path, --output-dir, --template-file). */
const FILE_OPTION = /^--?(?:[a-z0-9-]*-)?(?:file|path|dir|directory|folder)$/i;
/** A value that reads as a local path: ~/…, ./…, /…, $HOME/…, or a name with a file extension. */
const LOCAL_PATH = /^(?:~|\.{1,2}\/|\/|\$\{?HOME\b)|\.(?:pem|cer|crt|pfx|p12|key|pub|json|ya?ml|txt|zip|tgz|tar|gz|bicep|xml|csv|sh|ps1|py|sql|bak|vhdx?|conf|cfg|ini|env|log)$/i;

/**
 * An az option value that names a local file: az does not look it up in Azure, it opens or writes
 * the path. A file az reads is then not found; a file az writes (az sql mi-arc get-mirroring-cert
 * --cert-file …) is created under a name that carries the invisible character, and the command runs:
 * not a certain failure of the command itself, so a warning.
 */
function azLocalPath(ctx: { program: string; previous: { value: string } | undefined }, cleaned: string): boolean {
  // The target of a redirection (`> file`, `</path/name>.pem` read by bash as two redirections): the
  // shell opens or creates that file, whatever the program.
  if (ctx.previous && REDIRECT.test(ctx.previous.value)) return true;
  if (ctx.program !== 'az') return false;
  if (ctx.previous && FILE_OPTION.test(ctx.previous.value)) return true;
  return ctx.previous !== undefined && /^-/.test(ctx.previous.value) && !/^[a-z]+:\/\//i.test(cleaned) && LOCAL_PATH.test(cleaned);
}

export const zeroWidthInCommand: Rule = {
  id: 'zero-width-in-command',
  name: 'ZeroWidthInCommand',
  severity: 'error',
  shortDescription: 'A command contains a zero-width or soft-hyphen character.',
  fullDescription:
    'U+200B ZERO WIDTH SPACE, U+200C/U+200D joiners, U+2060 WORD JOINER, U+FEFF and U+00AD SOFT HYPHEN are invisible in the page but copied with the text; a flag then no longer matches any option and a host name no longer resolves. An az value that is a local file path (the value of --cert-file, --path, --template-file…, or ~/…, ./…, $HOME/…, name.ext) is a warning: a file az reads is not found, but a file az writes is created under a name with the invisible character and the command itself runs (az sql mi-arc get-mirroring-cert --cert-file …pem\\u200b on azure-management-docs azure-arc/data/managed-instance-disaster-recovery-cli.md).',
  help: 'Delete the invisible character (retype the word).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const ctx of wordsWith(doc, ZERO_WIDTH)) {
      const ch = (ctx.word.raw.match(ZERO_WIDTH) ?? ['?'])[0];
      const cleaned = ctx.word.value.replace(new RegExp(ZERO_WIDTH.source, 'gu'), '');
      const path = azLocalPath(ctx, cleaned);
      const said = path
        ? `${ctx.previous && REDIRECT.test(ctx.previous.value) ? 'the shell opens' : 'az takes'} ${quote(ctx.word.value)} as a local path with the character in it: a file it reads is not found (the name on disk has no such character), and a file it writes is created under a name that holds the invisible character, which a later step naming ${quote(cleaned)} does not find`
        : consequence(ctx, cleaned);
      hits.push({
        line: ctx.word.line,
        column: columnOf(ctx.word, ZERO_WIDTH),
        stepId: ctx.command.step.id,
        ...(path ? { severity: 'warning' as const } : {}),
        message: `invisible ${describeChar(ch)} inside ${quote(ctx.word.value)}: ${said}. Write ${quote(cleaned)}.`,
        suggestion: cleaned,
        // Invisible characters never mean anything in a command: deleting them is always the fix.
        ...withFix(fixOf(`delete the invisible character(s) in ${quote(cleaned)}`, charEdits(doc, ctx.word, (ch) => (INVISIBLE.test(ch) ? '' : undefined)))),
      });
    }
    return hits;
  },
};
