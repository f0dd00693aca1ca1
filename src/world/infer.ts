// The World of one tutorial, from its model (and its text, for prose): every placeholder's role and
// value, what its commands create (served once they ran: nothing is seeded for them), what they use
// that the page states (its portal steps, its prerequisites) or silently assumes (provided, and
// listed), the grants its prose states. Two things are never provided: a permission the page neither
// grants nor states, and a name that differs from the one the page created for the same role (the
// page's typo must fail as Azure fails).
import type { PsValue, Step, Tutorial } from '../model.ts';
import type { LineOrigin } from '../parse/rendered.ts';
import { findCommandPlaceholders, placeholderKey } from '../parse/placeholders.ts';
import { stepMentions, type GrantMention, type Mention, type PolicyMention } from './mentions.ts';
import { powerShellLiteralAssignments, updateSplats } from './powershell-mentions.ts';
import { placeholderRoles, roleIn, type PlaceholderRoles } from './positions.ts';
import { namesReader, readerIdVariables } from './reader-id.ts';
import type { Role } from './roles.ts';
import { builtInRoleName, statedBy, type Stated, type StatedPrincipal } from './stated.ts';
import type { Assumption, Origin, ResourceRole, World, WorldGrant, WorldPrincipal, WorldResource, WorldScope, WorldValue } from './types.ts';

/** What the World asks of whoever decides values (the planner: --set, sidecars, the target's defaults). */
export interface WorldInput {
  tutorial: Tutorial;
  /** The page's text, for its prose (stated grants and prerequisites); the portal steps are in the model. */
  text?: string;
  /** When `text` is the page rendered with its includes (parse/rendered.ts): where each of its lines comes from. */
  origins?: readonly LineOrigin[];
  /** The value of a placeholder with this role, or undefined (the placeholder stays unbound). */
  valueOf(key: string, role: Role | undefined): WorldValue | undefined;
  /** The target's names for what a page never names: the group resources live in when it names none. */
  defaults: { resourceGroup: string };
  /** Resources and grants the page's sidecar adds (origin `author`). */
  author?: { resources?: WorldResource[]; grants?: WorldGrant[] };
  /** The placeholders' roles, when the caller has them already. */
  roles?: PlaceholderRoles;
}

const same = (a: string | undefined, b: string | undefined): boolean => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** The parent a resource's name is unique within (a secret in its vault, a blob in its container). */
function parentOf(m: Pick<Mention, 'role' | 'vault' | 'account' | 'container' | 'group'>): string {
  switch (m.role) {
    case 'secret':
    case 'key':
      return m.vault ?? '';
    case 'container':
      return m.account ?? '';
    case 'blob':
      return `${m.account ?? ''}/${m.container ?? ''}`;
    // An app or plan is named within its group as the page gives it: a page that writes the reader's
    // group as a placeholder in one command and as a literal in another names the reader's one app twice.
    case 'web-app':
    case 'app-service-plan':
      return m.group ?? '';
    default:
      return '';
  }
}

/** What makes two mentions the same resource: role, name and parent, case-insensitively. */
const resourceKey = (a: Pick<Mention, 'role' | 'name' | 'vault' | 'account' | 'container' | 'group'>): string => `${a.role}\u0000${a.name.toLowerCase()}\u0000${parentOf(a).toLowerCase()}`;

const WHAT: Record<ResourceRole, string> = {
  'resource-group': 'resource group',
  'storage-account': 'storage account',
  container: 'blob container',
  blob: 'blob',
  vault: 'key vault',
  secret: 'secret',
  key: 'key',
  'identity-name': 'user-assigned managed identity',
  vm: 'virtual machine',
  'app-service-plan': 'App Service plan',
  'web-app': 'app',
};

export function describe(r: Pick<WorldResource, 'role' | 'name' | 'vault' | 'account' | 'container'>): string {
  const where =
    (r.role === 'secret' || r.role === 'key') && r.vault !== undefined ? ` in the key vault ${r.vault}`
    : r.role === 'container' && r.account !== undefined ? ` in the storage account ${r.account}`
    : r.role === 'blob' && r.account !== undefined && r.container !== undefined ? ` in ${r.account}/${r.container}`
    : '';
  return `the ${WHAT[r.role]} ${r.name}${where}`;
}

