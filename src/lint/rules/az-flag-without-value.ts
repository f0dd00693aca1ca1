// "--container-name" with nothing after it: az stops with "expected one argument" — only where the
// command table says the parameter takes a value (a flag such as `az login --identity` takes none,
// `--assign-identity` zero or more), and never on az's default alone (evidence `none`).
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { azOptionNames } from '../../reference/az-args.ts';

const LONE_FLAG = /^(\s*)(--?[A-Za-z][\w-]*)\s*$/;

export const azFlagWithoutValue: Rule = {
  id: 'az-flag-without-value',
  name: 'AzFlagWithoutValue',
  severity: 'error',
  shortDescription: 'An az option that needs a value is written without one.',
  fullDescription:
    'Options such as --container-name, --file, --name, --account-name and --sas-token take a value (the Azure CLI reference says which do: flags such as az login --identity take none). Written bare, az fails with "argument --container-name/-c: expected one argument"; written on lines of their own without a trailing backslash, bash runs each line as a separate command ("--file: command not found").',
  help: 'Give each option its value (placeholders are fine: --container-name <CONTAINER NAME>) and end continued lines with a backslash.',
  check(doc) {
    const hits: RuleHit[] = [];
    const reported = new Set<number>();
    for (const { command, az } of eachAz(doc)) {
      for (const o of az.options) {
        if (o.value !== undefined || o.lookup.kind !== 'parameter' || !o.missingValue?.sure) continue;
        reported.add(o.nameWord.line);
        const names = azOptionNames(o.lookup.parameter);
        const ownLine = o.nameWord.line !== command.step.source.startLine && LONE_FLAG.test(doc.line(o.nameWord.line));
        hits.push({
          line: o.nameWord.line,
          column: o.nameWord.column,
          stepId: command.step.id,
          message: `${o.name} has no value: az stops with "argument ${names}: expected one argument"${ownLine ? ', and on a line of its own without a backslash before it bash even runs it as a separate command' : ''}. Write ${o.name} <VALUE> (e.g. a placeholder the prose explains).`,
        });
      }
      // Flags on the lines after the command, with no backslash to continue it: outside the step
      // the parser saw, but part of what the page tells the reader to type.
      const last = command.step.source.endLine;
      if (/\\\s*$/.test(doc.line(last))) continue;
      for (let n = last + 1; n <= doc.lineCount; n++) {
        const m = LONE_FLAG.exec(doc.line(n));
        if (!m || reported.has(n)) break;
        const flag = m[2] as string;
        hits.push({
          line: n,
          column: (m[1] as string).length + 1,
          stepId: command.step.id,
          message: `${flag} stands alone on its own line after "az ${az.path.join(' ')}" with no backslash on the line before: bash runs it as a separate command ("${flag}: command not found"). Write it on the az line (or continue the line before with " \\").`,
        });
      }
    }
    return hits;
  },
};
