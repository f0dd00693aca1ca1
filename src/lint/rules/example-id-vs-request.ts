// A Resource Manager answer carries the id of the resource the request names, and that id's last
// segment as its name: an example whose id or name names another resource contradicts its request.
import type { Rule, RuleHit } from '../rule.ts';
import { locateKey } from '../../parse/json-reader.ts';
import { eachCurl } from '../each.ts';

/** A segment the reader chooses or the page elides: matches anything. */
const CHOSEN = /[<>{}$…]|^\.\.\.$|^0{8}-0{4}-0{4}-0{4}-0{12}$|^x{8}/i;
const same = (a: string, b: string) => CHOSEN.test(a) || CHOSEN.test(b) || a.toLowerCase() === b.toLowerCase();

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
      if (!['GET', 'PUT', 'PATCH'].includes(curl.method.toUpperCase())) continue;
      const m = /^https:\/\/management\.azure\.com(\/[^?#]*)/i.exec(curl.urls[0]?.value ?? '');
      if (!m) continue;
      const path = m[1]!.split('/').filter(Boolean);
      if (path.length < 2 || path.length % 2 !== 0) continue; // a collection or an action, not one resource
      const block = doc.json.find((b) => b.role === 'response' && b.step === command.step);
      const value = block?.read.value;
      if (!block || !value || typeof value !== 'object' || Array.isArray(value)) continue;
      const obj = value as Record<string, unknown>;
      const id = typeof obj['id'] === 'string' ? (obj['id'] as string) : undefined;
      const ids = id?.split('/').filter(Boolean);
      if (id && ids && ids.length === path.length) {
        const k = ids.findIndex((s, i) => !same(s, path[i]!));
        if (k >= 0) {
          const at = locateKey(block.read, 'id') ?? { line: block.json.source.startLine, column: 1 };
          hits.push({
            line: at.line,
            column: at.column,
            stepId: command.step.id,
            message: `the example's id has "${ids[k]}" where the request on line ${command.step.source.startLine} has "${path[k]}": Resource Manager returns the resource the request names, id ${m[1]}. Show that id (or change the request).`,
          });
        }
      }
      const name = typeof obj['name'] === 'string' ? (obj['name'] as string) : undefined;
      const last = path[path.length - 1]!;
      if (name !== undefined && !name.includes('/') && !same(name, last)) {
        const at = locateKey(block.read, 'name') ?? { line: block.json.source.startLine, column: 1 };
        hits.push({
          line: at.line,
          column: at.column,
          stepId: command.step.id,
          message: `the example's name is "${name}" but the request on line ${command.step.source.startLine} names "${last}": a resource's name is the last segment of its id. Show "name": "${last}".`,
        });
      }
    }
    return hits;
  },
};
