// A JSON example the reader cannot use: a request body that the service would reject as malformed,
// or a response that no JSON tool (jq, a test) can read.
import type { Rule, RuleHit } from '../rule.ts';
import { withFix } from '../fix.ts';
import { jsonRepair } from '../json-repair.ts';

export const jsonExampleInvalid: Rule = {
  id: 'json-example-invalid',
  name: 'JsonExampleInvalid',
  severity: 'error',
  shortDescription: 'A JSON example does not parse (comments, missing commas, trailing commas…).',
  fullDescription:
    'JSON has no comments and needs a comma between members. A request body copied from such an example is rejected by Azure Resource Manager with 400 (InvalidRequestContent); a response example that does not parse cannot be compared with a real response.',
  help: 'Move explanations out of the JSON into the prose (or a table), and fix the syntax so that JSON.parse accepts the block.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const block of doc.json) {
      const read = block.read;
      if (read.ok) continue;
      const stepId = block.step?.id;
      const what = block.role === 'example' ? 'request body example' : 'response example';
      if (read.commentLines.length > 0) {
        const first = read.commentLines[0];
        const lines = read.commentLines.map((l) => l.line);
        hits.push({
          line: first?.line ?? block.json.source.startLine,
          column: (first?.text.indexOf('//') ?? 0) + 1,
          endLine: lines[lines.length - 1],
          ...(stepId ? { stepId } : {}),
          message: `this ${what} has "//" comments (lines ${lines.join(', ')}), which JSON does not allow: JSON.parse fails with "${read.error?.message}"${block.role === 'example' ? ', and a body sent this way is rejected with 400' : ''}. Put the explanations in the prose and keep the JSON bare.`,
        });
        continue;
      }
      hits.push({
        line: read.error?.line ?? block.json.source.startLine,
        column: read.error?.column ?? 1,
        ...(stepId ? { stepId } : {}),
        message: `this ${what} is not valid JSON: ${read.error?.message}. Fix the syntax (a missing comma or quote, a trailing comma) so that the block parses.`,
        ...withFix(jsonRepair(doc, read)),
      });
    }
    return hits;
  },
};
