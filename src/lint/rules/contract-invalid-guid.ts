// Ids that look like GUIDs but are not: a reader comparing the real response with the page, or a
// tool validating it, cannot tell a placeholder from a defect.
import type { Rule, RuleHit } from '../rule.ts';
import { walk, locateKey, locateValue } from '../../parse/json-reader.ts';
import { contractFor, fieldAt } from '../contracts.ts';
import { isGuid, nearGuids, whyNotGuid } from '../guid.ts';
import { dotted, isPlaceholderValue } from '../contract-check.ts';

export const contractInvalidGuid: Rule = {
  id: 'contract-invalid-guid',
  name: 'ContractInvalidGuid',
  severity: 'error',
  shortDescription: 'An example shows an id that is not a GUID where Azure returns a GUID.',
  fullDescription:
    'clientId, principalId, tenantId, role assignment names and the last segment of their ids are GUIDs (format uuid in the REST specs). Example values such as "…c3a0fdc190fz", "…b533bl" or "9012" are not, so a validator built from the page rejects every real response, and readers copy impossible values.',
  help: 'Use a well-formed example GUID (8-4-4-4-12 hexadecimal digits, e.g. 00001111-aaaa-2222-bbbb-3333cccc4444) or a placeholder such as <PRINCIPAL ID>.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const block of doc.json) {
      const read = block.read;
      if (read.value === undefined) continue;
      const match = contractFor(doc, block);
      const stepId = block.step?.id;
      for (const leaf of walk(read.value)) {
        if (typeof leaf.value !== 'string' || isPlaceholderValue(leaf.value)) continue;
        const key = leaf.path[leaf.path.length - 1] ?? '';
        const field = match ? fieldAt(match.contract, leaf.path) : undefined;
        if (field?.format === 'uuid' && !isGuid(leaf.value)) {
          const at = locateKey(read, key, JSON.stringify(leaf.value)) ?? { line: block.json.source.startLine, column: 1 };
          hits.push({
            line: at.line,
            column: at.column,
            ...(stepId ? { stepId } : {}),
            message: `${dotted(leaf.path)} is ${JSON.stringify(leaf.value)}, which is not a GUID (${whyNotGuid(leaf.value)}); ${match?.contract.operation} returns a GUID there. Use a well-formed example GUID or a placeholder.`,
          });
          continue;
        }
        for (const near of nearGuids(leaf.value)) {
          const at = locateValue(read, leaf.value);
          const line = read.lines.find((l) => l.line === at?.line);
          const column = line ? line.text.indexOf(near.text) + 1 : (at?.column ?? 1);
          hits.push({
            line: at?.line ?? block.json.source.startLine,
            column,
            ...(stepId ? { stepId } : {}),
            message: `${JSON.stringify(near.text)} in ${dotted(leaf.path)} looks like a GUID but is not one: ${whyNotGuid(near.text)}. Azure never returns such an id. Use a well-formed example GUID.`,
          });
        }
      }
    }
    return hits;
  },
};
