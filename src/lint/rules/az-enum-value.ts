// A value az does not accept for an option with a fixed set of values (the reference's accepted
// values: --sku, --functions-version, --assignee-principal-type…). Literal values only: a placeholder
// or a variable is the reader's to fill; az compares case-insensitively.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';

const NOT_LITERAL = /[<>{}$[\]`*]/;
const BOOL_WORDS = new Set(['0', '1', 'f', 'false', 'n', 'no', 't', 'true', 'y', 'yes']);

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
        if (!p.enum || p.extension !== undefined || p.global) continue;
        const accepted = new Set(p.enum.map((v) => v.toLowerCase()));
        const booleans = [...accepted].every((v) => BOOL_WORDS.has(v));
        const words = o.inline !== undefined ? [{ value: o.inline, word: az.words[o.at + 1] }] : o.values.map((k) => ({ value: az.words[k + 1]?.value ?? '', word: az.words[k + 1] }));
        for (const { value, word } of words) {
          if (value === '' || NOT_LITERAL.test(value)) continue;
          if (accepted.has(value.toLowerCase()) || (booleans && BOOL_WORDS.has(value.toLowerCase()))) continue;
          // An extension that redefines the command may take more values (aks-preview's az aks create
          // --os-sku AzureLinuxOSGuard): with it installed, az accepts the value.
          if (byExtension(p.extensionValues, value)) continue;
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

/** An extension's definition of the command accepts the value (or lists no values, so takes any). */
function byExtension(values: Readonly<Record<string, readonly string[]>> | undefined, value: string): boolean {
  const v = value.toLowerCase();
  return Object.values(values ?? {}).some((list) => list.some((x) => x === '*' || x.toLowerCase() === v));
}
