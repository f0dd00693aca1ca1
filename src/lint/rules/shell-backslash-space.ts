// "\ " at the end of a line: the backslash escapes the space, not the newline, so the command ends there.
// "\ --option" in the middle of a line (a continuation whose line break was lost): the escaped space
// becomes part of the next word, " --option", which no program reads as an option.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { bashCommands, endsInsideQuote } from '../shell.ts';

const BACKSLASH_BLANKS = /\\([ \t]+)$/;
/** A backslash (not itself escaped) and one space glued to an option-like word, with more of the line after it. */
const BACKSLASH_SPACE_OPTION = /(?<!\\)\\ (-{1,2}[A-Za-z][\w-]*)/g;

export const shellBackslashSpace: Rule = {
  id: 'shell-backslash-space',
  name: 'ShellBackslashSpace',
  severity: 'error',
  shortDescription: 'A line of a command ends with a backslash followed by spaces or tabs.',
  fullDescription:
    'bash continues a command on the next line only when the backslash is the last character of the line. "\\ " escapes the space instead: the command ends on that line with one more argument made of a single space, and each following line runs as a command of its own ("--name: command not found"). The blank is invisible on the page and survives copy and paste. In the middle of a line, "\\ --option" (a continuation whose line break was lost) glues the escaped space to the next word: " --option" is one word that no program reads as an option, and az, which reads it as a positional argument, stops with "unrecognized arguments" (an error where the az command takes no positional argument, a warning elsewhere; a reader\'s report: https://github.com/MicrosoftDocs/azure-docs/issues/86743).',
  help: 'Delete the spaces after the backslash so that it is the last character of the line; in the middle of a line, delete the backslash.',
  check(doc) {
    const hits: RuleHit[] = [];
    // az commands that take no positional argument: argparse rejects the stray " --option" word for sure (read only when needed).
    let azNoPositional: Set<unknown> | undefined;
    const noPositional = (): Set<unknown> =>
      (azNoPositional ??= new Set(eachAz(doc).filter(({ az }) => az.read.found.kind === 'command' && !az.read.found.command.parameters.some((p) => p.positional)).map(({ command }) => command)));
    for (const command of bashCommands(doc)) {
      // the step's lines, and the lines right after it that the reader copies with it
      const from = command.step.source.startLine;
      let to = command.step.source.endLine;
      while (to < doc.lineCount && BACKSLASH_BLANKS.test(doc.line(to)) && doc.line(to + 1).trim() !== '') to++;
      for (let n = from; n <= to; n++) {
        const text = doc.line(n);
        // The command's text above this line, read only where a backslash-blank was found (most lines have none).
        const m = BACKSLASH_BLANKS.exec(text);
        const mids = text.includes('\\ -') ? [...text.matchAll(BACKSLASH_SPACE_OPTION)] : [];
        if (!m && mids.length === 0) continue;
        let before = '';
        for (let k = from; k < n; k++) before += `${doc.line(k)}\n`;
        for (const mid of mids) {
          if (n > command.step.source.endLine || endsInsideQuote(before + text.slice(0, mid.index))) continue;
          const word = mid[1] as string;
          const az = noPositional().has(command);
          hits.push({
            line: n,
            column: (mid.index ?? 0) + 1,
            stepId: command.step.id,
            ...(az ? {} : { severity: 'warning' as const }),
            message: `"\\ ${word}" in the middle of the line: the backslash escapes the space instead of ending the line, so bash passes ${JSON.stringify(` ${word}`)} (with a leading space) as one word, which is not read as the option ${word}${az ? ` (az takes it as a positional argument and stops with "unrecognized arguments:  ${word} …")` : ''}. The backslash is a line continuation whose line break was lost: delete it.`,
            suggestion: `${text.slice(0, mid.index)}${text.slice((mid.index ?? 0) + 1)}`,
          });
        }
        if (!m) continue;
        if (endsInsideQuote(before + text.slice(0, m.index))) continue; // inside quotes the backslash is literal text
        const next = doc.line(n + 1).trim();
        const blanks = (m[1] as string).replace(/ /g, '·').replace(/\t/g, '→');
        hits.push({
          line: n,
          column: m.index + 1,
          stepId: command.step.id,
          message: `the backslash at the end of this line is followed by ${m[1]!.length === 1 ? 'a blank' : `${m[1]!.length} blanks`} ("\\${blanks}"): bash reads "\\ " as an escaped space, so the command ends here with an extra " " argument${next && !/^(```|~~~)/.test(next) ? ` and runs the next line ${JSON.stringify(next.slice(0, 40))} as a separate command` : ''}. Delete the blanks after the backslash.`,
          suggestion: text.slice(0, m.index + 1),
        });
      }
    }
    return hits;
  },
};
