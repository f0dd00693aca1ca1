// A role definition shown as az output (az role definition create/list/update) that matches none of the
// definitions the page itself writes for that role: other actions, other assignable scopes. Azure
// stores and returns the definition it was given, so the output can only be one of the page's versions.
// A built-in role is Azure's: its output is held to today's definition in the role catalog.
import type { Rule, RuleHit } from '../rule.ts';
import type { JsonBlock } from '../document.ts';
import { findRole, roleCatalog, type CatalogRole } from '../../reference/rbac.ts';

interface Definition {
  name: string;
  actions: string[];
  scopes: string[];
  line: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);
const get = (o: Obj, ...keys: string[]): unknown => {
  const k = Object.keys(o).find((x) => keys.includes(x));
  return k === undefined ? undefined : o[k];
};

/** A role definition file as az role definition create/update takes it ("Name", "Actions", "AssignableScopes"). */
function written(block: JsonBlock): Definition | undefined {
  const v = block.read.value;
  if (!isObj(v)) return undefined;
  const name = get(v, 'Name', 'roleName');
  const actions = strings(get(v, 'Actions', 'actions'));
  const scopes = strings(get(v, 'AssignableScopes', 'assignableScopes'));
  if (typeof name !== 'string' || name === '' || !actions || !scopes) return undefined;
  return { name, actions, scopes, line: block.json.source.startLine };
}

/** Role definitions as az prints them ("roleName", "permissions": [{"actions"}], "assignableScopes"). */
function printed(block: JsonBlock): Definition[] {
  const out: Definition[] = [];
  for (const d of printedObjects(block)) {
    const actions = permissionList(d, 'actions');
    const scopes = strings(d.assignableScopes);
    if (scopes) out.push({ name: d.roleName as string, actions, scopes, line: block.json.source.startLine });
  }
  return out;
}

function printedObjects(block: JsonBlock): Obj[] {
  const v = block.read.value;
  return (Array.isArray(v) ? v : [v]).filter((d): d is Obj => isObj(d) && typeof d.roleName === 'string' && Array.isArray(d.permissions));
}

type PermissionKind = 'actions' | 'notActions' | 'dataActions' | 'notDataActions';
const PERMISSION_KINDS: readonly PermissionKind[] = ['actions', 'notActions', 'dataActions', 'notDataActions'];

function permissionList(d: Obj, kind: PermissionKind): string[] {
  return (d.permissions as unknown[]).flatMap((p) => (isObj(p) ? (strings(p[kind]) ?? []) : []));
}

/**
 * A built-in role as az prints it, against today's definition in the catalog (matched by its GUID,
 * else its name): what the output lacks or has too, per permission list. Lists the output leaves
 * out are not judged (a projection may drop them); a list written with a placeholder is not either.
 */
function builtInDifferences(d: Obj): { role: CatalogRole; diffs: string[] } | undefined {
  if (d.roleType !== 'BuiltInRole') return undefined;
  const guid = typeof d.name === 'string' ? d.name : typeof d.id === 'string' ? d.id : '';
  const role = findRole(guid) ?? findRole(d.roleName as string);
  if (!role || role.conditional) return undefined;
  const diffs: string[] = [];
  for (const kind of PERMISSION_KINDS) {
    if (!(d.permissions as unknown[]).some((p) => isObj(p) && Array.isArray(p[kind]))) continue;
    const shown = permissionList(d, kind);
    if (shown.some(placeholder)) continue;
    const today = role[kind];
    const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
    const s = lower(shown);
    const t = lower(today);
    const missing = today.filter((x) => !s.has(x.toLowerCase()));
    const extra = shown.filter((x) => !t.has(x.toLowerCase()));
    if (missing.length) diffs.push(`${kind} lacks ${quoteList(missing)}`);
    if (extra.length) diffs.push(`${kind} has ${quoteList(extra)}, which the role no longer has`);
  }
  return diffs.length ? { role, diffs } : undefined;
}

const quoteList = (xs: readonly string[]): string => (xs.length > 4 ? `${xs.slice(0, 4).map((x) => `"${x}"`).join(', ')} and ${xs.length - 4} more` : xs.map((x) => `"${x}"`).join(', '));

