// --scope and --identities values that are not valid ARM ids.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { checkResourceId } from '../resource-id.ts';

const ID_OPTIONS = new Set(['--scope', '--identities', '--ids', '--assign-identity']);

export const azScopeNotResourceId: Rule = {
  id: 'az-scope-not-resource-id',
  name: 'AzScopeNotResourceId',
  severity: 'error',
  shortDescription: 'An az --scope (or --identities) value is not a valid resource id.',
  fullDescription:
    'Scopes are ARM ids: after the provider namespace, types and names alternate. "…/blobServices/default/<CONTAINER NAME>" lacks the "containers" type, so ARM reads the container name as a resource type and rejects the scope (InvalidResourceType / MissingSubscription-style errors), and the role is never assigned where the tutorial wants it.',
  help: 'Write the full id, e.g. …/storageAccounts/<ACCOUNT>/blobServices/default/containers/<CONTAINER NAME>.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      for (const o of az.options) {
        if (!ID_OPTIONS.has(o.name) || !o.value) continue;
        const id = o.value.value.trim();
        if (!id.startsWith('/')) continue;
        const { problems, suggestion } = checkResourceId(id);
        if (!problems.length) continue;
        hits.push({
          line: o.value.line,
          column: o.value.column + (o.value.quoted ? 1 : 0) + (problems[0]?.offset ?? 0),
          stepId: command.step.id,
          message: `${o.name} is not a valid resource id: ${problems.map((p) => p.message).join('; ')}. Write "${suggestion}".`,
          suggestion,
        });
      }
    }
    return hits;
  },
};
