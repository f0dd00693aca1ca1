// Option lines written under a command without a "\" on the line before: bash runs them on their own.
import type { Rule, RuleHit } from '../rule.ts';
import { bashCommands, endsInsideQuote } from '../shell.ts';

export const shellMissingContinuation: Rule = {
  id: 'shell-missing-continuation',
  name: 'ShellMissingContinuation',
  severity: 'error',
  shortDescription: 'A command is split over lines without a backslash at the end of a line.',
  fullDescription:
    'bash ends a command at the end of a line unless the line ends with a backslash (or a quote is still open). A command whose options go on under it without "\\" runs without them, and each further line runs as a command of its own: "--file: command not found".',
  help: 'End every line of the command but the last with " \\".',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const command of bashCommands(doc)) {
      const { startLine, endLine } = command.step.source;
      for (let n = startLine + 1; n <= endLine; n++) {
        const prev = doc.line(n - 1);
        if (/\\[ \t]*$/.test(prev)) continue; // continued (or "\ ", which shell-backslash-space reports)
        const upto: string[] = [];
        for (let k = startLine; k < n; k++) upto.push(doc.line(k));
        if (endsInsideQuote(upto.join('\n'))) continue; // an open quote carries the command on
        const line = doc.line(n);
        if (!/^\s*-/.test(line)) continue;
        let last = n;
        while (last < endLine && /^\s*-/.test(doc.line(last + 1))) last++;
        const first = line.trim().split(/\s+/)[0] as string;
        const cmd = doc.line(startLine).trim().split(/\s+/).slice(0, 3).join(' ');
        hits.push({
          line: n - 1,
          endLine: last,
          column: prev.length + 1,
          stepId: command.step.id,
          message: `no "\\" at the end of this line, but the command goes on below: bash runs "${cmd} …" without the option${last > n ? 's' : ''} on line${last > n ? `s ${n}-${last}` : ` ${n}`}, then runs "${first} …" as a command of its own ("${first}: command not found"). End the line with " \\".`,
          suggestion: `${prev.replace(/[ \t]+$/, '')} \\`,
        });
        n = last;
      }
    }
    return hits;
  },
};
