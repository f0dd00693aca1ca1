// A variable the page assigns and never expands, while a later command writes the option named
// after it with a literal value: the reader who edits the variable changes nothing.
import type { Rule, RuleHit } from '../rule.ts';
import type { LintDocument } from '../document.ts';
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
  shortDescription: 'A variable the page assigns is never used while a later command writes the option it is named after literally, or a value the page asks the reader to type (read) is never used.',
  fullDescription:
    'A value set in a variable is only used where the page expands it ($name or ${name}); bash does not connect a variable to an option of the same name. When the page assigns permissions="drwl" and the next command passes --permissions dlrw literally, the reader who changes the variable (as the page invites) changes nothing, and the variable and the literal can silently disagree. Likewise a value the page prompts for with read and never expands before it is read again: the reader types it for nothing, and whatever it was meant to set (a location, a name) is taken from elsewhere. Source: GNU Bash Reference Manual §3.5.3 (a parameter is only substituted where "$" expands it).',
  help: 'Expand the variable where the value is used (--permissions $permissions), or drop the assignment.',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    const assigned = assignedVariables(doc);
    if (assigned.size === 0) return hits;
    let text = '';
    for (let n = 1; n <= doc.lineCount; n++) text += `${doc.line(n)}\n`;
    hits.push(...unusedReads(doc));
    for (const [name, line] of assigned) {
      if (new RegExp(`\\$\\{?!?#?${name}(?![A-Za-z0-9_])`).test(text)) continue;
      const bare = bareNameUse(doc, name, line);
      if (bare) {
        hits.push(bare);
        continue;
      }
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

// Options whose value names an output field or format, where a variable's name can be meant literally.
const FIELD_OPTIONS = new Set(['--query', '--output', '-o', '--query-examples', '--jmespath']);

/**
 * The variable's own name written as an option's value where $name was meant
 * (`--scopes applicationGatewayGroupId` after `applicationGatewayGroupId=$(az group show …)`): bash
 * passes the text of the name. Only names no one would type as a value (camelCase, snake_case or
 * CAPS with an underscore, six characters or more) count, so `--query id` or `--name web` never do.
 */
function bareNameUse(doc: LintDocument, name: string, assignedAt: number): RuleHit | undefined {
  if (name.length < 6 || !/[a-z][A-Z]|_/.test(name)) return undefined;
  for (const c of bashCommands(doc)) {
    if (c.step.source.startLine < assignedAt) continue;
    for (const [i, w] of c.words.entries()) {
      const option = c.words[i - 1];
      if (i < 2 || w.value !== name || !option || !option.value.startsWith('-') || FIELD_OPTIONS.has(option.value)) continue;
      return {
        line: w.line,
        column: w.column,
        stepId: c.step.id,
        message: `${option.value} ${name} passes the text "${name}", not the value of the variable ${name} assigned on line ${assignedAt}: without $ bash does not expand it, and no command on the page ever does. Write ${option.value} $${name}.`,
      };
    }
  }
  return undefined;
}

const READ = /(?:^|&&|;|\|\|)\s*read\s+(?:-[a-z]+\s+(?:"[^"]*"\s+|'[^']*'\s+)?)*([A-Za-z_]\w*)\s*(?:&&|;|$)/;
const ASSIGN_AT = (name: string) => new RegExp(`(?:^|[\\s;&|(])(?:export\\s+)?${name}=|\\bread\\s+(?:-[a-z]+\\s+(?:"[^"]*"\\s+)?)*${name}\\b|\\bfor\\s+${name}\\s+in\\b`);

/**
 * `read name` whose answer no command expands before the page assigns the name again (or ends):
 * the page asks the reader to type a value and throws it away.
 */
function unusedReads(doc: LintDocument): RuleHit[] {
  const hits: RuleHit[] = [];
  const lines = bashCommands(doc).flatMap((c) => c.lines.map((l) => ({ ...l, stepId: c.step.id })));
  for (const [i, l] of lines.entries()) {
    const name = READ.exec(l.text)?.[1];
    if (!name) continue;
    const use = new RegExp(`\\$\\{?!?#?${name}(?![A-Za-z0-9_])`);
    const assign = ASSIGN_AT(name);
    let used = false;
    let next: number | undefined;
    for (const later of lines.slice(i + 1)) {
      if (use.test(later.text)) {
        used = true;
        break;
      }
      if (assign.test(later.text)) {
        next = later.line;
        break;
      }
    }
    if (used) continue;
    hits.push({
      line: l.line,
      column: l.text.indexOf(name) + 1,
      stepId: l.stepId,
      message: `the page asks the reader to type ${name} (read ${name}), but no command ${next === undefined ? 'after it' : `before line ${next} reads it again`} uses $${name}: the value is thrown away. Use $${name} where it is meant (e.g. --${optionName(name)} $${name}) or drop the prompt.`,
    });
  }
  return hits;
}

/** The value of `name=value` on a line, quotes removed ('' when it cannot be read simply). */
function assignedValue(line: string, name: string): string {
  const m = new RegExp(`${name}=("[^"]*"|'[^']*'|\\S*)`).exec(line);
  return m ? m[1]!.replace(/^["']|["']$/g, '') : '';
}