function catalogSource(role: CatalogRole): string {
  const src = roleCatalog().sources.find((s) => s.path === role.source);
  return src ? `${src.repo} ${src.path} @ ${src.commit.slice(0, 12)}` : role.source;
}

const norm = (xs: readonly string[]): string[] => [...new Set(xs.map((x) => x.toLowerCase()))].sort();
const placeholder = (s: string): boolean => /[{<]/.test(s);

/** What differs between the output and one written version, in words; empty when they agree. */
function differences(out: Definition, version: Definition): string[] {
  const diffs: string[] = [];
  const a = norm(out.actions);
  const w = norm(version.actions);
  const extra = out.actions.filter((x) => !w.includes(x.toLowerCase()));
  const missing = version.actions.filter((x) => !a.includes(x.toLowerCase()));
  if (extra.length) diffs.push(`actions ${extra.map((x) => `"${x}"`).join(', ')} that it does not grant`);
  if (missing.length) diffs.push(`no ${missing.map((x) => `"${x}"`).join(', ')}`);
  // A placeholder scope ({subscriptionId1}) stands for any value: compare how many there are.
  const sameScopes = out.scopes.some(placeholder) || version.scopes.some(placeholder)
    ? out.scopes.length === version.scopes.length
    : norm(out.scopes).join('\n') === norm(version.scopes).join('\n');
  if (!sameScopes) diffs.push(`${out.scopes.length} assignable scope${out.scopes.length === 1 ? '' : 's'} where it has ${version.scopes.length}`);
  return diffs;
}

export const exampleRoleDefinitionDiffers: Rule = {
  id: 'example-role-definition-differs',
  name: 'ExampleRoleDefinitionDiffers',
  severity: 'warning',
  shortDescription: 'A role definition shown as output matches none of the definitions the page writes for that role, or is not the built-in role as Azure defines it today.',
  fullDescription:
    'az role definition create and update store the definition they are given (Role Definitions - Create Or Update, authorization-RoleDefinitionsCalls.json), and az role definition list returns what is stored. An output example for a custom role whose actions or assignable scopes match none of the versions the page writes (the file it creates the role from, the file it updates it with) was taken from another role or another day: the reader cannot check their result against it. Built-in roles are defined by Azure, not by the page, and Microsoft changes them (Contributor gained NotActions for Blueprint assignments, gallery sharing, Purview consents, deployment stacks and subscription cancel/enable): az role definition list prints today\'s definition, which the Azure RBAC built-in roles reference lists (generated into src/reference/built-in-roles.json with its source pages and commits). An output of a built-in role whose Actions, NotActions, DataActions or NotDataActions differ from it is out of date.',
  help: "Show the definition exactly as the page's own JSON file defines it (actions, assignable scopes), at that point of the page; for a built-in role, today's output of az role definition list.",
  check(doc) {
    // The file's content may stand anywhere (the parser may read it as the output of the step before it): its shape says what it is.
    const versions = doc.json.map(written).filter((d): d is Definition => d !== undefined);
    const hits: RuleHit[] = [];
    for (const block of doc.json) {
      if (block.role !== 'response') continue;
      for (const d of printedObjects(block)) {
        const b = builtInDifferences(d);
        if (!b) continue;
        hits.push({
          line: block.json.source.startLine,
          column: 1,
          endLine: block.json.source.endLine,
          ...(block.step ? { stepId: block.step.id } : {}),
          message: `This output of the built-in role "${b.role.roleName}" is not its definition today: ${b.diffs.join('; ')} (the role as Azure's built-in roles reference defines it, ${catalogSource(b.role)}). az role definition list prints today's definition: show that one.`,
        });
      }
      for (const out of printed(block)) {
        const mine = versions.filter((v) => v.name.toLowerCase() === out.name.toLowerCase());
        if (mine.length === 0) continue;
        const diffs = mine.map((v) => ({ v, d: differences(out, v) }));
        if (diffs.some((x) => x.d.length === 0)) continue;
        hits.push({
          line: block.json.source.startLine,
          column: 1,
          endLine: block.json.source.endLine,
          ...(block.step ? { stepId: block.step.id } : {}),
          message: `This output of "${out.name}" matches none of the page's definitions of that role: ${diffs.map((x) => `against the one on line ${x.v.line} it has ${x.d.join(' and ')}`).join('; ')}.`,
        });
      }
    }
    return hits;
  },
};
