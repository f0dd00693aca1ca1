// "` " at the end of a PowerShell line: the backtick escapes the blank, not the newline, so the statement
// ends on that line with one more argument made of a single space. PowerShell's twin of "\ " in bash
// (shell-backslash-space); powershell-missing-continuation reads such a line as continued and stays silent.
import type { Rule, RuleHit } from '../rule.ts';
import type { LintDocument } from '../document.ts';
import { codeFences, fenceAt, fenceLines, type CodeFence } from '../fences.ts';
import { isDoubleQuote, isQuote, isSingleQuote } from '../../parse/powershell-words.ts';

const BACKTICK_BLANKS = /`([ \t]+)$/;

/** The fences of the page that hold PowerShell steps (the parser's reading of the fence language). */
function powershellFences(doc: LintDocument): CodeFence[] {
  const fences = codeFences(doc);
  const out = new Set<CodeFence>();
  for (const step of doc.tutorial.steps) {
    if (step.kind === 'manual' || step.language !== 'powershell') continue;
    if (step.source.file && doc.file && step.source.file !== doc.file) continue;
    const fence = fenceAt(fences, step.source.startLine);
    if (fence) out.add(fence);
  }
  return [...out];
}

type State = 'code' | 'single' | 'double' | 'here-single' | 'here-double' | 'block-comment';

/**
 * Where each line of a PowerShell block ends: in code (then the text that counts, without a trailing
 * `# comment`), or inside a string, here-string or <# … #> comment, where a backtick at the end is text.
 */
function lineEnds(lines: readonly string[]): (string | undefined)[] {
  let state: State = 'code';
  return lines.map((line) => {
    const startsIn = state;
    if (state === 'here-single' || state === 'here-double') {
      if ((state === 'here-single' ? isSingleQuote : isDoubleQuote)(line[0]) && line[1] === '@') state = 'code';
      // the rest of a here-string's closing line is code, but nothing of interest follows "@ in practice
      return undefined;
    }
    let code = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i] as string;
      if (state === 'block-comment') {
        if (c === '#' && line[i + 1] === '>') { state = 'code'; i++; }
        continue;
      }
      if (state === 'single') {
        if (isSingleQuote(c)) state = 'code';
        continue;
      }
      if (state === 'double') {
        if (c === '`') { i++; continue; }
        if (isDoubleQuote(c)) state = 'code';
        continue;
      }
      // code
      if (c === '`') { code += line.slice(i, i + 2); i++; continue; }
      if (c === '<' && line[i + 1] === '#') { state = 'block-comment'; i++; continue; }
      if (c === '#') break; // a line comment: the rest of the line is not code
      if (c === '@' && isQuote(line[i + 1]) && line.slice(i + 2).trim() === '') {
        state = isSingleQuote(line[i + 1]) ? 'here-single' : 'here-double';
        break;
      }
      if (isSingleQuote(c)) { state = 'single'; continue; }
      if (isDoubleQuote(c)) { state = 'double'; continue; }
      code += c;
    }
    if (startsIn !== 'code' || state !== 'code') return undefined;
    return code;
  });
}

export const powershellBacktickSpace: Rule = {
  id: 'powershell-backtick-space',
  name: 'PowershellBacktickSpace',
  severity: 'warning',
  shortDescription: 'A line of a PowerShell command ends with a backtick followed by spaces or tabs.',
  fullDescription:
    'PowerShell continues a statement on the next line only when the backtick is the last character of the line: the backtick escapes the character after it, so "` " escapes the blank instead of the newline (about_Escape_Characters, "when using a backtick as a continuation character, there must be no trailing space (or it escapes the space)": MicrosoftDocs/PowerShell-Docs#1197). The statement ends on that line with one more argument made of a single space, which the cmdlet binds to a positional parameter or rejects ("A positional parameter cannot be found that accepts argument \' \'."), and a next line that starts with "-Parameter" is a statement of its own. Readers fixed such lines on Microsoft Learn pages ("If there are spaces after the backtick, then the space character gets escaped instead of the newline character": MicrosoftDocs/sql-docs#9692). The blank is invisible on the page and survives copy and paste.',
  help: 'Delete the spaces after the backtick so that it is the last character of the line.',
  check(doc) {
    if (!doc.hasText) return [];
    const hits: RuleHit[] = [];
    for (const fence of powershellFences(doc)) {
      const lines = fenceLines(doc, fence);
      const ends = lineEnds(lines.map((l) => l.text));
      for (const [k, { line, text }] of lines.entries()) {
        const code = ends[k];
        const m = code === undefined ? null : BACKTICK_BLANKS.exec(code);
        if (!m || !BACKTICK_BLANKS.test(text)) continue;
        // "``" is an escaped backtick (text), not an escape of the blank
        const run = /`+$/.exec(code!.slice(0, m.index + 1))?.[0].length ?? 1;
        if (run % 2 === 0) continue;
        const blanks = (m[1] as string).replace(/ /g, '·').replace(/\t/g, '→');
        const next = (lines[k + 1]?.text ?? '').trim();
        const column = text.length - (m[1] as string).length;
        hits.push({
          line,
          column,
          message: `the backtick at the end of this line is followed by ${m[1]!.length === 1 ? 'a blank' : `${m[1]!.length} blanks`} ("\`${blanks}"): PowerShell reads it as an escaped space, not as a line continuation, so the statement ends here with an extra " " argument${/^-[A-Za-z]/.test(next) ? ` and "${next.split(/\s/)[0]} …" on the next line is rejected as a statement of its own` : ''}. Delete the blanks after the backtick.`,
          suggestion: text.replace(/[ \t]+$/, ''),
        });
      }
    }
    return hits;
  },
};
