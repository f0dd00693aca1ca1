// Enum values outside the contract, or values the service lists but no longer returns.
import type { Rule, RuleHit } from '../rule.ts';
import { locateKey } from '../../parse/json-reader.ts';
import { contractedJson, describeContract, dotted } from '../contract-check.ts';

export const contractEnumValue: Rule = {
  id: 'contract-enum-value',
  name: 'ContractEnumValue',
  severity: 'warning',
  shortDescription: 'An example shows an enum value the API does not return (today).',
  fullDescription:
    'Some values are outside the operation\'s enum; others are in the spec but impossible today, such as recoveryLevel "Purgeable" for a Key Vault secret now that soft delete is mandatory for every vault.',
  help: 'Show a value the service returns today (e.g. "Recoverable+Purgeable").',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { read, match, leaves } of contractedJson(doc)) {
      const stepId = read.block.step?.id;
      for (const { leaf, field } of leaves) {
        if (!field || typeof leaf.value !== 'string') continue;
        const key = leaf.path[leaf.path.length - 1] ?? '';
        const why = field.notReturned?.[leaf.value];
        const outside = field.enum && !field.enum.includes(leaf.value) && !/^<.*>$/.test(leaf.value);
        if (!why && !outside) continue;
        const at = locateKey(read, key, JSON.stringify(leaf.value)) ?? { line: read.block.json.source.startLine, column: 1 };
        hits.push({
          line: at.line,
          column: at.column,
          ...(stepId ? { stepId } : {}),
          ...(outside ? { severity: 'error' as const } : {}),
          ...(why ? { suggestion: why.instead } : {}),
          message: why
            ? `${dotted(leaf.path)} is ${JSON.stringify(leaf.value)}: ${why.why}. Write ${JSON.stringify(why.instead)}.`
            : `${dotted(leaf.path)} is ${JSON.stringify(leaf.value)}, which is not one of ${field.enum?.map((e) => JSON.stringify(e)).join(', ')} in ${describeContract(match.contract)}. Use one of those values.`,
        });
      }
    }
    return hits;
  },
};
