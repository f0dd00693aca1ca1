// What an Azure PowerShell statement names, for the World, as mentions.ts reads az commands: the
// resource groups and storage accounts the cmdlets the runner executes create, use or delete, with the
// names as the reader would type them (placeholders and the page's own `$variables` resolved).
// Parameters are matched as PowerShell binds them: full name or alias, else a unique prefix.
import type { PsCommand, PsStatement, PsValue } from '../model.ts';
import { bindArguments, groupedStatements } from '../parse/powershell-words.ts';
import { secretPermissions, type GrantMention, type Mention, type PolicyMention, type Resolve, type StepMentions } from './mentions.ts';

interface CmdletMeaning {
  /** Canonical parameter → its aliases; positions in array order when `positional`. */
  params: Record<string, string[]>;
  positional?: string[];
  mentions(get: (param: string) => string | undefined): (Mention | undefined)[];
  /** The access a cmdlet grants: `as` gives a value as written (`$userid`), before resolution. */
  grants?(get: (param: string) => string | undefined, as: (param: string) => PsValue | undefined): { grants?: GrantMention[]; policies?: PolicyMention[] };
}

/** Whom a grant names, resolved and as written; undefined when no principal parameter is given. */
function principal(get: (p: string) => string | undefined, as: (p: string) => PsValue | undefined, params: readonly string[]): { assignee: string; unresolved?: true; written: string } | undefined {
  for (const p of params) {
    const w = written(as(p));
    if (w === undefined) continue;
    const v = get(p);
    return { assignee: v ?? w, ...(v === undefined ? { unresolved: true as const } : {}), written: w };
  }
  return undefined;
}

/** The words of a value that lists permissions (`get,list`, `'Get','List'`, `All`). */
function listed(v: PsValue | undefined): string[] {
  if (v === undefined) return [];
  if (v.kind === 'array') return (v.items ?? []).flatMap(listed);
  const w = v.kind === 'string' ? v.content : v.kind === 'bare' ? v.text : undefined;
  return w === undefined ? [] : [w];
}

