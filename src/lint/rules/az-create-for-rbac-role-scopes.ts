// `az ad sp create-for-rbac --role Contributor` without --scopes (or --scopes without --role): since
// Azure CLI 2.35.0 the command refuses before creating anything, "Usage error: To create role
// assignments, specify both --role and --scopes." (azure-cli role/custom.py
// create_service_principal_for_rbac). Pages written when --role alone assigned the role at the
// subscription stop there.
import type { Rule, RuleHit } from '../rule.ts';
import { azOption } from '../commands.ts';
import { eachAz } from '../each.ts';

const SOURCE = 'Azure/azure-cli src/azure-cli/azure/cli/command_modules/role/custom.py @01ce0346a4b9, create_service_principal_for_rbac: "if role and not scopes or not role and scopes: raise ArgumentUsageError(\'Usage error: To create role assignments, specify both --role and --scopes.\')"';

export const azCreateForRbacRoleScopes: Rule = {
  id: 'az-create-for-rbac-role-scopes',
  name: 'AzCreateForRbacRoleScopes',
  severity: 'error',
  shortDescription: 'az ad sp create-for-rbac is given --role without --scopes, or --scopes without --role: az stops with a usage error.',
  fullDescription:
    `Azure/azure-cli PR #21323 (in Azure CLI 2.35.0, April 2022; Azure/azure-cli#21960 reports it on 2.35.0) made az ad sp create-for-rbac create a role assignment only when both --role and --scopes are given, and refuse one without the other: ${SOURCE}. The check comes first: no application, no service principal, no credentials are created, and az exits with an error. Pages written when --role alone assigned the role at the current subscription stop there. Readers reported it on many pages (Azure/azure-cli#21960, openshift/openshift-docs#45150, MicrosoftDocs/cloud-adoption-framework#1282, mspnp/serverless-reference-implementation#130). A command whose options az cannot all read (an unknown option, a word that may expand to more options) is not judged here.`,
  help: 'Give both: --role <ROLE> --scopes /subscriptions/<SUBSCRIPTION ID>/resourceGroups/<GROUP> (the narrowest scope that works), or neither to create the service principal without a role assignment and assign one later with az role assignment create.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      if (az.path.join(' ') !== 'ad sp create-for-rbac' || az.read.found.kind !== 'command') continue;
      // An option az cannot place, or a free word ($EXTRA_ARGS) that may expand to --scopes: not sure what az gets.
      if (az.options.some((o) => o.lookup.kind !== 'parameter') || az.read.positionals.length > 0) continue;
      const role = azOption(az, '--role');
      const scopes = azOption(az, '--scopes');
      if (Boolean(role) === Boolean(scopes)) continue;
      const given = (role ?? scopes)!;
      // `--role=Contributor` is one word: its value follows the "=".
      const inline = given.nameWord.value.includes('=');
      const value = given.value === undefined ? undefined : inline ? given.nameWord.value.slice(given.nameWord.value.indexOf('=') + 1) : given.value.value;
      // `--role ""` is no role to az (a falsy value), so az does not complain: not judged.
      if (value === '') continue;
      const written = given.value === undefined ? given.name : inline ? given.nameWord.raw : `${given.name} ${given.value.raw}`;
      const missing = role ? '--scopes' : '--role';
      hits.push({
        line: given.nameWord.line,
        column: given.nameWord.column,
        stepId: command.step.id,
        message: `az ad sp create-for-rbac ${written} without ${missing}: az stops with "Usage error: To create role assignments, specify both --role and --scopes." and creates nothing (Azure CLI 2.35.0 and later; ${SOURCE.split(',')[0]}). Add ${missing === '--scopes' ? '--scopes /subscriptions/<SUBSCRIPTION ID>/resourceGroups/<GROUP>' : '--role <ROLE>'}, or drop ${given.name} and assign a role later with az role assignment create.`,
      });
    }
    return hits;
  },
};
