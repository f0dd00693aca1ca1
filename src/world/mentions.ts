// What each command of a page names, with the names as the reader would type them (placeholders and
// the page's own shell variables resolved): the resources it creates, uses or deletes, and the role
// grants it makes. az commands are read by their meaning (`az keyvault secret set` creates a secret
// in the vault --vault-name names); URLs by their host and path (a PUT creates what its path names).
import type { AzCommand, Step } from '../model.ts';
import { parseAz } from '../parse/az.ts';
import type { ResourceRole, WorldAccessPolicy } from './types.ts';
import { powerShellMentions, type Splats } from './powershell-mentions.ts';
import { keyVaultOption } from './positions.ts';

export interface Mention {
  role: ResourceRole;
  name: string;
  verb: 'create' | 'use' | 'delete';
  group?: string;
  account?: string;
  container?: string;
  vault?: string;
  /** A created vault's permission model (az keyvault create: RBAC unless --enable-rbac-authorization false). */
  rbac?: boolean;
  /** A created secret's value or blob's content, when the command gives it. */
  content?: string;
  /** A created resource group's location (az group create --location). */
  location?: string;
  /** A web app's kind ("app", "functionapp"). */
  kind?: string;
  /** The App Service plan a web app runs on (az webapp create --plan). */
  plan?: string;
}

export interface GrantMention {
  role: string;
  /** As resolved, or as written when it cannot be (then `unresolved`). */
  assignee: string;
  unresolved?: true;
  /** As written (`$CALLER_OBJECT_ID`): whom a variable names depends on how the page read it. */
  written?: string;
  scope: string | undefined;
  group: string | undefined;
}

/** A Key Vault access policy a step sets (`az keyvault set-policy`, `Set-AzKeyVaultAccessPolicy`). */
export interface PolicyMention {
  vault: string | undefined;
  /** As resolved, or as written when it cannot be (then `unresolved`). */
  assignee: string;
  unresolved?: true;
  written: string;
  secrets: WorldAccessPolicy['secrets'];
}

export interface StepMentions {
  resources: Mention[];
  grants: GrantMention[];
  policies?: PolicyMention[];
}

const SECRET_PERMISSIONS: WorldAccessPolicy['secrets'] = ['get', 'list', 'set', 'delete', 'recover', 'backup', 'restore', 'purge'];

/** The secret permissions of an access policy as written (`get list`, `Get,List`, `all`). */
export function secretPermissions(words: readonly string[]): WorldAccessPolicy['secrets'] {
  const said = new Set(words.flatMap((w) => w.toLowerCase().split(/[\s,]+/)));
  return said.has('all') ? [...SECRET_PERMISSIONS] : SECRET_PERMISSIONS.filter((p) => said.has(p));
}

/** Resolves the text of a word: placeholders to their values, the page's own `$variables` to theirs; undefined when something stays unknown. */
export type Resolve = (text: string) => string | undefined;

