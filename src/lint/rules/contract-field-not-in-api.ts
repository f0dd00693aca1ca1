// Fields an example shows that the operation's API version does not have.
import type { Rule, RuleHit } from '../rule.ts';
import { locateKey } from '../../parse/json-reader.ts';
import { contractedJson, describeContract, dotted } from '../contract-check.ts';

export const contractFieldNotInApi: Rule = {
  id: 'contract-field-not-in-api',
  name: 'ContractFieldNotInApi',
  severity: 'warning',
  shortDescription: 'An example response has a field the operation does not return in its API version.',
  fullDescription:
    'Examples copied from preview-era output keep fields that were removed (clientSecretUrl of the 2015-08-31-preview identity API, refresh_token of the retired VM-extension endpoint). Readers then look for values that no longer exist.',
  help: 'Remove the field from the example, or show the output of the current API version.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { read, match, leaves } of contractedJson(doc)) {
      const stepId = read.block.step?.id;
      for (const { leaf, field, parent } of leaves) {
        if (field || !parent || parent.map || parent.type !== 'object' || !parent.properties) continue;
        const key = leaf.path[leaf.path.length - 1] ?? '';
        // The answer's object: the root, or each item of a list answer.
        const depth = match.contract.root.type === 'array' ? 2 : 1;
        if (match.contract.flat && key === 'properties' && leaf.path.length === depth) continue; // az-output-shape says it
        const at = locateKey(read, key) ?? { line: read.block.json.source.startLine, column: 1 };
        const why = leaf.path.length === depth ? match.contract.absent?.[key] : undefined;
        hits.push({
          line: at.line,
          column: at.column,
          ...(stepId ? { stepId } : {}),
          message: why
            ? `${dotted(leaf.path)}: ${why}. Remove it from the example.`
            : `${dotted(leaf.path)} is not a field of ${describeContract(match.contract)}. Remove it or show current output.`,
        });
      }
    }
    return hits;
  },
};
