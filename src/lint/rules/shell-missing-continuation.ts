// Option lines written under a command without a "\" on the line before: bash runs them on their own.
import type { Rule, RuleHit } from '../rule.ts';
import { bashCommands, endsInsideQuote, heredocBodies, isFenceOrEnd } from '../shell.ts';
import type { CommandView, LintDocument } from '../document.ts';
import { powerShellInstruction, readerInPowerShell } from '../powershell-page.ts';

export const shellMissingContinuation: Rule = {
  id: 'shell-missing-continuation',
  name: 'ShellMissingContinuation',
  severity: 'error',
  shortDescription: 'A command is split over lines without a backslash at the end of a line.',
  fullDescription:
    'bash ends a command at the end of a line unless the line ends with a backslash (or a quote is still open). A command whose options go on under it without "\\" runs without them, and each further line runs as a command of its own: "--file: command not found". The same holds for an argument indented under its command (a quoted URL, @file, a <placeholder>): bash runs the command without it, then tries to run the argument. A line ending in a backtick (the PowerShell continuation, about_Parsing) does not continue it either: bash reads the backtick as the start of a command substitution (§3.5.4). Source: GNU Bash Reference Manual §3.1.2.1 (escape character: a backslash-newline is a line continuation), §3.2.4 (a newline ends a command) and §3.5.4 (command substitution with backquotes).',
  help: 'End every line of the command but the last with " \\".',
  check(doc) {
    const hits: RuleHit[] = [];
    const inPowerShell = powerShellInstruction(doc);
    for (const command of bashCommands(doc)) {
      const { startLine, endLine } = command.step.source;
      // A here-document's body is data, not command lines (a manifest's "- name:" inside a for loop).
      const bodies = heredocBodies(doc, startLine, endLine);
      const inBody = (n: number) => bodies.some((b) => b.from <= n && n <= b.to + 1);
      for (let n = startLine + 1; n <= endLine; n++) {
        if (inBody(n)) continue;
        const prev = doc.line(n - 1);
        if (/\\[ \t]*$/.test(prev)) continue; // continued (or "\ ", which shell-backslash-space reports)
        const upto: string[] = [];
        for (let k = startLine; k < n; k++) upto.push(doc.line(k));
        if (endsInsideQuote(upto.join('\n')) || endsInsideParens(upto.join('\n'))) continue; // an open quote or ( carries the command on
        const line = doc.line(n);
        if (!/^\s*-/.test(line)) continue;
        let last = n;
        while (last < endLine && /^\s*-/.test(doc.line(last + 1))) last++;
        const first = line.trim().split(/\s+/)[0] as string;
        const cmd = doc.line(startLine).trim().split(/\s+/).slice(0, 3).join(' ');
        // A line ending in a backtick is PowerShell's continuation pasted into a bash block: say so,
        // since the reader sees a continuation character and would not think of adding "\".
        // On a page that tells the reader to use PowerShell, the backtick does continue the line.
        if (/`[ \t]*$/.test(prev) && readerInPowerShell(doc, command.step, inPowerShell)) continue;
        const backtick = /`[ \t]*$/.test(prev)
          ? ` The line ends with "\`", PowerShell's line continuation: bash reads a backtick as the start of a command substitution (it runs the text up to the next backtick as a command and drops it), not as a continuation.`
          : '';
        hits.push({
          line: n - 1,
          endLine: last,
          column: prev.length + 1,
          stepId: command.step.id,
          message: `no "\\" at the end of this line, but the command goes on below: bash runs "${cmd} …" without the option${last > n ? 's' : ''} on line${last > n ? `s ${n}-${last}` : ` ${n}`}, then runs "${first} …" as a command of its own ("${first}: command not found").${backtick} End the line with " \\"${backtick ? ' instead of "`"' : ''}.`,
          suggestion: backtick ? `${prev.replace(/`[ \t]*$/, '').replace(/[ \t]+$/, '')} \\` : `${prev.replace(/[ \t]+$/, '')} \\`,
        });
        n = last;
      }
      const detached = detachedArgument(doc, command);
      if (detached) hits.push(detached);
    }
    return hits;
  },
};

/**
 * An array assignment, subshell or command substitution still open at the end of `text`
 * (`VARS=(` then one element per line, azure-aks-docs openwebsearch-on-aks.md): bash reads on to the
 * closing ")" (§3.2.5.3, §6.7 arrays), so the next line belongs to it. Quoted text and comments are skipped.
 */
function endsInsideParens(text: string): boolean {
  const bare = text.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '""').replace(/(^|\s)#.*$/gm, '$1');
  let depth = 0;
  for (const ch of bare) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

const indent = (text: string): number => /^[ \t]*/.exec(text)![0].length;

/**
 * The line under a command, indented deeper and holding an argument rather than a command (a quoted
 * value, a URL, @file, a <placeholder>): written as part of the command, but with no "\" before it
 * bash runs the command without it and then tries to run the argument itself.
 */
function detachedArgument(doc: LintDocument, command: CommandView): RuleHit | undefined {
  if (!doc.hasText) return undefined;
  const { startLine, endLine } = command.step.source;
  const prev = doc.line(endLine);
  let next = endLine + 1;
  // "\" then a blank line: the blank line ends the command all the same
  const blankAfterBackslash = /\\$/.test(prev) && !isFenceOrEnd(doc, next) && doc.line(next).trim() === '';
  if (blankAfterBackslash) while (!isFenceOrEnd(doc, next) && doc.line(next).trim() === '') next++;
  else if (/\\[ \t]*$/.test(prev)) return undefined;
  if (isFenceOrEnd(doc, next)) return undefined;
  const line = doc.line(next);
  if (line.trim() === '' || (!blankAfterBackslash && indent(line) <= indent(doc.line(startLine)))) return undefined;
  if (!/^\s*(?:["']|https?:\/\/|@[\w.<]|<[A-Za-z])/.test(line) && !(blankAfterBackslash && /^\s*-/.test(line))) return undefined;
  if (doc.commands.some((c) => c.step.source.startLine === next)) return undefined;
  const upto: string[] = [];
  for (let k = startLine; k <= endLine; k++) upto.push(doc.line(k));
  if (endsInsideQuote(upto.join('\n')) || endsInsideParens(upto.join('\n'))) return undefined;
  const trimmed = line.trim();
  const first = trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed;
  const cmd = doc.line(startLine).trim().split(/\s+/).slice(0, 3).join(' ');
  if (blankAfterBackslash)
    return {
      line: endLine,
      endLine: next,
      column: prev.length,
      stepId: command.step.id,
      message: `this line ends with "\\" but a blank line follows: the backslash joins the blank line, which ends the command, so bash runs "${cmd} …" without ${first} and then runs that line as a command of its own ("${trimmed.split(/\s+/)[0]}: command not found"). Remove the blank line${next - endLine > 2 ? 's' : ''} between the parts of the command.`,
    };
  return {
    line: endLine,
    endLine: next,
    column: prev.length + 1,
    stepId: command.step.id,
    message: `no "\\" at the end of this line, but the indented line below continues the command: bash runs "${cmd} …" without ${first}, then tries to run it as a command of its own ("No such file or directory" or "command not found"). End the line with " \\".`,
    suggestion: `${prev.replace(/[ \t]+$/, '')} \\`,
  };
}
