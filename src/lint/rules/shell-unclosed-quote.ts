// A quote that nothing in its block closes: bash reads on past the block's end and never runs the command.
import type { Rule, RuleHit } from '../rule.ts';
import { bashCommands, isFenceOrEnd } from '../shell.ts';
import { tokenizeShell } from '../../parse/shell-words.ts';
import { LineIndex, type SourceLine } from '../../parse/source-lines.ts';
import { powerShellInstruction, readerInPowerShell } from '../powershell-page.ts';

export const shellUnclosedQuote: Rule = {
  id: 'shell-unclosed-quote',
  name: 'ShellUnclosedQuote',
  severity: 'error',
  shortDescription: 'A command opens a quote (or $( ) that nothing in its code block closes.',
  fullDescription:
    'Inside quotes a newline is part of the word, so bash keeps reading lines until the matching quote comes. When the code block ends first, a reader who pastes the command sees bash\'s ">" continuation prompt and nothing runs; a script stops with "unexpected EOF while looking for matching `"\'" (bash) and runs none of it. Whatever the quote was meant to hold (a URL with a SAS query, a JSON body) never reaches the program. Source: GNU Bash Reference Manual §3.1.2.2-3.1.2.4 (quoting: a quoted newline is kept, a word ends only at the closing quote) and bash\'s parser message for end of input inside quotes.',
  help: 'Close the quote where the value ends (…&sig=…" --type zip), or remove the opening quote.',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    const inPowerShell = powerShellInstruction(doc);
    for (const command of bashCommands(doc)) {
      // Only inside a fence: outside one there is no block end to read up to.
      if (command.step.language !== 'shell') continue;
      const start = command.step.source.startLine;
      // The rest of the block from this command on: a quote closed further down (a JSON body over
      // several lines that the parser split) is no defect.
      const lines: SourceLine[] = [];
      for (let n = start; !isFenceOrEnd(doc, n); n++) lines.push({ line: n, text: doc.line(n) });
      if (lines.length === 0 || !isFenceOrEnd(doc, start + lines.length) || start + lines.length > doc.lineCount) continue;
      const index = new LineIndex(lines);
      const error = tokenizeShell(index.text).error;
      if (!error) continue;
      // Only the command the quote opens in: the commands after it on the block are inside the quote.
      const at = index.at(error.offset);
      if (at.line > command.step.source.endLine) continue;
      const quote = index.text[error.offset];
      const what = quote === "'" ? 'single quote' : quote === '"' ? 'double quote' : quote === '`' ? 'backtick' : '"$("';
      const rest = index.text.slice(error.offset + 1).split('\n')[0]!.trim();
      // A backtick ending a line on a page that tells the reader to use PowerShell: its continuation.
      if (quote === '`' && rest === '' && readerInPowerShell(doc, command.step, inPowerShell)) continue;
      hits.push({
        line: at.line,
        column: at.column,
        stepId: command.step.id,
        message: `the ${what} opened here is never closed before the code block ends: bash reads "${rest.slice(0, 60)}${rest.length > 60 ? '…' : ''}" and every following line as one quoted word, shows its ">" prompt and runs nothing (a script stops with "unexpected EOF while looking for matching ${quote === '$' ? "')'" : `\`${quote}'`}"). Close the ${what} where the value ends.`,
      });
    }
    return hits;
  },
};
