// --assignee given one kind of id (client/app id) where the prose speaks of the other (principal/object id).
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { azOption } from '../commands.ts';
import { placeholdersIn } from '../text.ts';

type Kind = 'client' | 'principal';

function kindOfKey(key: string): Kind | undefined {
  if (/(^|_)(CLIENT|APP|APPLICATION)(_|$)|CLIENTID|APPID/.test(key)) return 'client';
  if (/(^|_)(PRINCIPAL|OBJECT|OID)(_|$)|PRINCIPALID|OBJECTID/.test(key)) return 'principal';
  return undefined;
}

function kindOfProse(text: string): Kind | undefined {
  const client = /\bclient[ _-]?id\b|\bapp(lication)?[ _-]?id\b/i.test(text);
  const principal = /\bprincipal[ _-]?id\b|\bobject[ _-]?id\b/i.test(text);
  if (client === principal) return undefined;
  return client ? 'client' : 'principal';
}

export const azAssigneeIdKind: Rule = {
  id: 'az-assignee-id-kind',
  name: 'AzAssigneeIdKind',
  severity: 'warning',
  shortDescription: 'az role assignment create --assignee gets a client id where the prose says principal id, or vice versa.',
  fullDescription:
    'A managed identity has two ids: the client (application) id and the principal (object) id, which role assignments are made for. --assignee with a client id makes az look the service principal up in Microsoft Graph first, which fails for a freshly created identity (replication delay) or without Graph read permission. When the prose and the placeholder disagree about which id to use, readers paste the wrong one.',
  help: 'Use --assignee-object-id <PRINCIPAL ID> --assignee-principal-type ServicePrincipal with the identity\'s principalId, and make the prose name the same property.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      if (az.path.join(' ') !== 'role assignment create') continue;
      const assignee = azOption(az, '--assignee')?.value;
      if (!assignee) continue;
      const placeholder = placeholdersIn(assignee.value)[0];
      const given = placeholder ? kindOfKey(placeholder.key) : undefined;
      if (!given) continue;
      let prose: Kind | undefined;
      let proseLine: number | undefined;
      for (let n = command.step.source.startLine - 1; n >= Math.max(1, command.step.source.startLine - 6); n--) {
        if (!doc.isProse(n)) continue;
        const k = kindOfProse(doc.line(n));
        if (k) {
          prose = k;
          proseLine = n;
          break;
        }
      }
      const at = { line: assignee.line, column: assignee.column, stepId: command.step.id };
      if (prose && prose !== given) {
        hits.push({
          ...at,
          severity: 'error',
          message: `--assignee is ${assignee.value}, a ${given} id by its name, but the prose on line ${proseLine} says to use the identity's ${prose === 'client' ? 'clientId' : 'principalId'}: readers cannot tell which id to paste. Role assignments are made for the principalId; write --assignee-object-id <PRINCIPAL ID> --assignee-principal-type ServicePrincipal and say "principalId" in the prose.`,
        });
      } else if (given === 'client') {
        hits.push({
          ...at,
          message: `--assignee is given the identity's client id (${assignee.value}${proseLine ? `, as the prose on line ${proseLine} says` : ''}): the assignment is made for its principal id, so az must first resolve the client id through Microsoft Graph, which fails for a just-created identity ("Cannot find user or service principal in graph database") and needs Graph read permission. Write --assignee-object-id <PRINCIPAL ID> --assignee-principal-type ServicePrincipal with the principalId returned by az identity create.`,
          suggestion: '--assignee-object-id <PRINCIPAL ID> --assignee-principal-type ServicePrincipal',
        });
      }
    }
    return hits;
  },
};