interface Resolver {
  /** The text of a command word with placeholders and the page's variables (as set before `step`) resolved. */
  at(step: Step): (text: string) => string | undefined;
}

function resolver(tutorial: Tutorial, values: Record<string, WorldValue>): Resolver {
  // The page's own variables, as each step sees them: `x="<storage-account>"` then `--account-name $x`.
  const variablesBefore = new Map<string, Map<string, string>>();
  const vars = new Map<string, string>();
  const spellings = (text: string) =>
    findCommandPlaceholders(text)
      .map((p) => p.spelling)
      .sort((a, b) => b.length - a.length);
  const resolveWith = (env: ReadonlyMap<string, string>) => (text: string): string | undefined => {
    let out = text;
    for (const s of spellings(text)) {
      const v = values[placeholderKey(s)];
      if (v === undefined) return undefined;
      out = out.split(s).join(v.value);
    }
    let unknown = false;
    out = out.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (all, braced?: string, bare?: string) => {
      const name = braced ?? bare ?? '';
      const v = env.get(name) ?? values[placeholderKey(`$${name}`)]?.value;
      if (v === undefined) unknown = true;
      return v ?? all;
    });
    if (unknown || /\$\(|`/.test(out)) return undefined;
    return out;
  };
  for (const step of tutorial.steps) {
    variablesBefore.set(step.id, new Map(vars));
    // PowerShell's `$name = 'value'` sets what its later `$name` reads (a value that is not a literal makes it unknown).
    if (step.kind === 'shell' && step.language === 'powershell') {
      for (const a of powerShellLiteralAssignments(step.powershell ?? [])) {
        const v = resolveWith(vars)(a.text);
        if (v !== undefined) vars.set(a.variable, v);
        else vars.delete(a.variable);
      }
      continue;
    }
    // Only a value bash sets as written (`x=value`, or what `read` gives): the text of a command
    // substitution (`x=$(az ad sp list …)`) is what the command prints, unknown here, not its words.
    if (step.kind === 'shell' && step.shell.kind === 'assign' && (step.shell.literal === true || step.shell.read === true) && !/`/.test(step.shell.pipeline)) {
      const v = resolveWith(vars)(step.shell.pipeline);
      if (v !== undefined) vars.set(step.shell.variable, v);
      else vars.delete(step.shell.variable);
    }
  }
  return { at: (step) => resolveWith(variablesBefore.get(step.id) ?? new Map()) };
}

function principalOf(text: string, world: Pick<World, 'resources'>): WorldPrincipal {
  const identity = world.resources.find((r) => r.role === 'identity-name' && same(r.name, text));
  if (identity) return { kind: 'identity', name: identity.name };
  return { kind: 'id', id: text };
}

