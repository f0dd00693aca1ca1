// "--source mcr.microsoft.com/windows/servercore:ltsc2022\" then "--image servercore:ltsc2022" at
// the start of the next line: bash removes a backslash-newline pair altogether (GNU bash manual,
// "Escape Character": "it is treated as a line continuation (that is, it is removed from the input
// stream and effectively ignored)"), so with no blank before the backslash and none at the start of
// the next line the two words become one: --source gets "…:ltsc2022--image" and "servercore:ltsc2022"
// is left over (az: "unrecognized arguments"). An indented next line keeps the words apart.
import type { Rule, RuleHit } from '../rule.ts';
import { bashCommands, endsInsideQuote } from '../shell.ts';

const GLUED = /[^\s\\]\\$/;

export const shellContinuationJoinsWords: Rule = {
  id: 'shell-continuation-joins-words',
  name: 'ShellContinuationJoinsWords',
  severity: 'error',
  shortDescription: 'A line continuation glues the last word of a line to the first word of the next.',
  fullDescription:
    'bash removes a backslash-newline pair from the input altogether (GNU bash manual, "Escape Character"): it does not stand for a blank. When the backslash follows a word directly and the next line starts in its first column, the two words become one: "--source image:tag\\" followed by "--image name" gives --source the value "image:tag--image" and leaves "name" as an extra argument (az stops with "unrecognized arguments"). Indenting the continued line, as pages usually do, or a blank before the backslash keeps the words apart.',
  help: 'Put a blank before the backslash (…:tag \\), or indent the continued line.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const command of bashCommands(doc)) {
      const from = command.step.source.startLine;
      const to = command.step.source.endLine;
      for (let n = from; n < to; n++) {
        const text = doc.line(n);
        const next = doc.line(n + 1);
        if (!GLUED.test(text) || next === '' || /^\s/.test(next) || /^(```|~~~)/.test(next)) continue;
        let before = '';
        for (let k = from; k < n; k++) before += `${doc.line(k)}\n`;
        if (endsInsideQuote(before + text.slice(0, -1))) continue; // inside quotes the backslash-newline is still removed, but the words are one quoted string
        const last = /(\S+)\\$/.exec(text)?.[1] ?? '';
        const first = /^\S+/.exec(next)?.[0] ?? '';
        hits.push({
          line: n,
          column: text.length,
          stepId: command.step.id,
          message: `the backslash follows "${last}" directly and line ${n + 1} starts with "${first}" in its first column: bash removes the backslash and the newline, so the two become one word ("${last}${first}") and the option on line ${n + 1} is lost. Put a blank before the backslash or indent line ${n + 1}.`,
          suggestion: `${text.slice(0, -1)} \\`,
        });
      }
    }
    return hits;
  },
};