const RG = { Name: ['ResourceGroupName'], Location: [], Id: ['ResourceGroupId', 'ResourceId'] };
const SA = { ResourceGroupName: [], Name: ['StorageAccountName', 'AccountName'], SkuName: ['StorageAccountType', 'AccountType', 'Type'], Location: [] };
const NAME_RULE = /^[^\s<>{}$`"'|;&()]+$/;

const group = (verb: Mention['verb'], get: (p: string) => string | undefined): Mention | undefined => {
  const name = get('Name');
  const location = get('Location');
  return name === undefined ? undefined : { role: 'resource-group', name, verb, ...(verb === 'create' && location !== undefined ? { location } : {}) };
};
const account = (verb: Mention['verb'], get: (p: string) => string | undefined): (Mention | undefined)[] => {
  const name = get('Name');
  const rg = get('ResourceGroupName');
  return [rg === undefined ? undefined : { role: 'resource-group', name: rg, verb: 'use' }, name === undefined ? undefined : { role: 'storage-account', name, verb, ...(rg !== undefined ? { group: rg } : {}) }];
};

const MEANINGS: Readonly<Record<string, CmdletMeaning>> = {
  'new-azresourcegroup': { params: RG, positional: ['Name', 'Location'], mentions: (get) => [group('create', get)] },
  'get-azresourcegroup': { params: RG, positional: ['Name'], mentions: (get) => [group('use', get)] },
  'remove-azresourcegroup': { params: RG, positional: ['Name'], mentions: (get) => [group('delete', get)] },
  'new-azstorageaccount': { params: SA, positional: ['ResourceGroupName', 'Name', 'SkuName', 'Location'], mentions: (get) => account('create', get) },
  'get-azstorageaccount': { params: SA, positional: ['ResourceGroupName', 'Name'], mentions: (get) => account('use', get) },
  'get-azstorageaccountkey': { params: SA, positional: ['ResourceGroupName', 'Name'], mentions: (get) => account('use', get) },
  // Parameters and aliases as in Az.Resources' New-AzRoleAssignment and Az.KeyVault's Set-AzKeyVaultAccessPolicy help.
  'new-azroleassignment': {
    params: { ObjectId: ['Id', 'PrincipalId'], SignInName: ['Email', 'UserPrincipalName'], ApplicationId: ['SPN', 'ServicePrincipalName'], RoleDefinitionName: [], RoleDefinitionId: [], Scope: [], ResourceGroupName: [] },
    // What it names besides the grant is not read here (the runner does not run it): only whom it grants.
    mentions: () => [],
    grants: (get, as) => {
      const who = principal(get, as, ['ObjectId', 'SignInName', 'ApplicationId']);
      const role = get('RoleDefinitionName') ?? written(as('RoleDefinitionName')) ?? get('RoleDefinitionId');
      return who === undefined || role === undefined ? {} : { grants: [{ role, ...who, scope: get('Scope'), group: get('ResourceGroupName') }] };
    },
  },
  'set-azkeyvaultaccesspolicy': {
    params: { VaultName: [], ResourceGroupName: [], ObjectId: ['Id'], UserPrincipalName: ['UPN', 'Email'], ServicePrincipalName: ['SPN'], PermissionsToSecrets: ['PermissionToSecrets'] },
    positional: ['VaultName'],
    mentions: () => [],
    grants: (get, as) => {
      const who = principal(get, as, ['ObjectId', 'UserPrincipalName', 'ServicePrincipalName']);
      return who === undefined ? {} : { policies: [{ vault: get('VaultName'), ...who, secrets: secretPermissions(listed(as('PermissionsToSecrets'))) }] };
    },
  },
};

/** PowerShell's variable names compare without case: the World's resolver holds them lower-cased. */
const lowerVariables = (text: string): string => text.replace(/\$(\{?)([A-Za-z_]\w*)/g, (_all, brace: string, name: string) => `$${brace}${name.toLowerCase()}`);

/** The text a value stands for before resolution: a literal string's content, an expandable one's or a bare word with its `$names`. */
function written(v: PsValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v.kind === 'string') return v.content?.includes('$') ? undefined : v.content;
  if (v.kind === 'expandable') return v.content === undefined ? undefined : lowerVariables(v.content);
  if (v.kind === 'bare' || v.kind === 'variable') return lowerVariables(v.text);
  return undefined;
}

function canonical(written: string, params: Record<string, string[]>): string | undefined {
  const w = written.toLowerCase();
  const all = Object.entries(params).map(([name, aliases]) => ({ name, names: [name, ...aliases].map((n) => n.toLowerCase()) }));
  const exact = all.find((p) => p.names.includes(w));
  if (exact) return exact.name;
  const prefixed = all.filter((p) => p.names.some((n) => n.startsWith(w)));
  return prefixed.length === 1 ? prefixed[0]!.name : undefined;
}

/** Literal hashtables the page has assigned so far, by lower-cased variable name: what `@name` splats. */
export type Splats = ReadonlyMap<string, PsValue>;

/** The cmdlets of a group a value starts with (`$id = (Get-AzStorageAccount -Name x …).Id`): what the runner runs there, it names. */
function groupedMentions(v: PsValue | undefined, resolve: Resolve, splats: Splats): Mention[] {
  if (v === undefined || (v.kind !== 'subexpression' && v.kind !== 'expression' && v.kind !== 'member')) return [];
  const group = groupedStatements(v.text);
  return group === undefined ? [] : group.statements.flatMap((st) => st.pipeline.flatMap((cmd) => commandMentions(cmd, resolve, splats).resources));
}

function commandMentions(cmd: PsCommand, resolve: Resolve, splats: Splats): StepMentions {
  const inner = [...groupedMentions(cmd.expression, resolve, splats), ...cmd.args.flatMap((a) => groupedMentions(a.value, resolve, splats))];
  const meaning = MEANINGS[cmd.name.toLowerCase()];
  if (meaning === undefined) return { resources: inner, grants: [] };
  const values = new Map<string, PsValue | undefined>();
  const positional: PsValue[] = [];
  for (const a of bindArguments(cmd.args, () => false)) {
    if (a.param === undefined && a.value?.kind === 'splat') {
      // `New-AzResourceGroup @rg` binds each key of $rg's hashtable as a named parameter (about_Splatting).
      for (const e of splats.get((a.value.content ?? '').toLowerCase())?.entries ?? []) {
        if (e.value === undefined) continue; // not one token: not read
        const name = canonical(e.key, meaning.params);
        if (name !== undefined) values.set(name, e.value);
      }
      continue;
    }
    if (a.param === undefined) {
      if (a.value) positional.push(a.value);
      continue;
    }
    const name = canonical(a.param, meaning.params);
    if (name !== undefined) values.set(name, a.value);
  }
  const free = (meaning.positional ?? []).filter((p) => !values.has(p));
  for (const [i, v] of positional.entries()) if (free[i] !== undefined) values.set(free[i]!, v);
  const get = (param: string): string | undefined => {
    const text = written(values.get(param));
    const v = text === undefined ? undefined : resolve(text);
    return v !== undefined && NAME_RULE.test(v) ? v : undefined;
  };
  const access = meaning.grants?.(get, (param) => values.get(param)) ?? {};
  return { resources: [...inner, ...meaning.mentions(get).filter((m): m is Mention => m !== undefined)], grants: access.grants ?? [], ...(access.policies ? { policies: access.policies } : {}) };
}

export function powerShellMentions(statements: readonly PsStatement[], resolve: Resolve, splatsBefore: Splats = new Map()): StepMentions {
  const splats = new Map(splatsBefore);
  const resources: Mention[] = [];
  const grants: GrantMention[] = [];
  const policies: PolicyMention[] = [];
  for (const st of statements) {
    for (const cmd of st.pipeline) {
      const m = commandMentions(cmd, resolve, splats);
      resources.push(...m.resources);
      grants.push(...m.grants);
      policies.push(...(m.policies ?? []));
    }
    updateSplats(splats, [st]);
  }
  return { resources, grants, ...(policies.length > 0 ? { policies } : {}) };
}

/** `$name = @{ … }` makes `@name` splat that literal hashtable; any other assignment to `$name` makes it unknown. */
export function updateSplats(splats: Map<string, PsValue>, statements: readonly PsStatement[]): void {
  for (const st of statements) {
    if (st.assignTo === undefined) continue;
    const only = st.pipeline.length === 1 ? st.pipeline[0]?.expression : undefined;
    if (st.assignOp === '=' && only?.kind === 'hashtable') splats.set(st.assignTo.toLowerCase(), only);
    else splats.delete(st.assignTo.toLowerCase());
  }
}

/** `$name = 'value'` (or "…", a bare word): the value a later statement's `$name` reads, for the World's resolver. */
export function powerShellLiteralAssignments(statements: readonly PsStatement[]): { variable: string; text: string }[] {
  const out: { variable: string; text: string }[] = [];
  for (const st of statements) {
    const only = st.pipeline.length === 1 ? st.pipeline[0]?.expression : undefined;
    if (st.assignTo === undefined || st.assignOp !== '=') continue;
    const text = only?.kind === 'expandable' && only.content !== undefined ? lowerVariables(only.content) : only?.kind === 'string' && !only.content?.includes('$') ? only.content : undefined;
    out.push({ variable: st.assignTo.toLowerCase(), text: text ?? '$(' });
  }
  return out;
}