export function inferWorld(input: WorldInput): World {
  const { tutorial } = input;
  const roles: PlaceholderRoles = input.roles ?? placeholderRoles(tutorial);
  const world: World = { file: tutorial.file, roles: {}, values: {}, resources: [], grants: [], accessPolicies: [], dataLakes: [], assumptions: [], notProvided: [], uses: [] };
  for (const [key, at] of roles.byKey) world.roles[key] = at.role;

  // Every placeholder a command uses gets the value whoever decides values gives its role.
  for (const step of tutorial.steps) {
    if (step.kind === 'manual') continue;
    for (const key of step.placeholders) {
      if (world.values[key] !== undefined) continue;
      const v = input.valueOf(key, roleIn(roles, step.id, key)?.role);
      if (v !== undefined) world.values[key] = v;
    }
  }

  const resolve = resolver(tutorial, world.values);
  const mentions: { m: Mention; step: Step; pos: number }[] = [];
  const createdGrants: (GrantMention & { step: Step })[] = [];
  const createdPolicies: (PolicyMention & { step: Step })[] = [];
  let dataLakeName: { name: string; line: number } | undefined;
  const splats = new Map<string, PsValue>();
  for (const step of tutorial.steps) {
    if (step.kind === 'manual') continue;
    const r = resolve.at(step);
    const found = stepMentions(step, r, splats);
    if (step.kind === 'shell' && step.language === 'powershell') updateSplats(splats, step.powershell ?? []);
    for (const m of found.resources) mentions.push({ m, step, pos: mentions.length });
    for (const g of found.grants) createdGrants.push({ ...g, step });
    for (const p of found.policies ?? []) createdPolicies.push({ ...p, step });
    if (step.kind === 'http' && dataLakeName === undefined) {
      const host = /^https?:\/\/([a-z0-9]+)\.azuredatalakestore\.net\b/i.exec(r(step.curl.url) ?? '');
      if (host) dataLakeName = { name: host[1]!, line: step.source.startLine };
    }
  }

  const created = mentions.filter((x) => x.m.verb === 'create');
  const stated = statedBy(tutorial, input.text, input.origins);
  // Indexed by what makes a resource the same one (role, name, parent): a long page is read once.
  const byKey = new Map<string, WorldResource>();
  const provide = (m: Mention, origin: Origin, line: number, stepId?: string): WorldResource => {
    const existing = byKey.get(resourceKey(m));
    if (existing) return existing;
    const r: WorldResource = {
      role: m.role,
      name: m.name,
      ...(m.group !== undefined ? { group: m.group } : {}),
      ...(m.account !== undefined ? { account: m.account } : {}),
      ...(m.container !== undefined ? { container: m.container } : {}),
      ...(m.vault !== undefined ? { vault: m.vault } : {}),
      origin,
      cite: { line, ...(stepId ? { stepId } : {}) },
      ...(m.content !== undefined ? { content: m.content } : {}),
      ...(m.rbac !== undefined ? { rbac: m.rbac } : {}),
      ...(m.location !== undefined ? { location: m.location } : {}),
      ...(m.kind !== undefined ? { kind: m.kind } : {}),
      ...(m.plan !== undefined ? { plan: m.plan } : {}),
    };
    world.resources.push(r);
    byKey.set(resourceKey(r), r);
    return r;
  };

  for (const a of input.author?.resources ?? []) {
    if (byKey.has(resourceKey(a))) continue;
    world.resources.push(a);
    byKey.set(resourceKey(a), a);
  }
  for (const { m, step } of created) provide(m, 'created', step.source.startLine, step.id);
  // The first creation of each resource, and of each role within a parent (a rival name), in page order.
  const firstCreated = new Map<string, (typeof created)[number]>();
  const firstOfRole = new Map<string, (typeof created)[number]>();
  for (const c of created) {
    if (!firstCreated.has(resourceKey(c.m))) firstCreated.set(resourceKey(c.m), c);
    const rk = `${c.m.role}\u0000${parentOf(c.m).toLowerCase()}`;
    if (!firstOfRole.has(rk)) firstOfRole.set(rk, c);
  }
  const used = new Set<string>();

  for (const { m, step, pos } of mentions) {
    if (m.verb === 'create') continue;
    const first = firstCreated.get(resourceKey(m));
    const creator = first !== undefined && first.pos < pos && first.step !== step ? first : undefined;
    if (creator && !used.has(`${step.id}\u0000${creator.step.id}`)) {
      used.add(`${step.id}\u0000${creator.step.id}`);
      world.uses.push({ stepId: step.id, creator: creator.step.id, what: describe(creator.m) });
    }
    if (byKey.has(resourceKey(m))) continue;
    const line = step.source.startLine;
    const rival = firstOfRole.get(`${m.role}\u0000${parentOf(m).toLowerCase()}`);
    // Another app or plan than the one the page creates is one the reader already has (pages move an
    // existing function app to a plan they create, create a second app, then configure the first):
    // apps are many per page, not a misspelling of the created one.
    const existingSite = rival !== undefined && (m.role === 'web-app' || m.role === 'app-service-plan');
    // Used before the page creates anything of its role, another name is what the reader already has
    // ("check your vault", then a section that creates a new one), not a misspelling of the later one.
    const beforeRival = rival !== undefined && rival.pos > pos;
    if (rival && !existingSite && !beforeRival) {
      world.notProvided.push({ role: m.role, name: m.name, line, why: `the page creates ${describe(rival.m)} (line ${rival.step.source.startLine}), not ${m.name}` });
      // The other name fails as on Azure once the page's own creation has run; if that creation failed,
      // the page's world never came to be and this step proves nothing: it waits on the creation.
      if (rival.pos < pos && rival.step !== step && !used.has(`${step.id}\u0000${rival.step.id}`)) {
        used.add(`${step.id}\u0000${rival.step.id}`);
        world.uses.push({ stepId: step.id, creator: rival.step.id, what: `${describe(m)} (the page's name for ${describe(rival.m)})` });
      }
      continue;
    }
    const statedAt = stated.roles.get(m.role);
    provide(m, statedAt !== undefined ? 'stated' : 'assumed', statedAt ?? line, step.id);
  }

  // Parents nobody names: the group a vault or account lives in, the vault of a secret, the account of a container.
  for (const r of [...world.resources]) {
    if (r.origin === 'created' || r.origin === 'author') continue;
    if ((r.role === 'vault' || r.role === 'storage-account' || r.role === 'identity-name' || r.role === 'web-app' || r.role === 'app-service-plan') && r.group === undefined) r.group = input.defaults.resourceGroup;
    const parents: Mention[] = [];
    if (r.group !== undefined && r.role !== 'resource-group') parents.push({ role: 'resource-group', name: r.group, verb: 'use' });
    if (r.vault !== undefined) parents.push({ role: 'vault', name: r.vault, verb: 'use', group: input.defaults.resourceGroup });
    if (r.account !== undefined) parents.push({ role: 'storage-account', name: r.account, verb: 'use', group: input.defaults.resourceGroup });
    if (r.container !== undefined && r.account !== undefined) parents.push({ role: 'container', name: r.container, account: r.account, verb: 'use' });
    if (r.role === 'web-app' && r.plan !== undefined) parents.push({ role: 'app-service-plan', name: r.plan, verb: 'use', group: r.group });
    for (const p of parents) provide(p, 'implied', r.cite.line);
  }
  // A secret the reader was told to give "any value" holds the value the page's example shows when read:
  // what a reader reproducing the page would have typed.
  for (const { m, step } of mentions) {
    if (m.role !== 'secret' || m.verb !== 'use') continue;
    const r = byKey.get(resourceKey(m));
    const shown = exampleSecretValue(step);
    if (r !== undefined && r.origin !== 'created' && r.content === undefined && shown !== undefined) r.content = shown;
  }
  for (const r of world.resources) {
    if (r.role === 'blob' && r.origin !== 'created' && r.content === undefined && stated.blobContent !== undefined) r.content = stated.blobContent;
    if (r.role === 'storage-account' && r.origin !== 'created' && stated.storageKind !== undefined) r.kind = stated.storageKind;
  }

  addGrants(world, stated, { grants: createdGrants, policies: createdPolicies }, input);
  if (stated.dataLake || dataLakeName) {
    world.dataLakes.push({ name: dataLakeName?.name ?? 'datalake', folders: stated.dataLake?.folders ?? [{ path: '/', acl: [] }], origin: stated.dataLake ? 'stated' : 'assumed', cite: { line: stated.dataLake?.line ?? dataLakeName?.line ?? 1 } });
  }

  const assumptions: Assumption[] = [];
  for (const r of world.resources) if (r.origin === 'assumed') assumptions.push({ role: r.role, name: r.name, line: r.cite.line, what: describe(r) });
  world.assumptions = assumptions;
  return world;
}

