// A Resource Manager answer carries the id of the resource the request names, and that id's last
// segment as its name: an example whose id or name names another resource contradicts its request.
// az prints the resource its --name and --resource-group name the same way.
import type { Rule, RuleHit } from '../rule.ts';
import { locateKey } from '../../parse/json-reader.ts';
import { eachAz, eachCurl } from '../each.ts';
import { azOption } from '../commands.ts';
import { armEchoMismatches, armResourcePath } from '../../reference/arm-echo.ts';

export const exampleIdVsRequest: Rule = {
  id: 'example-id-vs-request',
  name: 'ExampleIdVsRequest',
  severity: 'warning',
  shortDescription: "A Resource Manager response example's id or name names another resource than the request's URL (or the az command's --name / --resource-group).",
  fullDescription:
    'Resource Manager answers a GET, PUT or PATCH of a resource with that resource: its "id" is the request path (any letter case) and its "name" the last segment. An example whose id or name differs in a segment the page wrote out (not a placeholder) shows a resource the request does not return, and a check built from the page fails on every real response. az create, show and update print the resource their --name and --resource-group name in the same way (its "name", its "resourceGroup", and an "id" ending in that name), unless --query projects it.',
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
    for (const { command, az } of eachAz(doc)) {
      if (!AZ_VERBS.has(az.path[az.path.length - 1] ?? '') || az.options.some((o) => o.name === '--query')) continue;
      const block = doc.json.find((b) => b.role === 'response' && b.step === command.step);
      const v = block?.read.value;
      if (!block || !v || typeof v !== 'object' || Array.isArray(v)) continue;
      const obj = v as Record<string, unknown>;
      // An ARM resource az prints as it is (not a data-plane object, not a wrapper of several).
      if (typeof obj['id'] !== 'string' || !/^\/subscriptions\//i.test(obj['id'])) continue;
      // The example names the resource the command names, but its id ends in another name: a
      // resource's id ends with its name (the create prints one resource).
      const given = azOption(az, '--name', '-n')?.value?.value;
      const last = /\/([^/]+)\/?$/.exec(obj['id'])?.[1];
      if (given !== undefined && last !== undefined && typeof obj['name'] === 'string' && obj['name'].toLowerCase() === given.toLowerCase() && !chosen(given) && !chosen(last) && last.toLowerCase() !== given.toLowerCase()) {
        const at = locateKey(block.read, 'id') ?? { line: block.json.source.startLine, column: 1 };
        hits.push({
          line: at.line,
          column: at.column,
          stepId: command.step.id,
          message: `the example's id ends in "${last}" but its name is "${given}", the --name az ${az.path.join(' ')} on line ${command.step.source.startLine} is given: a resource's id ends with its name. Show an id ending in /${given}.`,
        });
      }
      for (const [key, names, what] of AZ_ECHOES) {
        const given = azOption(az, ...names)?.value?.value;
        const shown = obj[key];
        if (given === undefined || typeof shown !== 'string' || chosen(given) || chosen(shown) || given.toLowerCase() === shown.toLowerCase()) continue;
        const at = locateKey(block.read, key) ?? { line: block.json.source.startLine, column: 1 };
        hits.push({
          line: at.line,
          column: at.column,
          stepId: command.step.id,
          message: `the example's ${key} is "${shown}" but az ${az.path.join(' ')} on line ${command.step.source.startLine} is given ${names[0]} ${given}: az prints the resource the command names, whose ${what} is "${given}". Show "${key}": "${given}" (or change the command).`,
        });
      }
    }
    return hits;
  },
};

/** az commands that print the one resource their --name and --resource-group name. */
const AZ_VERBS = new Set(['create', 'show', 'update']);
const AZ_ECHOES: readonly [string, readonly string[], string][] = [
  ['name', ['--name', '-n'], 'name'],
  ['resourceGroup', ['--resource-group', '-g'], 'resource group'],
];
/** A value the reader chooses, or one the page writes with HTML entities (another rule's finding). */
const chosen = (s: string): boolean => /[<>{}$`&…]|\.\.\./.test(s) || s.trim() === '';
