// az prints resources flattened; a nested "properties" object is the REST body, not CLI output.
import type { Rule, RuleHit } from '../rule.ts';
import { locateKey } from '../../parse/json-reader.ts';
import { contractedJson } from '../contract-check.ts';

export const azOutputShape: Rule = {
  id: 'az-output-shape',
  name: 'AzOutputShape',
  severity: 'warning',
  shortDescription: 'An az output example nests fields under "properties" although az prints them flat.',
  fullDescription:
    'The Azure CLI flattens ARM resources: `az role assignment create` prints principalId, roleDefinitionId and scope at the top level (next to principalType, createdOn, condition…). An example with a nested "properties" object shows the REST body, so `--query properties.principalId` written from it returns nothing.',
  help: 'Show the flat object az prints today (or label the example as the REST response).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { read, match } of contractedJson(doc)) {
      if (!match.contract.flat || !match.az) continue;
      const value = read.value;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
      const nested = (value as Record<string, unknown>)['properties'];
      if (nested === null || typeof nested !== 'object') continue;
      const at = locateKey(read, 'properties') ?? { line: read.block.json.source.startLine, column: 1 };
      const keys = Object.keys(nested as object);
      hits.push({
        line: at.line,
        column: at.column,
        ...(read.block.step ? { stepId: read.block.step.id } : {}),
        message: `az ${match.az.path.join(' ')} prints a flat object today: ${keys.join(', ')} are top-level fields, not under "properties" (this is the REST body). Move them up one level.`,
      });
    }
    return hits;
  },
};
