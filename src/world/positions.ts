// Where a placeholder stands says what it is: the host label of `*.vault.azure.net` is a vault,
// `/resourceGroups/<X>/` a resource group, `client_id=<X>` a client id, `--account-name <X>` a storage
// account (the az reference table resolves aliases and abbreviations: `-g`, `--resource-gr`), the
// `-n` of `az keyvault secret set` a secret, `"principalId": "<X>"` a principal. A shell variable
// assigned a placeholder (`storageAccount="<storage-account>"`) takes the role of the places the
// variable is used. The placeholder's own words decide only when no position does.
import type { Step, Tutorial } from '../model.ts';
import { findCommandPlaceholders, findShellVariables, placeholderKey } from '../parse/placeholders.ts';
import { findCommand, parameter } from '../reference/az-table.ts';
import { roleFromWords, type Role } from './roles.ts';

export type RoleEvidence = 'position' | 'variable' | 'words';

export interface RoleAt {
  role: Role;
  how: RoleEvidence;
  /** What decided it, for messages: "host label of *.vault.azure.net", "--vault-name of az keyvault secret set". */
  detail: string;
}

const HOSTS: [RegExp, Role, string][] = [
  [/^\.(?:vault|vaultcore)\.azure\.net\b/i, 'vault', 'host label of *.vault.azure.net'],
  [/^\.(?:blob|dfs|queue|table|file|web)\.core\.windows\.net\b/i, 'storage-account', 'host label of a storage endpoint (*.core.windows.net)'],
  [/^(?:\.scm)?\.azurewebsites\.net\b/i, 'web-app', 'host label of *.azurewebsites.net'],
];

