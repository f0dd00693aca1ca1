// The prose introduces a snippet of a Bicep file, but the block that follows is ARM template JSON
// (a parameter declared as "name": { "type": "object", "defaultValue": … }, a resource with
// "apiVersion" and "type": "Microsoft.…", a deploymentTemplate $schema). Bicep has its own syntax
// (param name object = {…}); pasted into a .bicep file, the JSON does not compile.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences } from '../fences.ts';

// What the lead-in says the snippet is part of; a JSON parameters file of a Bicep deployment is JSON.
const SAYS_BICEP = /\bBicep (?:file|template|module|code)\b|\bin Bicep\b|\.bicep\b/i;
const SAYS_JSON = /\bJSON\b(?! string| value| object to)|\bARM template\b|\bparameters? file\b|\.json\b|\bbicepparam\b/i;
// ARM template syntax: a parameter declaration (type + defaultValue/allowedValues/metadata), a resource, the template schema.
const ARM_PARAMETER = /"type"\s*:\s*"(?:string|securestring|int|bool|object|secureobject|array)"/i;
const ARM_PARAMETER_EXTRA = /"(?:defaultValue|allowedValues|minValue|maxValue|minLength|maxLength|metadata)"\s*:/;
const ARM_RESOURCE = /"apiVersion"\s*:|deploymentTemplate\.json#/;

export const bicepSnippetIsJson: Rule = {
  id: 'bicep-snippet-is-json',
  name: 'BicepSnippetIsJson',
  severity: 'warning',
  shortDescription: 'The prose introduces a piece of a Bicep file, but the block that follows is ARM template JSON.',
  fullDescription:
    'Bicep declares a parameter as `param <name> <type> = <default>` and a resource as `resource <symbol> \'<type>@<apiVersion>\' = {…}` (MicrosoftDocs/azure-docs articles/azure-resource-manager/bicep/parameters.md @b586120212ab); the JSON form ("name": { "type": "object", "defaultValue": {…} }, "apiVersion": …) is ARM template syntax. A reader told that "your Bicep file might include" such a block and pasting it into a .bicep file gets compile errors, and learns the wrong syntax. A JSON block the lead-in calls a parameters file, a .json file or an ARM template is not reported.',
  help: 'Show the Bicep form (param resourceTags object = { … }), or say the block is the equivalent ARM template JSON.',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    for (const fence of codeFences(doc)) {
      if (fence.info !== 'json' && fence.info !== 'jsonc') continue;
      // The lead-in: the last non-blank prose line within three lines above the fence.
      let lead = 0;
      for (let n = fence.open - 1; n >= Math.max(1, fence.open - 3) && lead === 0; n--) if (doc.line(n).trim() !== '') lead = n;
      if (lead === 0 || !doc.isProse(lead)) continue;
      // The sentence that leads into the block: the last one of that line.
      const line = doc.line(lead);
      const text = line.split(/(?<=[.!?])\s+/).pop() ?? line;
      if (!SAYS_BICEP.test(text) || SAYS_JSON.test(text)) continue;
      const body = Array.from({ length: Math.max(0, Math.min(fence.close, doc.lineCount + 1) - fence.open - 1) }, (_, i) => doc.line(fence.open + 1 + i)).join('\n');
      const arm = (ARM_PARAMETER.test(body) && ARM_PARAMETER_EXTRA.test(body)) || ARM_RESOURCE.test(body);
      if (!arm) continue;
      hits.push({
        line: lead,
        column: line.lastIndexOf(text) + (SAYS_BICEP.exec(text)?.index ?? 0) + 1,
        endLine: fence.open,
        message: `this sentence introduces part of a Bicep file, but the block after it (line ${fence.open + 1}) is ARM template JSON; Bicep writes a parameter as "param <name> <type> = <default>" (e.g. param resourceTags object = { … }), so the JSON pasted into a .bicep file does not compile. Show the Bicep form, or say the block is the ARM template equivalent.`,
      });
    }
    return hits;
  },
};
