// A role definition shown as az output (az role definition create/list/update) that matches none of the
// definitions the page itself writes for that role: other actions, other assignable scopes. Azure
// stores and returns the definition it was given, so the output can only be one of the page's versions.
import type { Rule, RuleHit } from '../rule.ts';
import type { JsonBlock } from '../document.ts';

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
  const v = block.read.value;
  const out: Definition[] = [];
  for (const d of Array.isArray(v) ? v : [v]) {
    if (!isObj(d) || typeof d.roleName !== 'string' || !Array.isArray(d.permissions)) continue;
    const actions = d.permissions.flatMap((p) => (isObj(p) ? (strings(p.actions) ?? []) : []));
    const scopes = strings(d.assignableScopes);
    if (scopes) out.push({ name: d.roleName, actions, scopes, line: block.json.source.startLine });
  }
  return out;
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
  shortDescription: 'A role definition shown as output matches none of the definitions the page writes for that role.',
  fullDescription:
    'az role definition create and update store the definition they are given (Role Definitions - Create Or Update, authorization-RoleDefinitionsCalls.json), and az role definition list returns what is stored. An output example for a custom role whose actions or assignable scopes match none of the versions the page writes (the file it creates the role from, the file it updates it with) was taken from another role or another day: the reader cannot check their result against it.',
  help: "Show the definition exactly as the page's own JSON file defines it (actions, assignable scopes), at that point of the page.",
  check(doc) {
    // The file's content may stand anywhere (the parser may read it as the output of the step before it): its shape says what it is.
    const versions = doc.json.map(written).filter((d): d is Definition => d !== undefined);
    const hits: RuleHit[] = [];
    for (const block of doc.json) {
      if (block.role !== 'response') continue;
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
