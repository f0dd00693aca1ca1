// Values of the wrong JSON type: IMDS sends every token field as a string, Key Vault sends times as
// integers; an example that differs teaches readers to parse the wrong thing.
import type { Rule, RuleHit } from '../rule.ts';
import { locateKey } from '../../parse/json-reader.ts';
import { contractedJson, describeContract, dotted, typeOf } from '../contract-check.ts';

export const contractTypeMismatch: Rule = {
  id: 'contract-type-mismatch',
  name: 'ContractTypeMismatch',
  severity: 'error',
  shortDescription: 'An example value has another JSON type than the operation returns.',
  fullDescription:
    'The REST specs fix each field\'s type: IMDS token fields are strings ("expires_in": "3599"), Key Vault attribute times are integers, ADLS lengths are integers. An example with another type misleads code written from it (jq arithmetic, typed clients).',
  help: 'Write the value with the type the operation returns (quote numbers that are strings, unquote integers).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { read, match, leaves } of contractedJson(doc)) {
      const stepId = read.block.step?.id;
      for (const { leaf, field } of leaves) {
        if (!field || leaf.value === null) continue;
        const actual = typeOf(leaf.value);
        const ok = actual === field.type || (field.type === 'number' && actual === 'integer');
        if (ok) continue;
        const key = leaf.path[leaf.path.length - 1] ?? '';
        const at = locateKey(read, key) ?? { line: read.block.json.source.startLine, column: 1 };
        const fix = field.type === 'string' ? JSON.stringify(String(leaf.value)) : field.type === 'integer' && typeof leaf.value === 'string' && /^\d+$/.test(leaf.value) ? leaf.value : `a ${field.type}`;
        hits.push({
          line: at.line,
          column: at.column,
          ...(stepId ? { stepId } : {}),
          message: `${dotted(leaf.path)} is ${actual === 'integer' || actual === 'number' ? 'a number' : `a ${actual}`} (${JSON.stringify(leaf.value)}) but ${describeContract(match.contract)} types it as ${field.type}. Write ${fix}.`,
        });
      }
    }
    return hits;
  },
};
