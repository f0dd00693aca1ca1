// A custom role the page creates (`az role definition create` with a definition whose "Name" the page
// shows) that an earlier command already lists, shows, assigns or updates: a custom role exists only once
// its definition is created, so a reader following the page in order gets `[]` from `az role definition
// list --name` (az filters the subscription's definitions by roleName) and "Role 'X' doesn't exist" from
// `az role assignment create --role`. Built-in roles (the generated catalog) always exist: never reported.
import type { Rule, RuleHit } from '../rule.ts';
import { azOf, azOption, simpleCommands } from '../commands.ts';
import { builtInRoleName } from '../../world/stated.ts';
import { nameWord } from '../text.ts';

/** Commands that need the role to exist, and the option naming it. */
const USES: Readonly<Record<string, string>> = {
  'role definition list': '--name',
  'role definition show': '--name',
  'role definition update': '--name',
  'role definition delete': '--name',
  'role assignment create': '--role',
};

export const roleUsedBeforeCreated: Rule = {
  id: 'role-used-before-created',
  name: 'RoleUsedBeforeCreated',
  severity: 'warning',
  shortDescription: 'A command uses a custom role before the step of the page that creates it.',
  fullDescription:
    "A custom role exists only after az role definition create. A page that lists, shows or assigns the role in a section before the one that creates it gives a reader following it in order an empty list ([]) or \"Role '…' doesn't exist\", and shows output that reader cannot get. A custom role exists only once `az role definition create` has run. The role's name is the `\"Name\"` (or `\"roleName\"`) of the definition the page shows between the previous command and the create; an earlier `az role definition list|show|update|delete --name` or `az role assignment create --role` of that name (not a built-in role of the generated catalog, not a placeholder) is reported from the sentence leading into its block, when that sentence names the role, to the command. `az role definition list --name` filters the subscription's definitions by roleName and prints `[]` when none matches; `az role assignment create --role` fails with \"Role '…' doesn't exist.\" (Azure/azure-cli `src/azure-cli/azure/cli/command_modules/role/custom.py`, `_resolve_role_id`).",
  help: 'Create the role first, or say that the earlier sections assume a custom role the reader already has.',
  check(doc) {
    if (!doc.hasText) return [];
    // Roles created, by name, with the line of the creating command: the "Name" of the definition shown
    // between the previous command and the create.
    const created = new Map<string, number>();
    let previousEnd = 0;
    const uses: { name: string; line: number; column: number; stepId: string; start: number }[] = [];
    for (const c of doc.commands) {
      for (const cmd of simpleCommands(c.words)) {
        const az = azOf(cmd);
        const path = az?.path.join(' ');
        if (!az || !path) continue;
        if (path === 'role definition create') {
          for (let n = previousEnd + 1; n < c.step.source.startLine; n++) {
            const m = /"(?:Name|roleName)"\s*:\s*"([^"]+)"/.exec(doc.line(n));
            if (m && !created.has((m[1] as string).toLowerCase())) created.set((m[1] as string).toLowerCase(), c.step.source.startLine);
          }
          continue;
        }
        const option = USES[path];
        const v = option ? azOption(az, option)?.value : undefined;
        if (v && !/[<>{}$]/.test(v.value) && builtInRoleName(v.value) === undefined) uses.push({ name: v.value, line: v.line, column: v.column, stepId: c.step.id, start: c.step.source.startLine });
      }
      previousEnd = c.step.source.endLine;
    }
    const hits: RuleHit[] = [];
    const reported = new Set<string>();
    for (const u of uses) {
      const at = created.get(u.name.toLowerCase());
      if (at === undefined || u.line > at || reported.has(u.name.toLowerCase())) continue;
      reported.add(u.name.toLowerCase());
      // The sentence leading into the block, when it names the role, is where the page uses it too.
      let lead = u.start - 1;
      while (lead > 0 && (doc.line(lead).trim() === '' || /^\s*(?:`{3,}|~{3,})/.test(doc.line(lead)))) lead--;
      const from = lead > 0 && doc.isProse(lead) && nameWord(u.name).test(doc.line(lead).replace(/[*_`]/g, '')) ? lead : u.line;
      hits.push({
        line: from,
        ...(from === u.line ? { column: u.column } : {}),
        endLine: u.line,
        stepId: u.stepId,
        message: `the custom role "${u.name}" is used here, but the page creates it only on line ${at} (az role definition create): a reader following the page in order has no such role yet, so az role definition list answers [] and az role assignment create "doesn't exist". Create the role first, or say these sections assume a custom role the reader already has.`,
      });
    }
    return hits;
  },
};