/** The secret value a step's example response shows (`{"value": "p@ssw0rd!", …}`), unless shortened. */
function exampleSecretValue(step: Step): string | undefined {
  const e = step.expectation;
  if (e?.kind !== 'json' || e.elided.includes('/value')) return undefined;
  const v = e.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const value = (v as Record<string, unknown>).value;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function scopeFor(hint: Stated['grants'][number]['scope'], world: World, defaults: WorldInput['defaults']): WorldScope {
  const first = (role: ResourceRole) => world.resources.find((r) => r.role === role);
  const groupOf = (r: WorldResource | undefined) => r?.group ?? first('resource-group')?.name ?? defaults.resourceGroup;
  switch (hint) {
    case 'subscription':
      return { kind: 'subscription' };
    case 'storage-account': {
      const a = first('storage-account');
      return a ? { kind: 'resource', role: 'storage-account', name: a.name, group: groupOf(a) } : { kind: 'resource-group', group: groupOf(undefined) };
    }
    case 'vault': {
      const v = first('vault');
      return v ? { kind: 'resource', role: 'vault', name: v.name, group: groupOf(v) } : { kind: 'resource-group', group: groupOf(undefined) };
    }
    case 'container': {
      const c = first('container');
      const a = c && world.resources.find((r) => r.role === 'storage-account' && same(r.name, c.account));
      return c && a ? { kind: 'resource', role: 'container', name: c.name, account: a.name, group: groupOf(a) } : { kind: 'resource-group', group: groupOf(undefined) };
    }
    default: {
      const holder = world.resources.find((r) => r.role === 'storage-account' || r.role === 'vault' || r.role === 'identity-name');
      return { kind: 'resource-group', group: holder?.group ?? first('resource-group')?.name ?? defaults.resourceGroup };
    }
  }
}

/**
 * The principal prose names. "The identity" is the page's user-assigned identity when it has exactly
 * one; with none or several the sentence names nobody the World knows, and a managed identity on a VM
 * page is the VM's own (what these sentences meant before user-assigned identities were told apart).
 */
function statedPrincipal(p: StatedPrincipal, world: World): WorldPrincipal {
  if (p === 'reader') return { kind: 'reader' };
  if (p === 'identity') {
    const identities = world.resources.filter((r) => r.role === 'identity-name');
    if (identities.length === 1) return { kind: 'identity', name: identities[0]!.name };
  }
  return { kind: 'vm' };
}

function addGrants(world: World, stated: Stated, created: { grants: (GrantMention & { step: Step })[]; policies: (PolicyMention & { step: Step })[] }, input: WorldInput): void {
  const createdGrants = created.grants;
  // Prose that names the role a command of the page then assigns describes that command: the grant
  // is the page's own (made at run time), not a prerequisite to seed.
  const madeByPage = new Set(createdGrants.map((g) => (builtInRoleName(g.role.replace(/^['"‘’]|['"‘’]$/g, '')) ?? g.role).toLowerCase()));
  for (const g of stated.grants) {
    if (madeByPage.has((builtInRoleName(g.role) ?? g.role).toLowerCase())) continue;
    world.grants.push({ role: builtInRoleName(g.role) ?? g.role, principal: statedPrincipal(g.principal, world), scope: scopeFor(g.scope, world, input.defaults), origin: 'stated', cite: { line: g.line } });
  }
  for (const g of input.author?.grants ?? []) world.grants.push(g);
  // The page's own `az role assignment create`: made at run time by the page; recorded, never seeded.
  const readerIds = readerIdVariables(input.tutorial.steps);
  for (const g of createdGrants) {
    // An id the page read with az ad signed-in-user show is the reader's, whatever value stands in for it
    // here; an assignee this tool cannot resolve otherwise names nobody it knows.
    const toReader = g.written !== undefined && namesReader(g.written, readerIds);
    if (g.unresolved && !toReader) continue;
    world.grants.push({ role: builtInRoleName(g.role.replace(/^['"‘’]|['"‘’]$/g, '')) ?? g.role, principal: toReader ? { kind: 'reader' } : principalOf(g.assignee, world), scope: g.scope ? { kind: 'resource-group', group: /\/resourcegroups\/([^/]+)/i.exec(g.scope)?.[1] ?? '' } : { kind: 'subscription' }, origin: 'created', cite: { line: g.step.source.startLine, stepId: g.step.id } });
  }
  // The page's own access policies (az keyvault set-policy, Set-AzKeyVaultAccessPolicy): made at run time, recorded, never seeded.
  for (const p of created.policies) {
    const toReader = namesReader(p.written, readerIds);
    if ((p.unresolved && !toReader) || p.vault === undefined) continue;
    world.accessPolicies.push({ vault: p.vault, principal: toReader ? { kind: 'reader' } : principalOf(p.assignee, world), secrets: p.secrets, origin: 'created', cite: { line: p.step.source.startLine, stepId: p.step.id } });
  }
  for (const p of stated.accessPolicies) {
    const vault = world.resources.find((r) => r.role === 'vault');
    if (!vault) continue;
    if (vault.origin !== 'created') vault.rbac = false;
    world.accessPolicies.push({ vault: vault.name, principal: statedPrincipal(p.principal, world), secrets: p.secrets, origin: 'stated', cite: { line: p.line } });
  }
}
