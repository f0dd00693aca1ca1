// Values in one example that contradict the command they answer or another example of the page:
// a role assignment whose scope is not the --scope given, whose id does not live under its own
// scope, or whose principalId is not the identity's created a step earlier.
import type { Rule, RuleHit } from '../rule.ts';
import { locateKey } from '../../parse/json-reader.ts';
import type { ReadJson } from '../document.ts';
import { contractFor, contracts } from '../contracts.ts';
import { azOption } from '../commands.ts';
import { catalogRole } from '../../reference/rbac.ts';

type Obj = Record<string, unknown>;

function flat(value: unknown): Obj | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Obj;
  const nested = v['properties'];
  return nested && typeof nested === 'object' && !Array.isArray(nested) ? { ...v, ...(nested as Obj) } : v;
}

const str = (o: Obj, k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
const norm = (s: string): string => s.trim().replace(/\/+$/, '').toLowerCase();
// `{roleDefinitionId}` as REST references and the container-registry ABAC page write it is a placeholder too.
const isPlaceholderish = (s: string): boolean => /^<[^>]+>$/.test(s) || /^\{[A-Za-z][\w.-]*\}$/.test(s) || /^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(s);

/**
 * Two ids that can be the same: segment by segment equal, or a placeholder on either side. A --scope
 * held in a shell variable (`--scope "$scope"`, set from `az acr show --query id` on the ABAC page)
 * is whatever the page put there: nothing to compare.
 */
function mayBeSame(example: string, given: string): boolean {
  if (/\$/.test(given)) return true;
  const a = norm(example).split('/');
  const b = norm(given).split('/');
  return a.length === b.length && a.every((x, i) => x === b[i] || isPlaceholderish(x) || isPlaceholderish(b[i] as string));
}

export const exampleIdsInconsistent: Rule = {
  id: 'example-ids-inconsistent',
  name: 'ExampleIdsInconsistent',
  severity: 'warning',
  shortDescription: 'An example contradicts its own command or another example (scope, id, name, principal, role).',
  fullDescription:
    'A role assignment answer always has the scope it was created at, an id that starts with that scope, a name equal to the id\'s last segment and the principalId it was made for. When the example disagrees with the command above it or with the identity created earlier, readers cannot use it to check their own result.',
  help: 'Make the example agree with the command it answers (same scope, same principal, the role\'s definition id).',
  check(doc) {
    const hits: RuleHit[] = [];
    type Identity = { read: ReadJson; value: Obj; group: string | undefined; locationGiven: boolean; line: number };
    const identities: Identity[] = [];
    const identitiesIn = new Map<string, Identity[]>(); // by resource group, lower case
    for (const block of doc.json) {
      if (block.role !== 'response') continue;
      const match = contractFor(doc, block);
      if (match?.curl && match.contract === contracts.RESOURCE_GROUP) {
        // az identity create without --location takes the group's location: an identity example and
        // a resource-group example of the same group must agree on it.
        const read = block.read;
        const group = flat(read.value);
        const location = group ? str(group, 'location') : undefined;
        const requested = /\/resourcegroups\/([^/?]+)/i.exec(match.curl.urls[0]?.value ?? '')?.[1];
        for (const identity of (requested && identitiesIn.get(requested.toLowerCase())) || []) {
          const other = str(identity.value, 'location');
          if (!location || !other || identity.locationGiven || other.toLowerCase() === location.toLowerCase()) continue;
          if (!requested || !identity.group || requested.toLowerCase() !== identity.group.toLowerCase()) continue;
          const at = locateKey(read, 'location') ?? { line: block.json.source.startLine, column: 1 };
          hits.push({
            line: at.line,
            column: at.column,
            ...(block.step ? { stepId: block.step.id } : {}),
            message: `the resource group ${requested} is shown in location ${JSON.stringify(location)}, but the identity created in it on line ${identity.line} without --location is shown in ${JSON.stringify(other)}; az identity create takes the group's location, so one of the two examples is wrong. Show the same location in both.`,
          });
        }
        continue;
      }
      if (!match?.az) continue;
      const read = block.read;
      const value = flat(read.value);
      if (!value) continue;
      const stepId = block.step?.id;
      const push = (key: string, message: string, hint?: string): void => {
        const at = locateKey(read, key, hint) ?? { line: block.json.source.startLine, column: 1 };
        hits.push({ line: at.line, column: at.column, ...(stepId ? { stepId } : {}), message });
      };
      const id = str(value, 'id');
      const name = str(value, 'name');
      if (id && name && !isPlaceholderish(name) && id.split('/').pop() !== name)
        push('name', `"name" is ${JSON.stringify(name)} but the id ends with ${JSON.stringify(id.split('/').pop())}; ARM's name is always the id's last segment. Make them the same.`);
      if (match.contract === contracts.AZ_IDENTITY_CREATE) {
        const identity: Identity = {
          read,
          value,
          group: azOption(match.az, '-g', '--resource-group')?.value?.value,
          locationGiven: azOption(match.az, '-l', '--location') !== undefined,
          line: match.az.words[0]?.line ?? block.json.source.startLine,
        };
        identities.push(identity);
        if (identity.group) {
          const key = identity.group.toLowerCase();
          const list = identitiesIn.get(key);
          if (list) list.push(identity);
          else identitiesIn.set(key, [identity]);
        }
        continue;
      }
      if (match.contract !== contracts.AZ_ROLE_ASSIGNMENT_CREATE) continue;
      const scope = str(value, 'scope');
      const given = azOption(match.az, '--scope')?.value?.value;
      if (scope && given && !mayBeSame(scope, given))
        push('scope', `the example's scope ${JSON.stringify(scope)} is not the --scope the command gives (${JSON.stringify(given.trim())}); a role assignment is returned with the scope it was created at. Show the --scope value.`);
      if (scope && id && !norm(id).startsWith(`${norm(scope)}/providers/microsoft.authorization/roleassignments/`))
        push('id', `the example's id ${JSON.stringify(id)} does not start with its own scope ${JSON.stringify(scope)}: a role assignment's id is <scope>/providers/Microsoft.Authorization/roleAssignments/<name>. Write the id under the scope.`);
      const role = azOption(match.az, '--role')?.value?.value.replace(/[\u2018\u2019\u201c\u201d'"]/gu, '');
      const definition = str(value, 'roleDefinitionId');
      const known = role ? catalogRole(role) : undefined;
      const guid = definition?.split('/').pop();
      if (known?.id && guid && !isPlaceholderish(guid) && guid.toLowerCase() !== known.id)
        push('roleDefinitionId', `roleDefinitionId ends with ${guid}, but --role ${known.roleName} is role definition ${known.id}. Write ${known.id}.`);
      const principal = str(value, 'principalId');
      const identity = identities[identities.length - 1];
      const identityPrincipal = identity ? str(identity.value, 'principalId') : undefined;
      if (principal && identityPrincipal && !isPlaceholderish(principal) && !isPlaceholderish(identityPrincipal) && principal !== identityPrincipal) {
        const where = identity ? (locateKey(identity.read, 'principalId')?.line ?? identity.read.block.json.source.startLine) : 0;
        push('principalId', `the role assignment's principalId ${JSON.stringify(principal)} is not the principalId of the identity created above (${JSON.stringify(identityPrincipal)}, line ${where}), although the assignment is made for that identity. Show the identity's principalId in both examples.`);
      }
    }
    return hits;
  },
};
