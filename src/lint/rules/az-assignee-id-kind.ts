// --assignee given one kind of id (client/app id) where the prose speaks of the other (principal/object id); in Azure
// PowerShell, a value named as one kind given to the parameter that takes the other (New-AzRoleAssignment -ObjectId
// $clientId, Set-AzKeyVaultAccessPolicy -ObjectId <APP_ID>, -ApplicationId/-ServicePrincipalName $principalId).
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { azOption } from '../commands.ts';
import { placeholdersIn } from '../text.ts';
import { eachCmdlet, psParameter } from '../powershell-commands.ts';
import type { PsValue } from '../../model.ts';

type Kind = 'client' | 'principal';

function kindOfKey(key: string): Kind | undefined {
  const client = /(^|_)(CLIENT|APP|APPLICATION)(_|$)|CLIENTID|APPID/.test(key);
  const principal = /(^|_)(PRINCIPAL|OBJECT|OID)(_|$)|PRINCIPALID|OBJECTID/.test(key);
  // A name of both kinds says neither: <object-id-of-app-or-user> (azure-security-docs @1c4310be
  // key-vault/general/apps-api-keys-secrets.md) asks for an object id, of an app or a user; $appObjectId
  // is the app registration's object id.
  if (client && principal) return undefined;
  return client ? 'client' : principal ? 'principal' : undefined;
}

/**
 * The kind of id a PowerShell value names: a <placeholder>'s key, or a variable's (last member's) name in camel or
 * snake case (`$clientId`, `$identity.ClientId`, `$sp.AppId`, `$env:PRINCIPAL_ID`); undefined when nothing says.
 */
function kindOfPsValue(v: PsValue): Kind | undefined {
  const placeholder = placeholdersIn(v.text)[0];
  if (placeholder) return kindOfKey(placeholder.key);
  if (v.kind !== 'variable' && v.kind !== 'member') return undefined;
  const last = /([A-Za-z_]\w*)\W*$/.exec(v.text.replace(/\(\)$/, ''))?.[1] ?? '';
  const key = last.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
  return kindOfKey(key);
}

// The Azure PowerShell parameters that take one kind of id (Az.Resources, Az.KeyVault help): an object id, or an
// application (client) id — New-AzRoleAssignment -ApplicationId's aliases are -ServicePrincipalName and -SPN.
const PS_TAKES: { cmdlet: string; parameter: string; takes: Kind }[] = [
  { cmdlet: 'New-AzRoleAssignment', parameter: 'ObjectId', takes: 'principal' },
  { cmdlet: 'New-AzRoleAssignment', parameter: 'ApplicationId', takes: 'client' },
  { cmdlet: 'Set-AzKeyVaultAccessPolicy', parameter: 'ObjectId', takes: 'principal' },
  { cmdlet: 'Set-AzKeyVaultAccessPolicy', parameter: 'ServicePrincipalName', takes: 'client' },
];

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
  shortDescription: 'az role assignment create --assignee gets a client id where the prose says principal id, or vice versa; New-AzRoleAssignment / Set-AzKeyVaultAccessPolicy -ObjectId gets a value named as a client (app) id, or -ApplicationId/-ServicePrincipalName one named as an object id.',
  fullDescription:
    'A managed identity has two ids: the client (application) id and the principal (object) id, which role assignments are made for. --assignee with a client id makes az look the service principal up in Microsoft Graph first, which fails for a freshly created identity (replication delay) or without Graph read permission. When the prose and the placeholder disagree about which id to use, readers paste the wrong one. Azure PowerShell names the kind in the parameter: New-AzRoleAssignment and Set-AzKeyVaultAccessPolicy -ObjectId take the object (principal) id, -ApplicationId (alias -ServicePrincipalName, -SPN) and Set-AzKeyVaultAccessPolicy -ServicePrincipalName the application (client) id (Azure/azure-powershell Az.Resources and Az.KeyVault help: "Specify the application ID, also known as client ID"); a <placeholder> or variable whose name says the other kind ($clientId, <APP_ID>, $identity.ClientId) is reported.',
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
    for (const t of PS_TAKES) {
      for (const c of eachCmdlet(doc, t.cmdlet)) {
        const b = psParameter(c, t.parameter);
        const given = b?.value ? kindOfPsValue(b.value) : undefined;
        if (!b?.value || !b.valueWhere || !given || given === t.takes) continue;
        hits.push({
          ...b.valueWhere,
          stepId: c.step.id,
          message:
            t.takes === 'principal'
              ? `${t.cmdlet} -${b.written} is given ${b.value.text}, a client (application) id by its name, but -${t.parameter} takes the principal's object id: the two ids of one identity differ, so no principal has that object id and the ${t.cmdlet === 'New-AzRoleAssignment' ? 'role assignment' : 'access policy'} is refused (or, where the lookup is bypassed, made for an id the app never signs in as). Pass the object id (the identity's PrincipalId, the service principal's Id)${t.cmdlet === 'New-AzRoleAssignment' ? ', or the client id with -ApplicationId' : ', or the client id with -ServicePrincipalName'}.`
              : `${t.cmdlet} -${b.written} is given ${b.value.text}, an object (principal) id by its name, but -${t.parameter} takes the application (client) id and looks the service principal up by it: an object id finds none. Pass the app's client id (AppId, ClientId), or the object id with -ObjectId.`,
        });
      }
    }
    return hits;
  },
};
