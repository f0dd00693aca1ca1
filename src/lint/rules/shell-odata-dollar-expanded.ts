// "…?$filter=…" in double quotes or unquoted: bash expands $filter (an unset variable) to nothing.
import type { Rule, RuleHit } from '../rule.ts';
import { assignedVariables, bashCommands, dollarsIn } from '../shell.ts';
import { odataOptionAt } from '../../parse/odata-options.ts';

/** `$option=` outside single quotes (and not escaped) in a word as written, after "?" or "&". */
function expandedOptions(raw: string): { name: string; offset: number }[] {
  return dollarsIn(raw).flatMap(({ offset, state }) => {
    const name = state !== 'single' ? odataOptionAt(raw, offset) : undefined;
    return name !== undefined ? [{ name, offset }] : [];
  });
}

export const shellOdataDollarExpanded: Rule = {
  id: 'shell-odata-dollar-expanded',
  name: 'ShellOdataDollarExpanded',
  severity: 'warning',
  shortDescription: 'An OData query option such as $filter is written where bash expands it as a variable.',
  fullDescription:
    'Inside double quotes or unquoted, bash reads "$filter" as a variable; unset, it becomes the empty string, so the URL carries "=…" instead of "$filter=…" and the service ignores the condition: the request succeeds and returns everything, unfiltered.',
  help: "Put the URL in single quotes, or escape the dollar sign: \\$filter.",
  check(doc) {
    const hits: RuleHit[] = [];
    const assigned = assignedVariables(doc);
    for (const command of bashCommands(doc)) {
      for (const w of command.words) {
        if (!w.raw.includes('$')) continue;
        for (const o of expandedOptions(w.raw)) {
          if (assigned.has(o.name)) continue;
          hits.push({
            line: w.line,
            column: w.column + o.offset,
            stepId: command.step.id,
            message: `bash expands "$${o.name}" here (an unset variable, so the empty string): the URL sends "=${w.raw.slice(o.offset + o.name.length + 2, o.offset + o.name.length + 22)}…" without the $${o.name} option, and the service answers without applying it. Use single quotes around the URL, or write \\$${o.name}.`,
            suggestion: w.raw.slice(0, o.offset) + '\\' + w.raw.slice(o.offset),
          });
        }
      }
    }
    return hits;
  },
};
