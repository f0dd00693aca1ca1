// A custom role definition with NotActions and no Actions: Azure RBAC computes a role's permissions as
// its Actions minus its NotActions, so such a role grants nothing and takes nothing away. "NotActions
// … is not a deny": a user's other roles still allow the excluded operations
// (learn.microsoft.com/azure/role-based-access-control/role-definitions#notactions). Read where the page
// writes a role to create: `az role definition create|update --role-definition '{…}'` and role
// definition JSON blocks (the CLI's shape with top-level Actions/NotActions, or the ARM shape with
// permissions[]); output examples of existing roles are not what the page asks to create.
import type { Rule, RuleHit } from '../rule.ts';
import { azOption } from '../commands.ts';
import { eachAz } from '../each.ts';

interface Block {
  actions: unknown[];
  notActions: unknown[];
  dataActions: unknown[];
  notDataActions: unknown[];
}

const list = (o: Record<string, unknown>, key: string): unknown[] => {
  const k = Object.keys(o).find((x) => x.toLowerCase() === key.toLowerCase());
  const v = k === undefined ? undefined : o[k];
  return Array.isArray(v) ? v : [];
};

/** The permission blocks of a role definition, in either shape; undefined when the value is not one. */
function permissionBlocks(value: unknown): Block[] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o).map((k) => k.toLowerCase());
  const read = (x: Record<string, unknown>): Block => ({ actions: list(x, 'actions'), notActions: list(x, 'notActions'), dataActions: list(x, 'dataActions'), notDataActions: list(x, 'notDataActions') });
  if (keys.includes('notactions') || keys.includes('actions')) return [read(o)];
  const props = keys.includes('properties') && typeof o[Object.keys(o).find((k) => k.toLowerCase() === 'properties')!] === 'object' ? (o[Object.keys(o).find((k) => k.toLowerCase() === 'properties')!] as Record<string, unknown>) : o;
  const perms = list(props, 'permissions');
  if (perms.length === 0) return undefined;
  return perms.filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null).map(read);
}

/** Whether a role definition only subtracts: something in NotActions/NotDataActions and nothing to subtract from. */
function onlySubtracts(blocks: Block[]): string | undefined {
  if (blocks.some((b) => b.actions.length > 0 || b.dataActions.length > 0)) return undefined;
  const first = blocks.flatMap((b) => [...b.notActions, ...b.notDataActions]).find((x) => typeof x === 'string');
  return typeof first === 'string' ? first : undefined;
}

const message = (op: string) =>
  `this role has NotActions but no Actions: NotActions only take away from the Actions of the same role, so the role grants nothing and forbids nothing — a user's other roles (Contributor, Website Contributor…) still allow ${op}. Give the role the Actions the user should keep (and assign it instead of the broader role), or forbid the operation with Azure Policy or a deny assignment.`;

export const rbacNotactionsOnly: Rule = {
  id: 'rbac-notactions-only',
  name: 'RbacNotactionsOnly',
  severity: 'warning',
  shortDescription: 'A custom role the page creates has NotActions but no Actions: it grants nothing and denies nothing.',
  fullDescription:
    "Azure RBAC grants a role's Actions minus its NotActions; NotActions are not a deny. A role with only NotActions therefore has no permission at all, and assigning it to a user changes nothing: the user's other role assignments still allow the operations listed in NotActions (learn.microsoft.com/azure/role-based-access-control/role-definitions#notactions).",
  help: 'List the Actions the role should grant (for example "*" or "Microsoft.Web/*") beside the NotActions, assign that role instead of the broader one, or use Azure Policy or a deny assignment to forbid an operation.',
  check(doc) {
    const hits: RuleHit[] = [];
    const inCommands = new Set<number>();
    for (const { command, az } of eachAz(doc)) {
      if (!/^role definition (?:create|update)$/.test(az.path.join(' '))) continue;
      const def = azOption(az, '--role-definition')?.value;
      if (!def) continue;
      for (const l of command.lines) inCommands.add(l.line);
      let value: unknown;
      try {
        value = JSON.parse(def.value);
      } catch {
        continue; // a file name (@role.json) or not JSON
      }
      const blocks = permissionBlocks(value);
      const op = blocks && onlySubtracts(blocks);
      if (!op) continue;
      const at = command.lines.find((l) => /"not(?:data)?actions"\s*:/i.test(l.text));
      hits.push({ line: at?.line ?? def.line, stepId: command.step.id, message: message(op) });
    }
    for (const block of doc.json) {
      // A role definition file the page writes (input), not the output of an az or REST call.
      if (block.role === 'response' || block.read.lines.some((l) => inCommands.has(l.line))) continue;
      const blocks = permissionBlocks(block.read.value);
      const op = blocks && onlySubtracts(blocks);
      if (!op) continue;
      const key = block.read.strings.find((s) => s.isKey && /^not(?:data)?actions$/i.test(s.raw));
      hits.push({ line: key?.line ?? block.read.lines[0]?.line ?? 1, message: message(op) });
    }
    return hits;
  },
};
