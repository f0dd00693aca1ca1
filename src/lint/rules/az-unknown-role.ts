// --role values that are not role names Azure has.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { azOptionUsed } from '../commands.ts';
import { builtInRoleNames, catalogRole } from '../../reference/rbac.ts';
import { editDistance } from '../../parse/placeholders.ts';
import { isGuid } from '../guid.ts';
import { eachCmdlet, psParameter } from '../powershell-commands.ts';

/** The built-in role a name is a slip of (edit distance 2 or less, without case), if any. */
function nearRole(bare: string): string | undefined {
  const near = builtInRoleNames()
    .map((name) => ({ name, d: editDistance(name.toLowerCase(), bare.toLowerCase()) }))
    .sort((a, b) => a.d - b.d)[0];
  return near && near.d <= 2 ? near.name : undefined;
}

const CURLY = /[\u2018\u2019\u201c\u201d]/gu;

export const azUnknownRole: Rule = {
  id: 'az-unknown-role',
  name: 'AzUnknownRole',
  severity: 'error',
  shortDescription: 'az role assignment create (or New-AzRoleAssignment -RoleDefinitionName) is given a role name that does not exist.',
  fullDescription:
    'az resolves --role by the role definition\'s name. A name carrying curly quotes (‘Reader’) or a typo of a built-in role matches no role definition, and az stops with "Role \'…\' doesn\'t exist." Other names are not judged: Azure has hundreds of built-in roles and a tenant has its own custom roles. New-AzRoleAssignment -RoleDefinitionName is judged for slips of a built-in role\'s name only: PowerShell reads curly quotes as quotes, so ‘Reader’ is Reader there.',
  help: "Use the built-in role's exact name in ASCII quotes, e.g. --role 'Storage Blob Data Reader', or its GUID.",
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      if (az.path.join(' ') !== 'role assignment create') continue;
      const role = azOptionUsed(az, '--role')?.value;
      if (!role || /^<.*>$/.test(role.value) || isGuid(role.value) || catalogRole(role.value)) continue;
      const bare = role.value.replace(/[\u2018\u2019\u201c\u201d'"]/gu, '').trim();
      const guess = nearRole(bare);
      // A tenant has custom roles too: a name is known wrong only when it carries look-alike quotes
      // or is a slip of a built-in role (the generated catalog, src/reference/built-in-roles.json).
      if (!guess && bare === role.value) continue;
      hits.push({
        line: role.line,
        column: role.column,
        stepId: command.step.id,
        message: `no role definition is named ${JSON.stringify(role.value)}${bare !== role.value ? ' (the curly quotes are part of the name bash passes)' : ''}: az stops with "Role '${role.value}' doesn't exist."${guess ? ` Write --role '${guess}'.` : ' Use a built-in role name or a role definition GUID.'}`,
        ...(guess ? { suggestion: `'${guess}'` } : {}),
      });
    }
    // New-AzRoleAssignment -RoleDefinitionName: PowerShell itself reads ‘…’ and “…” as quotes (about_Quoting_Rules),
    // so only a slip of a built-in role's name is known wrong.
    for (const c of eachCmdlet(doc, 'New-AzRoleAssignment')) {
      const b = psParameter(c, 'RoleDefinitionName');
      const v = b?.value;
      if (!v || !b.valueWhere || v.variables?.length || !['string', 'expandable', 'bare'].includes(v.kind)) continue;
      const name = (v.kind === 'bare' ? v.text : (v.content ?? '')).replace(CURLY, '').trim();
      if (name === '' || /[<>{}$`*]/.test(name) || isGuid(name) || catalogRole(name)) continue;
      const guess = nearRole(name);
      if (!guess) continue;
      hits.push({
        ...b.valueWhere,
        stepId: c.step.id,
        message: `no role definition is named ${JSON.stringify(name)}: New-AzRoleAssignment finds no role of that name and assigns nothing. Write -RoleDefinitionName '${guess}'.`,
        suggestion: `'${guess}'`,
      });
    }
    return hits;
  },
};
