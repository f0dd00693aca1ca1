// A PowerShell command split over lines without the backtick: the newline ends the statement, the
// cmdlet runs without the parameters written below it (prompting for the mandatory ones), and the
// next line, starting with "-Name …", is a statement of its own that PowerShell rejects.
import type { Rule, RuleHit } from '../rule.ts';

// A parameter as the docs write them (PascalCase); -and, -eq… are operators, never at issue here.
const PARAMETER_LINE = /^\s*-[A-Z][A-Za-z]+\b/;
// What lets a PowerShell statement go on to the next line: a backtick, a pipe, an opening brace or
// parenthesis, a comma, an operator or an assignment waiting for its right side.
const CONTINUES = /(?:`|\||\{|\(|,|=|-[a-z]+)\s*$/;

export const powershellMissingContinuation: Rule = {
  id: 'powershell-missing-continuation',
  name: 'PowershellMissingContinuation',
  severity: 'warning',
  shortDescription: 'A PowerShell command goes on with "-Parameter" on the next line without a backtick at the end of the line before.',
  fullDescription:
    'PowerShell ends a statement at a newline unless the line ends with the backtick escape (or a pipe, an opening brace or parenthesis, a comma or an operator): about_Parsing, "Line continuation". Without it the cmdlet runs without the parameters written below it, prompting for the mandatory ones, and "-ResourceGroupName <resource-group>" on the next line is a statement of its own, which PowerShell rejects ("Missing expression after unary operator \'-\'"). Inside parentheses the same holds.',
  help: 'End the line with " `" (a space and a backtick) so that the command continues on the next line.',
  check(doc) {
    const hits: RuleHit[] = [];
    // Each PowerShell line with its step and text. The parser already splits a block where a
    // statement ends, so the two lines at issue may belong to two steps.
    const lines = new Map<number, { stepId: string; text: string }>();
    for (const step of doc.tutorial.steps) {
      if (step.kind === 'manual' || step.language !== 'powershell') continue;
      if (step.source.file && doc.file && step.source.file !== doc.file) continue;
      const raw = step.raw.split('\n');
      for (let n = step.source.startLine; n <= step.source.endLine; n++) lines.set(n, { stepId: step.id, text: doc.hasText ? doc.line(n) : (raw[n - step.source.startLine] ?? '') });
    }
    for (const [n, { stepId, text: line }] of lines) {
      const next = lines.get(n + 1)?.text;
      if (next === undefined || !PARAMETER_LINE.test(next) || line.trim() === '' || /^\s*#/.test(line) || CONTINUES.test(line)) continue;
      const parameter = next.trim().split(/\s/)[0] as string;
      hits.push({
        line: n,
        column: line.trimEnd().length + 1,
        stepId,
        message: `this line ends without a backtick, so PowerShell ends the statement here: ${line.trim().replace(/^\(/, '')} runs without the parameters below it and "${parameter} …" on line ${n + 1} is rejected as a statement of its own. End the line with " \`".`,
        suggestion: `${line.trimEnd()} \``,
      });
    }
    return hits;
  },
};
