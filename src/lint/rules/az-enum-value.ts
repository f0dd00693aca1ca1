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
    'Options with a fixed set of values (the Azure CLI reference lists them as accepted values) reject anything else before any request is made: a retired value (--functions-version 3), a misspelling or a value of another option. Where an extension defines the command again with more accepted values (aks-preview\'s az aks create --acns-transit-encryption-type takes mTLS, core az only None and WireGuard: MicrosoftDocs/azure-docs-cli docs-ref-autogen/Latest-version/latest/aks.yml), those values are not reported: az runs the extension\'s definition once it is installed.',
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
          // A value only an extension's definition of the command accepts (aks-preview's mTLS): az takes it once that extension is installed.
          if (Object.values(p.extensionEnum).some((vs) => vs.some((v) => v.toLowerCase() === value.toLowerCase()))) continue;
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
