// A Resource Manager answer carries the id of the resource the request names, and that id's last
// segment as its name: an example whose id or name names another resource contradicts its request.
import type { Rule, RuleHit } from '../rule.ts';
import { locateKey } from '../../parse/json-reader.ts';
import { eachCurl } from '../each.ts';
import { armEchoMismatches, armResourcePath } from '../../reference/arm-echo.ts';

export const exampleIdVsRequest: Rule = {
  id: 'example-id-vs-request',
  name: 'ExampleIdVsRequest',
  severity: 'warning',
  shortDescription: "A Resource Manager response example's id or name names another resource than the request's URL.",
  fullDescription:
    'Resource Manager answers a GET, PUT or PATCH of a resource with that resource: its "id" is the request path (any letter case) and its "name" the last segment. An example whose id or name differs in a segment the page wrote out (not a placeholder) shows a resource the request does not return, and a check built from the page fails on every real response.',
  help: 'Show the id and name of the resource the request names (or change the request).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, curl } of eachCurl(doc)) {
      const path = armResourcePath(curl.method, curl.urls[0]?.value ?? '');
      if (!path) continue;
      const block = doc.json.find((b) => b.role === 'response' && b.step === command.step);
      if (!block) continue;
      for (const m of armEchoMismatches(path, block.read.value)) {
        const at = locateKey(block.read, m.key) ?? { line: block.json.source.startLine, column: 1 };
        hits.push({
          line: at.line,
          column: at.column,
          stepId: command.step.id,
          message:
            m.key === 'id'
              ? `the example's id has "${m.segment!.shown}" where the request on line ${command.step.source.startLine} has "${m.segment!.expected}": Resource Manager returns the resource the request names, id ${m.expected}. Show that id (or change the request).`
              : `the example's name is "${m.shown}" but the request on line ${command.step.source.startLine} names "${m.expected}": a resource's name is the last segment of its id. Show "name": "${m.expected}".`,
        });
      }
    }
    return hits;
  },
};
