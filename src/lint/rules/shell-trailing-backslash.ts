// A backslash on the last line of a block: there is no next line to continue onto.
import type { Rule, RuleHit } from '../rule.ts';
import { bashCommands, endsInsideQuote, isFenceOrEnd } from '../shell.ts';

export const shellTrailingBackslash: Rule = {
  id: 'shell-trailing-backslash',
  name: 'ShellTrailingBackslash',
  severity: 'warning',
  shortDescription: 'The last line of a code block ends with a backslash continuation.',
  fullDescription:
    'A trailing backslash tells bash the command goes on in the next line. On the last line of a block there is none: pasted into a terminal, bash shows its ">" continuation prompt and waits instead of running the command; pasted into a script, the command swallows whatever line comes next.',
  help: 'Remove the backslash from the last line of the command.',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    for (const command of bashCommands(doc)) {
      const last = command.step.source.endLine;
      const text = doc.line(last);
      if (!/\\$/.test(text)) continue;
      // the next line closes the fence, or only blank lines stand between it and the fence
      let n = last + 1;
      while (n <= doc.lineCount && doc.line(n).trim() === '' && !isFenceOrEnd(doc, n)) n++;
      if (!isFenceOrEnd(doc, n) || n > doc.lineCount) continue;
      let all = '';
      for (let k = command.step.source.startLine; k <= last; k++) all += `${doc.line(k)}${k < last ? '\n' : ''}`;
      if (endsInsideQuote(all.slice(0, -1))) continue;
      hits.push({
        line: last,
        column: text.length,
        stepId: command.step.id,
        message: `the block's last line ends with "\\": bash waits at its ">" prompt for the rest of a command that never comes (the reader has to press Enter again; in a script the next line is joined to this command). Remove the backslash.`,
        suggestion: text.replace(/[ \t]*\\$/, ''),
      });
    }
    return hits;
  },
};