const NAME_RULE = /^[^\s<>{}$`"'|;&()]+$/;
/**
 * A value wholly in square brackets is a placeholder written as the az reference writes its
 * parameters ("--resource-group [REQUIRED] --name [REQUIRED]" on azure-arc resource-bridge/upgrade.md):
 * no name this world tracks can be one (resource group, vault, account, container and secret names
 * never hold "[" or "]"), so it names nothing the page assumes.
 */
const BRACKETED = /^\[[^[\]]*\]$/;

function option(az: AzCommand, resolve: Resolve, ...names: string[]): string | undefined {
  const o = az.options.find((x) => names.includes(x.name));
  if (o === undefined || o.value === null) return undefined;
  const v = resolve(o.value);
  return v !== undefined && NAME_RULE.test(v) && !BRACKETED.test(v) ? v : undefined;
}

/** An option's value as given, spaces allowed (a role name, a scope). */
function text(az: AzCommand, resolve: Resolve, ...names: string[]): string | undefined {
  const o = az.options.find((x) => names.includes(x.name));
  return o === undefined || o.value === null ? undefined : resolve(o.value);
}

/** The resources a resource id names, outermost first (`/subscriptions/s/resourceGroups/g/providers/Microsoft.KeyVault/vaults/v`). */
export function idMentions(id: string, verb: Mention['verb']): Mention[] {
  const out: Mention[] = [];
  const m = /\/resourcegroups\/([^/?#\s]+)(?:\/providers\/([^/]+)\/([^/]+)\/([^/?#\s]+)(?:\/([^?#\s]*))?)?/i.exec(id);
  if (!m) return out;
  const group = decodeURIComponent(m[1]!);
  const ns = (m[2] ?? '').toLowerCase();
  const type = (m[3] ?? '').toLowerCase();
  const name = m[4] === undefined ? undefined : decodeURIComponent(m[4]);
  const rest = m[5] ?? '';
  const last = name === undefined && rest === '';
  out.push({ role: 'resource-group', name: group, verb: last ? verb : 'use' });
  if (name === undefined) return out;
  const child = /^blobservices\/default\/containers\/([^/]+)$/i.exec(rest);
  const role: ResourceRole | undefined =
    ns === 'microsoft.keyvault' && type === 'vaults' ? 'vault'
    : ns === 'microsoft.storage' && type === 'storageaccounts' ? 'storage-account'
    : ns === 'microsoft.managedidentity' && type === 'userassignedidentities' ? 'identity-name'
    : ns === 'microsoft.compute' && type === 'virtualmachines' ? 'vm'
    : undefined;
  if (role === undefined) return out;
  out.push({ role, name, group, verb: rest === '' ? verb : 'use' });
  if (role === 'storage-account' && child) out.push({ role: 'container', name: decodeURIComponent(child[1]!), account: name, group, verb });
  return out;
}

/**
 * The URL a request names. A placeholder that stands for a whole URL after the page's own scheme
 * (`https://<YOUR-KEY-VAULT-URL>/secrets/…` with the vault URI the portal shows) doubles the scheme:
 * the request fails as written, but the resource it points at is still the one the page means.
 */
function namedUrl(url: string): string {
  return /^https?:\/\/(https?:\/\/.+)$/i.exec(url)?.[1] ?? url;
}

function urlMentions(url: string, method: string): Mention[] {
  let u: URL;
  try {
    u = new URL(namedUrl(url));
  } catch {
    return [];
  }
  const host = u.hostname.toLowerCase();
  const segments = u.pathname.split('/').filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  const writes = method === 'PUT';
  const vault = /^([a-z0-9-]+)\.vault\.azure\.net$/.exec(host)?.[1];
  if (vault) {
    const out: Mention[] = [{ role: 'vault', name: vault, verb: 'use' }];
    if (segments[0] === 'secrets' && segments[1] !== undefined) out.push({ role: 'secret', name: segments[1], vault, verb: writes ? 'create' : method === 'DELETE' ? 'delete' : 'use' });
    return out;
  }
  const account = /^([a-z0-9]+)\.blob\.core\.windows\.net$/.exec(host)?.[1];
  if (account) {
    const out: Mention[] = [{ role: 'storage-account', name: account, verb: 'use' }];
    const container = segments[0];
    if (container === undefined) return out;
    const isContainerOp = u.searchParams.get('restype') === 'container';
    out.push({ role: 'container', name: container, account, verb: isContainerOp && writes ? 'create' : 'use' });
    if (segments.length > 1 && !isContainerOp) out.push({ role: 'blob', name: segments.slice(1).join('/'), account, container, verb: writes ? 'create' : 'use' });
    return out;
  }
  if (host === 'management.azure.com') return idMentions(u.pathname, writes ? 'create' : method === 'DELETE' ? 'delete' : 'use');
  return [];
}

/**
 * A blob data-plane command without --account-name or a connection string uses the account the page
 * exported as AZURE_STORAGE_ACCOUNT (az reads it from the environment: storage/_validators.py).
 */
function environmentAccount(az: AzCommand, path: string, resolve: Resolve): string | undefined {
  if (!/^storage (?:container|blob)(?: |$)/.test(path) || az.options.some((o) => o.name === '--connection-string')) return undefined;
  const v = resolve('$AZURE_STORAGE_ACCOUNT');
  return v !== undefined && NAME_RULE.test(v) ? v : undefined;
}

/** A command whose --account-name names a storage account: a storage command or group (a path word `storage…`). */
export function storageAccountOption(path: string): boolean {
  return path.split(' ').some((w) => /^storage(?:-account)?$/.test(w));
}

/** `az keyvault set-policy`'s policy: whom it names, as written too (a variable the page read with az ad signed-in-user show is the reader). */
function setPolicyMention(az: AzCommand, resolve: Resolve, vault: string | undefined): PolicyMention | undefined {
  const principal = az.options.find((x) => x.name === '--object-id' || x.name === '--upn' || x.name === '--spn');
  if (principal === undefined || principal.value === null) return undefined;
  const assignee = text(az, resolve, principal.name);
  // --secret-permissions takes several values (get list …): the words after it up to the next option.
  const at = az.argv.indexOf('--secret-permissions');
  const next = az.argv.findIndex((w, i) => i > at && w.startsWith('-'));
  const words = at < 0 ? [] : az.argv.slice(at + 1, next < 0 ? undefined : next);
  return { vault, assignee: assignee ?? principal.value, ...(assignee === undefined ? { unresolved: true as const } : {}), written: principal.value, secrets: secretPermissions(words) };
}

/** The mentions of an az command, by its meaning. */
export function azMentions(az: AzCommand, resolve: Resolve): StepMentions {
  const path = az.path.join(' ');
  const name = option(az, resolve, '--name', '-n');
  const group = option(az, resolve, '--resource-group', '-g');
  const vault = keyVaultOption(path) ? option(az, resolve, '--vault-name') : undefined;
  // --account-name is a storage account only in storage commands (`az storage …`, `az keyvault storage …`,
  // `az webapp config storage-account …`); elsewhere it is the account of the command's own service
  // (`az cosmosdb copy create --account-name` an Azure Cosmos DB account, `az batch … --account-name` a
  // Batch account), which the World has no role for: it names nothing here rather than a storage account.
  const account = (storageAccountOption(path) ? option(az, resolve, '--account-name') : undefined) ?? environmentAccount(az, path, resolve);
  const container = option(az, resolve, '--container-name', '-c');
  const out: Mention[] = [];
  const grants: GrantMention[] = [];
  const policies: PolicyMention[] = [];
  const add = (m: Mention | false | undefined): void => {
    if (m) out.push(m);
  };
  const withGroup = (m: Mention): Mention => (group === undefined ? m : { ...m, group });
  // az group create/show/update/export/delete take the group's name as --name, -n, --resource-group or -g
  // (one option, "--name --resource-group -g -n" in the az reference): `az group delete -g "myResourceGroup"`
  // names the group it deletes (azure-security-docs @1c4310be key-vault/general/tutorial-python-virtual-machine.md
  // :151; read as naming none, the group was never assumed and the run failed the step with 404).
  const groupName = name ?? group;
  if (path === 'keyvault set-policy') {
    const policy = setPolicyMention(az, resolve, name);
    if (policy !== undefined) policies.push(policy);
  }
  switch (path) {
    case 'group create': {
      // A location may be a display name with a space (--location "West Europe"): read as given, not as a name.
      const location = text(az, resolve, '--location', '-l');
      add(groupName !== undefined && { role: 'resource-group', name: groupName, verb: 'create', ...(location !== undefined && !/[<>{}$`]/.test(location) ? { location } : {}) });
      break;
    }
    case 'group show':
    case 'group update':
    case 'group export':
      add(groupName !== undefined && { role: 'resource-group', name: groupName, verb: 'use' });
      break;
    case 'group delete':
      add(groupName !== undefined && { role: 'resource-group', name: groupName, verb: 'delete' });
      break;
    case 'group exists':
    case 'group list':
      break;
    case 'keyvault create':
      add(group !== undefined && { role: 'resource-group', name: group, verb: 'use' });
      add(name !== undefined && withGroup({ role: 'vault', name, verb: 'create', rbac: !/^false$/i.test(option(az, resolve, '--enable-rbac-authorization') ?? '') }));
      break;
    case 'keyvault show':
    case 'keyvault update':
    case 'keyvault set-policy':
    case 'keyvault delete-policy':
      add(name !== undefined && withGroup({ role: 'vault', name, verb: 'use' }));
      break;
    case 'keyvault delete':
      add(name !== undefined && withGroup({ role: 'vault', name, verb: 'delete' }));
      break;
    case 'keyvault secret set':
      add(vault !== undefined && { role: 'vault', name: vault, verb: 'use' });
      add(vault !== undefined && name !== undefined && { role: 'secret', name, vault, verb: 'create', ...(option(az, resolve, '--value') !== undefined ? { content: option(az, resolve, '--value')! } : {}) });
      break;
    case 'keyvault secret show':
    case 'keyvault secret download':
    case 'keyvault secret set-attributes':
      add(vault !== undefined && { role: 'vault', name: vault, verb: 'use' });
      add(vault !== undefined && name !== undefined && { role: 'secret', name, vault, verb: 'use' });
      break;
    case 'keyvault secret delete':
      add(vault !== undefined && { role: 'vault', name: vault, verb: 'use' });
      add(vault !== undefined && name !== undefined && { role: 'secret', name, vault, verb: 'delete' });
      break;
    case 'keyvault certificate create':
    case 'keyvault certificate import':
      // A Key Vault certificate comes with an addressable key and secret of the same name (Key Vault
      // docs, "About Azure Key Vault certificates": composition of a certificate): a page may read them.
      add(vault !== undefined && { role: 'vault', name: vault, verb: 'use' });
      add(vault !== undefined && name !== undefined && { role: 'key', name, vault, verb: 'create' });
      add(vault !== undefined && name !== undefined && { role: 'secret', name, vault, verb: 'create' });
      break;
    case 'keyvault key create':
    case 'keyvault key import':
      add(vault !== undefined && { role: 'vault', name: vault, verb: 'use' });
      add(vault !== undefined && name !== undefined && { role: 'key', name, vault, verb: 'create' });
      break;
    case 'storage account create':
      add(group !== undefined && { role: 'resource-group', name: group, verb: 'use' });
      add(name !== undefined && withGroup({ role: 'storage-account', name, verb: 'create' }));
      break;
    case 'storage account delete':
      add(name !== undefined && withGroup({ role: 'storage-account', name, verb: 'delete' }));
      break;
    case 'storage container create':
      add(account !== undefined && { role: 'storage-account', name: account, verb: 'use' });
      add(account !== undefined && name !== undefined && { role: 'container', name, account, verb: 'create' });
      break;
    case 'storage container delete':
      add(account !== undefined && { role: 'storage-account', name: account, verb: 'use' });
      add(account !== undefined && name !== undefined && { role: 'container', name, account, verb: 'delete' });
      break;
    case 'storage blob upload':
      add(account !== undefined && { role: 'storage-account', name: account, verb: 'use' });
      add(account !== undefined && container !== undefined && { role: 'container', name: container, account, verb: 'use' });
      add(account !== undefined && container !== undefined && name !== undefined && { role: 'blob', name, account, container, verb: 'create' });
      break;
    case 'storage blob delete':
      add(account !== undefined && container !== undefined && name !== undefined && { role: 'blob', name, account, container, verb: 'delete' });
      break;
    case 'identity create':
      add(group !== undefined && { role: 'resource-group', name: group, verb: 'use' });
      add(name !== undefined && withGroup({ role: 'identity-name', name, verb: 'create' }));
      break;
    case 'vm create':
      // The page's own VM: what later commands name by it is created here, not assumed.
      add(group !== undefined && { role: 'resource-group', name: group, verb: 'use' });
      add(name !== undefined && withGroup({ role: 'vm', name, verb: 'create' }));
      break;
    case 'vm delete':
      add(name !== undefined && withGroup({ role: 'vm', name, verb: 'delete' }));
      break;
    case 'identity delete':
      add(name !== undefined && withGroup({ role: 'identity-name', name, verb: 'delete' }));
      break;
    case 'role assignment create': {
      // A role this tool cannot resolve (`--role $ROLE`) still makes a grant: recorded as written, to know whom it names.
      const role = text(az, resolve, '--role') ?? az.options.find((x) => x.name === '--role')?.value ?? undefined;
      const assignee = text(az, resolve, '--assignee-object-id', '--assignee');
      const written = az.options.find((x) => x.name === '--assignee-object-id' || x.name === '--assignee')?.value ?? undefined;
      if (role !== undefined && written !== undefined) grants.push({ role, assignee: assignee ?? written, ...(assignee === undefined ? { unresolved: true as const } : {}), written, scope: text(az, resolve, '--scope'), group });
      break;
    }
    default: {
      const web = appServiceMentions(path, az, resolve, name, group);
      if (web !== undefined) {
        out.push(...web);
        break;
      }
      // Any other command names the resource by its -n when its group says what it is, and uses its parents.
      const own = ownRole(path);
      if (own !== undefined && name !== undefined) add(withGroup({ role: own, name, verb: 'use', ...(own === 'secret' || own === 'key' ? { vault } : {}), ...(own === 'container' ? { account } : {}), ...(own === 'blob' ? { account, container } : {}) } as Mention));
      else {
        add(group !== undefined && { role: 'resource-group', name: group, verb: 'use' });
        add(vault !== undefined && { role: 'vault', name: vault, verb: 'use' });
        add(account !== undefined && { role: 'storage-account', name: account, verb: 'use' });
        add(account !== undefined && container !== undefined && { role: 'container', name: container, account, verb: 'use' });
      }
    }
  }
  // Resource ids anywhere in the options (--scope, --ids, --identities) name what they point at.
  for (const o of az.options) {
    if (o.value === null || !/\/resourcegroups\//i.test(o.value) || o.name === '--scope' && path === 'role assignment create') continue;
    const v = resolve(o.value);
    if (v !== undefined) for (const id of v.split(/\s+/)) out.push(...idMentions(id, 'use'));
  }
  if (path === 'role assignment create') {
    const scope = text(az, resolve, '--scope');
    if (scope !== undefined) out.push(...idMentions(scope, 'use'));
  }
  return { resources: out, grants, ...(policies.length > 0 ? { policies } : {}) };
}

/**
 * App Service and Functions: `az appservice plan …` / `az functionapp plan …` name a plan, `az webapp …`
 * / `az functionapp …` an app by -n (its kind by the group), `webapp create` / `functionapp create`
 * create one on the --plan they name (a function app also uses its --storage-account); commands that
 * name no app (list, list-runtimes, deployment user) mention nothing but their group.
 */
function appServiceMentions(path: string, az: AzCommand, resolve: Resolve, name: string | undefined, group: string | undefined): Mention[] | undefined {
  const words = path.split(' ');
  if (words[0] !== 'webapp' && words[0] !== 'functionapp' && words[0] !== 'appservice') return undefined;
  const out: Mention[] = [];
  const withGroup = (m: Mention): Mention => (group === undefined ? m : { ...m, group });
  if (group !== undefined) out.push({ role: 'resource-group', name: group, verb: 'use' });
  const planCommand = /^(?:appservice|functionapp) plan (\S+)$/.exec(path)?.[1];
  if (planCommand !== undefined) {
    if (name === undefined || planCommand === 'list') return out;
    out.push(withGroup({ role: 'app-service-plan', name, verb: planCommand === 'create' ? 'create' : planCommand === 'delete' ? 'delete' : 'use' }));
    return out;
  }
  if (words[0] === 'appservice') return out;
  const kind = words[0] === 'functionapp' ? 'functionapp' : 'app';
  const plan = option(az, resolve, '--plan', '-p');
  const planName = plan === undefined ? undefined : /\/serverfarms\/([^/]+)$/i.exec(plan)?.[1] ?? plan;
  if (planName !== undefined && !/\/resourcegroups\//i.test(plan ?? '')) out.push(withGroup({ role: 'app-service-plan', name: planName, verb: 'use' }));
  const command = words.slice(1).join(' ');
  if (command === 'list' || command === 'list-runtimes' || /^deployment user\b/.test(command) || name === undefined) return out;
  if (command === 'create' || command === 'up') {
    const account = option(az, resolve, '--storage-account', '-s');
    if (account !== undefined) out.push({ role: 'storage-account', name: account, verb: 'use', ...(group !== undefined ? { group } : {}) });
    out.push(withGroup({ role: 'web-app', name, verb: 'create', kind, ...(planName !== undefined ? { plan: planName } : {}) }));
    return out;
  }
  out.push(withGroup({ role: 'web-app', name, verb: command === 'delete' ? 'delete' : 'use', kind }));
  return out;
}

/** The role of the resource a command group's `-n` names, for commands not listed above. */
function ownRole(path: string): ResourceRole | undefined {
  if (/^(?:storage account)( |$)/.test(path) && !/^storage account (?:list|create|check-name)/.test(path)) return 'storage-account';
  if (/^keyvault secret /.test(path)) return 'secret';
  if (/^keyvault key /.test(path)) return 'key';
  if (/^keyvault (?:show|update|purge|recover)$/.test(path)) return 'vault';
  if (/^storage container (?:show|metadata|exists|set-permission|show-permission|generate-sas|lease|policy)/.test(path)) return 'container';
  if (/^storage blob (?:show|download|exists|metadata|set-tier|generate-sas|url)/.test(path)) return 'blob';
  if (/^identity (?:show|update)$/.test(path)) return 'identity-name';
  // `az vm extension set/show/delete -n` names the extension (its type, e.g. AzureMonitorLinuxAgent); the VM is --vm-name or --ids
  if (/^vm (?:show|identity|start|stop|deallocate|restart|update)/.test(path)) return 'vm';
  return undefined;
}

/** What one step names. */
/** `splats`: the literal hashtables the page assigned before this step (PowerShell's `@name`). */
export function stepMentions(step: Step, resolve: Resolve, splats?: Splats): StepMentions {
  switch (step.kind) {
    case 'az':
      return azMentions(step.az, resolve);
    case 'http': {
      const url = resolve(step.curl.url);
      return { resources: url === undefined ? [] : urlMentions(url, step.curl.method.toUpperCase()), grants: [] };
    }
    case 'shell': {
      if (step.language === 'powershell') return powerShellMentions(step.powershell ?? [], resolve, splats);
      // `x=$(az …)`: the command inside the substitution.
      if (step.shell.kind !== 'assign') return { resources: [], grants: [] };
      if (/^\s*az\s/.test(step.shell.pipeline)) {
        try {
          return azMentions(parseAz(step.shell.pipeline.trim()), resolve);
        } catch {
          return { resources: [], grants: [] };
        }
      }
      if (step.shell.curl) {
        const url = resolve(step.shell.curl.url);
        return { resources: url === undefined ? [] : urlMentions(url, step.shell.curl.method.toUpperCase()), grants: [] };
      }
      return { resources: [], grants: [] };
    }
    case 'manual':
      return { resources: [], grants: [] };
    default: {
      const never: never = step;
      return never;
    }
  }
}
