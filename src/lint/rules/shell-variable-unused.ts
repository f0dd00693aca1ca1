// A variable the page assigns and never expands, while a later command writes the option named
// after it with a literal value: the reader who edits the variable changes nothing.
import type { Rule, RuleHit } from '../rule.ts';
import { assignedVariables, bashCommands } from '../shell.ts';

/** `permissions` → permissions, `containerName` → container-name, `storage_account` → storage-account. */
const optionName = (variable: string): string =>
  variable
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();

export const shellVariableUnused: Rule = {
  id: 'shell-variable-unused',
  name: 'ShellVariableUnused',
  severity: 'warning',
  shortDescription: 'A variable the page assigns is never used, and a later command writes the option it is named after with a literal value.',
  fullDescription:
    'A value set in a variable is only used where the page expands it ($name or ${name}); bash does not connect a variable to an option of the same name. When the page assigns permissions="drwl" and the next command passes --permissions dlrw literally, the reader who changes the variable (as the page invites) changes nothing, and the variable and the literal can silently disagree. Source: GNU Bash Reference Manual §3.5.3 (a parameter is only substituted where "$" expands it).',
  help: 'Expand the variable where the value is used (--permissions $permissions), or drop the assignment.',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    const assigned = assignedVariables(doc);
    if (assigned.size === 0) return hits;
    let text = '';
    for (let n = 1; n <= doc.lineCount; n++) text += `${doc.line(n)}\n`;
    for (const [name, line] of assigned) {
      if (new RegExp(`\\$\\{?!?#?${name}(?![A-Za-z0-9_])`).test(text)) continue;
      const option = `--${optionName(name)}`;
      const use = bashCommands(doc)
        .filter((c) => c.step.source.startLine > line)
        .flatMap((c) => c.words.map((w, i) => ({ c, w, value: c.words[i + 1] })))
        .find(({ w, value }) => !w.quoted && w.value === option && value && !value.value.startsWith('-') && !/[$<>{}`]/.test(value.raw));
      if (!use || !use.value) continue;
      hits.push({
        line,
        column: Math.max(1, doc.line(line).indexOf(name) + 1),
        message: `${name} is assigned here but never used on the page: line ${use.value.line} passes ${option} ${use.value.raw} literally, so changing ${name} changes nothing${use.value.value !== assignedValue(doc.line(line), name) ? ` (and the two already disagree: ${JSON.stringify(assignedValue(doc.line(line), name))} here, ${JSON.stringify(use.value.value)} there)` : ''}. Write ${option} $${name} there, or remove the assignment.`,
        stepId: use.c.step.id,
      });
    }
    return hits;
  },
};

/** The value of `name=value` on a line, quotes removed ('' when it cannot be read simply). */
function assignedValue(line: string, name: string): string {
  const m = new RegExp(`${name}=("[^"]*"|'[^']*'|\\S*)`).exec(line);
  return m ? m[1]!.replace(/^["']|["']$/g, '') : '';
}
