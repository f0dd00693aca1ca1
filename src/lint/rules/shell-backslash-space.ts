// "\ " at the end of a line: the backslash escapes the space, not the newline, so the command ends there.
import type { Rule, RuleHit } from '../rule.ts';
import { bashCommands, endsInsideQuote } from '../shell.ts';

const BACKSLASH_BLANKS = /\\([ \t]+)$/;

export const shellBackslashSpace: Rule = {
  id: 'shell-backslash-space',
  name: 'ShellBackslashSpace',
  severity: 'error',
  shortDescription: 'A line of a command ends with a backslash followed by spaces or tabs.',
  fullDescription:
    'bash continues a command on the next line only when the backslash is the last character of the line. "\\ " escapes the space instead: the command ends on that line with one more argument made of a single space, and each following line runs as a command of its own ("--name: command not found"). The blank is invisible on the page and survives copy and paste.',
  help: 'Delete the spaces after the backslash so that it is the last character of the line.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const command of bashCommands(doc)) {
      // the step's lines, and the lines right after it that the reader copies with it
      const from = command.step.source.startLine;
      let to = command.step.source.endLine;
      while (to < doc.lineCount && BACKSLASH_BLANKS.test(doc.line(to)) && doc.line(to + 1).trim() !== '') to++;
      for (let n = from; n <= to; n++) {
        const text = doc.line(n);
        const m = BACKSLASH_BLANKS.exec(text);
        if (!m) continue;
        let before = '';
        for (let k = from; k < n; k++) before += `${doc.line(k)}\n`;
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