/** The last path segment before the placeholder (lower case, as ARM matches them). */
const SEGMENTS: [RegExp, Role, string][] = [
  [/\/subscriptions\/$/, 'subscription-id', 'the subscriptions/ segment of a resource id'],
  [/\/resourcegroups\/$/, 'resource-group', 'the resourceGroups/ segment of a resource id'],
  [/\/microsoft\.keyvault\/vaults\/$/, 'vault', 'the Microsoft.KeyVault/vaults/ segment of a resource id'],
  [/\/microsoft\.storage\/storageaccounts\/$/, 'storage-account', 'the Microsoft.Storage/storageAccounts/ segment of a resource id'],
  [/\/microsoft\.managedidentity\/userassignedidentities\/$/, 'identity-name', 'the userAssignedIdentities/ segment of a resource id'],
  [/\/microsoft\.compute\/virtualmachines\/$/, 'vm', 'the virtualMachines/ segment of a resource id'],
  [/\/microsoft\.web\/sites\/$/, 'web-app', 'the Microsoft.Web/sites/ segment of a resource id'],
  [/\/microsoft\.web\/serverfarms\/$/, 'app-service-plan', 'the Microsoft.Web/serverfarms/ segment of a resource id'],
  [/\/roledefinitions\/$/, 'role', 'the roleDefinitions/ segment of a resource id'],
  [/\/roleassignments\/$/, 'other', 'the roleAssignments/ segment (an assignment GUID)'],
  [/\/managementgroups\/$/, 'other', 'the managementGroups/ segment (a management group id)'],
  [/\/blobservices\/default\/containers\/$/, 'container', 'the containers/ segment of a resource id'],
  [/\/fileservices\/default\/shares\/$/, 'file-share', 'the shares/ segment of a resource id'],
  [/\/queueservices\/default\/queues\/$/, 'queue', 'the queues/ segment of a resource id'],
  [/\/tableservices\/default\/tables\/$/, 'table', 'the tables/ segment of a resource id'],
  [/(?:login\.microsoftonline\.com|\/tenants)\/$/, 'tenant-id', 'the tenant segment of an Entra or ARM URL'],
  [/\.blob\.core\.windows\.net\/$/, 'container', 'the first path segment of a blob URL'],
  [/\.blob\.core\.windows\.net\/[^/\s?"']+\/(?:[^/\s?"']+\/)*$/, 'blob', 'the blob path of a blob URL'],
  [/\.file\.core\.windows\.net\/$/, 'file-share', 'the first path segment of a file URL'],
  [/\.queue\.core\.windows\.net\/$/, 'queue', 'the first path segment of a queue URL'],
  [/\.table\.core\.windows\.net\/$/, 'table', 'the first path segment of a table URL'],
  [/(?:\.vault\.azure\.net|:\/\/[^/\s]*)\/secrets\/$/, 'secret', 'the secrets/ segment of a Key Vault URL'],
  [/(?:\.vault\.azure\.net|:\/\/[^/\s]*)\/keys\/$/, 'key', 'the keys/ segment of a Key Vault URL'],
  [/(?:\.vault\.azure\.net|:\/\/[^/\s]*)\/certificates\/$/, 'certificate', 'the certificates/ segment of a Key Vault URL'],
  [/\/webhdfs\/v1\/$/, 'file-path', 'a WebHDFS path'],
];

const QUERY: [RegExp, Role, string][] = [
  [/(?:^|[?&\s'"])client_?id=$/i, 'client-id', 'the client_id= parameter'],
  [/(?:^|[?&\s'"])(?:object_?id|principal_?id)=$/i, 'principal-id', 'the object_id= parameter'],
  [/(?:^|[?&\s'"])(?:msi_res_id|mi_res_id)=$/i, 'resource-id', 'the msi_res_id= parameter'],
  [/(?:^|[?&\s'"])resource=$/i, 'resource-audience', 'the resource= parameter'],
  [/(?:^|[?&\s'"])api-version=$/i, 'api-version', 'the api-version= parameter'],
  [/(?:^|[?&\s'"])(?:sig|sv|se)=$/i, 'sas-token', 'a SAS parameter'],
  [/authorization:\s*bearer\s+$/i, 'access-token', 'the Authorization: Bearer header'],
  [/x-ms-version:\s*$/i, 'api-version', 'the x-ms-version header'],
];

const JSON_FIELDS: Record<string, Role> = {
  principalid: 'principal-id', objectid: 'object-id', clientid: 'client-id', appid: 'client-id', tenantid: 'tenant-id', subscriptionid: 'subscription-id',
  roledefinitionid: 'role', rolename: 'role', location: 'location', resourcegroup: 'resource-group', resourcegroupname: 'resource-group', scope: 'scope',
  vaultname: 'vault', keyvaultname: 'vault', storageaccountname: 'storage-account', accountname: 'storage-account', containername: 'container',
  secretname: 'secret', keyname: 'key', principaltype: 'other', assignablescopes: 'scope',
};

/**
 * A command whose --vault-name names a key vault: `az keyvault …`, and `az sf …` (cluster and application
 * certificates kept in Key Vault). `az backup`, `az site-recovery` and `az dataprotection` name their Recovery
 * Services or Backup vault with the same option (the az reference), which is no key vault.
 */
export function keyVaultOption(path: string): boolean {
  return /^(?:keyvault|sf)(?: |$)/.test(path);
}

/** az parameters by their canonical (first long) name, whatever command they belong to. */
const AZ_PARAMETERS: Record<string, Role> = {
  '--resource-group': 'resource-group', '--vault-name': 'vault', '--account-name': 'storage-account', '--storage-account': 'storage-account',
  '--container-name': 'container', '--subscription': 'subscription-id', '--location': 'location', '--assignee': 'principal-id',
  '--assignee-object-id': 'object-id', '--object-id': 'object-id', '--role': 'role', '--scope': 'scope', '--ids': 'resource-id', '--plan': 'app-service-plan',
  '--file': 'file-path', '--template-file': 'file-path', '--parameters': 'file-path', '--src': 'file-path', '--src-path': 'file-path', '--source': 'file-path',
  '--account-key': 'storage-key', '--sas-token': 'sas-token', '--connection-string': 'connection-string', '--upn': 'user-name', '--spn': 'client-id',
  '--username': 'user-name', '--user-name': 'user-name', '--password': 'password', '--tenant': 'tenant-id', '--identities': 'resource-id',
  '--mi-user-assigned': 'resource-id', '--blob-name': 'blob', '--share-name': 'file-share', '--queue-name': 'queue', '--table-name': 'table',
  '--vm-name': 'vm', '--identity-name': 'identity-name', '--app-id': 'client-id', '--id': 'resource-id', '--secret-name': 'secret', '--key-name': 'key',
  '--index-document': 'blob', '--404-document': 'blob', '--role-definition': 'other',
  '--function-app': 'function-app', '--web-app': 'web-app', '--hostname': 'other', '--resource': 'resource-audience', '--assignee-principal-type': 'other',
};

/** The `--name` of a command, by its group (longest first). */
const AZ_NAMES: [string, Role][] = [
  ['keyvault storage sas-definition', 'other'], ['keyvault storage', 'storage-account'], ['keyvault secret', 'secret'], ['keyvault key', 'key'], ['keyvault certificate', 'certificate'], ['keyvault', 'vault'],
  ['storage account', 'storage-account'], ['storage container', 'container'], ['storage blob', 'blob'], ['storage share', 'file-share'],
  ['storage queue', 'queue'], ['storage table', 'table'], ['identity', 'identity-name'], ['vm', 'vm'], ['webapp', 'web-app'],
  ['functionapp plan', 'app-service-plan'], ['functionapp', 'function-app'], ['appservice plan', 'app-service-plan'], ['role definition', 'role'], ['group', 'resource-group'],
];

const PATH_WORD = /^[a-z][a-z0-9-]*$/;

/** The az command whose option this is: the words after the last `az` before `at`, up to the first option. */
function azPathBefore(text: string, at: number): string[] | undefined {
  const before = text.slice(0, at);
  const m = /(?:^|[\s;&|(`])az\s+((?:[a-z][a-z0-9-]*\s+)*)(?=-|[^\s]*$)/g;
  let last: RegExpExecArray | undefined;
  for (let x = m.exec(before); x; x = m.exec(before)) last = x;
  if (!last) return undefined;
  return (last[1] ?? '').split(/\s+/).filter((w) => PATH_WORD.test(w));
}

/** Parameters that take any kind of principal: the placeholder's words say which (`<app-id>`, `{email}`). */
const ANY_PRINCIPAL = new Set(['--assignee', '--id', '--ids']);
const PRINCIPAL_ROLES = new Set<Role>(['principal-id', 'object-id', 'client-id', 'user-name', 'identity-name', 'resource-id', 'vm']);

function azParameterRole(text: string, at: number, flag: string, spelling: string): RoleAt | undefined {
  const words = azPathBefore(text, at);
  if (words === undefined) return undefined;
  const found = findCommand(words);
  const path = found.kind === 'command' ? found.command.path : words.join(' ');
  let canonical = flag;
  if (found.kind === 'command') {
    const p = parameter(found.command, flag);
    if (p.kind === 'parameter') canonical = p.parameter.names.find((n) => n.startsWith('--')) ?? flag;
  }
  const what = `${flag} of az ${path}`;
  if (canonical === '--name' || flag === '-n') {
    const byGroup = AZ_NAMES.find(([prefix]) => path === prefix || path.startsWith(`${prefix} `));
    return byGroup ? { role: byGroup[1], how: 'position', detail: what } : undefined;
  }
  if (canonical === '-g') return { role: 'resource-group', how: 'position', detail: what };
  if (canonical === '-l') return { role: 'location', how: 'position', detail: what };
  if (ANY_PRINCIPAL.has(canonical) && !spelling.startsWith('$')) {
    const words = roleFromWords(placeholderKey(spelling));
    if (words && PRINCIPAL_ROLES.has(words)) return { role: words, how: 'position', detail: `${what}, which takes any principal: its name says which` };
  }
  // --account-name names a storage account only in the storage groups: in az cosmosdb, batch,
  // automation or cognitiveservices it is that service's own account.
  if (canonical === '--account-name' && !path.startsWith('storage ')) return undefined;
  // --vault-name names a key vault only in az keyvault and az sf: az backup, site-recovery and dataprotection
  // name their Recovery Services or Backup vault with it (keyVaultOption).
  if (canonical === '--vault-name' && !keyVaultOption(path)) return undefined;
  const role = AZ_PARAMETERS[canonical];
  return role ? { role, how: 'position', detail: what } : undefined;
}

/**
 * The role the position of the placeholder at `index` of `text` gives it, or undefined. `text` is
 * the step's raw command (continuation lines included).
 */
export function roleAtPosition(text: string, index: number, spelling: string): RoleAt | undefined {
  const after = text.slice(index + spelling.length, index + spelling.length + 48);
  for (const [re, role, detail] of HOSTS) if (re.test(after)) return { role, how: 'position', detail };
  const before = text.slice(Math.max(0, index - 240), index);
  // Earlier placeholders stand for one segment each (`…windows.net/<CONTAINER NAME>/<FILE NAME>`), spaces and all.
  const lower = before.replace(/<[^<>\n/]+>/g, 'x').toLowerCase();
  // The whole host: https://<VAULT-URL>/secrets/… names the vault (its URL).
  if (/:\/\/$/.test(before) && /^\/?(?:secrets|keys|certificates)\//i.test(after)) return { role: 'vault', how: 'position', detail: 'the host of a Key Vault URL' };
  for (const [re, role, detail] of SEGMENTS) if (re.test(lower)) return { role, how: 'position', detail };
  for (const [re, role, detail] of QUERY) if (re.test(before)) return { role, how: 'position', detail };
  const field = /"([A-Za-z_]+)"\s*:\s*\[?\s*"?$/.exec(before);
  if (field) {
    const role = JSON_FIELDS[field[1]!.toLowerCase()];
    if (role) return { role, how: 'position', detail: `the "${field[1]}" field of a JSON body` };
  }
  const flag = /(?:^|\s)(--?[A-Za-z][\w-]*)(?:=|\s+(?:\\\s*\n\s*)?)["']?$/.exec(before);
  if (flag) {
    const role = azParameterRole(text, index - (before.length - flag.index), flag[1]!, spelling);
    if (role) return role;
  }
  return undefined;
}

/** The variable a placeholder is assigned to (`storageAccount="<storage-account>"`), if it is. */
export function assignedVariable(text: string, index: number): string | undefined {
  const before = text.slice(Math.max(0, index - 80), index);
  return /(?:^|[\s;&(])(?:export\s+|local\s+|declare\s+)?([A-Za-z_][A-Za-z0-9_]*)=["']?$/.exec(before)?.[1];
}

export interface StepOccurrence {
  step: Step;
  key: string;
  spelling: string;
  index: number;
}

/** Every placeholder spelling (shell variables included) in each step's command text, with its offset. */
export function occurrencesIn(tutorial: Tutorial): StepOccurrence[] {
  const out: StepOccurrence[] = [];
  for (const step of tutorial.steps) {
    if (step.kind === 'manual') continue;
    for (const p of [...findCommandPlaceholders(step.raw), ...findShellVariables(step.raw)]) out.push({ step, key: placeholderKey(p.spelling), spelling: p.spelling, index: p.index });
  }
  return out;
}

export interface PlaceholderRoles {
  /** The role of each placeholder key over the whole page (the most frequent position role, else its variable's, else its words'). */
  byKey: Map<string, RoleAt>;
  /** The role of each key in one step, where that step's own position says something different. */
  byStep: Map<string, Map<string, RoleAt>>;
}

/** Roles of every placeholder of a tutorial. */
export function placeholderRoles(tutorial: Tutorial): PlaceholderRoles {
  const occurrences = occurrencesIn(tutorial);
  const votes = new Map<string, RoleAt[]>();
  const byStep = new Map<string, Map<string, RoleAt>>();
  const variableOf = new Map<string, string>(); // key → variable it is assigned to
  for (const o of occurrences) {
    const at = roleAtPosition(o.step.raw, o.index, o.spelling);
    if (at) {
      const list = votes.get(o.key) ?? [];
      list.push(at);
      votes.set(o.key, list);
      const mine = byStep.get(o.step.id) ?? new Map<string, RoleAt>();
      if (!mine.has(o.key)) mine.set(o.key, at);
      byStep.set(o.step.id, mine);
    } else if (!o.spelling.startsWith('$')) {
      const variable = assignedVariable(o.step.raw, o.index);
      if (variable) variableOf.set(o.key, variable);
    }
  }
  const byKey = new Map<string, RoleAt>();
  for (const [key, list] of votes) byKey.set(key, mostFrequent(list));
  const keys = new Set([...tutorial.placeholders.map((p) => p.key), ...occurrences.map((o) => o.key)]);
  for (const key of keys) {
    if (byKey.has(key)) continue;
    const variable = variableOf.get(key);
    const viaVariable = variable === undefined ? undefined : byKey.get(placeholderKey(`$${variable}`));
    if (viaVariable) {
      byKey.set(key, { role: viaVariable.role, how: 'variable', detail: `assigned to $${variable}, used as ${viaVariable.detail}` });
      continue;
    }
    const words = roleFromWords(key) ?? (variable === undefined ? undefined : roleFromWords(variable));
    if (words) byKey.set(key, { role: words, how: 'words', detail: `its name (${key.toLowerCase().replace(/_/g, ' ')})` });
  }
  return { byKey, byStep };
}

function mostFrequent(list: RoleAt[]): RoleAt {
  const counts = new Map<Role, number>();
  for (const r of list) counts.set(r.role, (counts.get(r.role) ?? 0) + 1);
  let best = list[0]!;
  for (const r of list) if ((counts.get(r.role) ?? 0) > (counts.get(best.role) ?? 0)) best = r;
  return best;
}

/** The role of `key` in `step`: the step's own position first, then the page's. */
const SITE_ROLES: ReadonlySet<Role> = new Set<Role>(['web-app', 'function-app']);

export function roleIn(roles: PlaceholderRoles, stepId: string, key: string): RoleAt | undefined {
  const here = roles.byStep.get(stepId)?.get(key);
  const page = roles.byKey.get(key);
  // Web and function apps are one resource type (Microsoft.Web/sites): `az webapp … -n <app_name>` and
  // `az functionapp … -n <app_name>` on one page name one app, so the placeholder keeps the page's role
  // (two roles gave it two names, and the second command looked for an app nobody had).
  if (here !== undefined && page !== undefined && SITE_ROLES.has(here.role) && SITE_ROLES.has(page.role)) return page;
  return here ?? page;
}
