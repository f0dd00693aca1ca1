// A value az does not accept for an option with a fixed set of values (the reference's accepted
// values: --sku, --functions-version, --assignee-principal-type…). Literal values only: a placeholder
// or a variable is the reader's to fill; az compares case-insensitively.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { enumRejects } from '../../reference/az-args.ts';

export const azEnumValue: Rule = {
  id: 'az-enum-value',
  name: 'AzEnumValue',
  severity: 'error',
  shortDescription: 'An az option is given a value outside the values it accepts.',
  fullDescription:
    'Options with a fixed set of values (the Azure CLI reference lists them as accepted values) reject anything else before any request is made: a retired value (--functions-version 3), a misspelling or a value of another option. A value that an extension\'s definition of the same command accepts (the reference lists az aks create of aks-preview with --os-sku AzureLinuxOSGuard) is not reported.',
  help: 'Use one of the values the command\'s reference lists (the finding names them).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      if (az.read.found.kind !== 'command' || az.read.found.command.source.kind === 'extension') continue;
      for (const o of az.read.options) {
        if (o.lookup.kind !== 'parameter') continue;
        const p = o.lookup.parameter;
        if (!p.enum) continue;
        const words = o.inline !== undefined ? [{ value: o.inline, word: az.words[o.at + 1] }] : o.values.map((k) => ({ value: az.words[k + 1]?.value ?? '', word: az.words[k + 1] }));
        for (const { value, word } of words) {
          if (!enumRejects(p, value)) continue;
          hits.push({
            line: word?.line ?? command.step.source.startLine,
            column: word?.column ?? 1,
            stepId: command.step.id,
            message: `${o.written} does not accept "${value}" on 'az ${az.read.found.command.path}': the values it takes are ${p.enum.join(', ')}.`,
          });
        }
      }
    }
    return hits;
  },
};
