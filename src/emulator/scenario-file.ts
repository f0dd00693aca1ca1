// Reading a scenario file for `emulator --scenario` and the runner: JSON, validated by the zod schema
// and by the cross-references the schema cannot see (the CLI principal exists, attached identities
// exist, roles are built-in ones). Every error names the field, so the file can be fixed.
import { readFile } from 'node:fs/promises';
import { ToolError } from '../errors.ts';
import { findRole } from './roles.ts';
import { Scenario } from './scenario.ts';

/** Problems the schema cannot express, as "path: what is wrong" lines. */
export function scenarioReferenceErrors(s: Scenario): string[] {
  const errors: string[] = [];
  if (!s.principals.some((p) => p.principalId.toLowerCase() === s.cliPrincipal.toLowerCase())) {
    errors.push(`cliPrincipal: '${s.cliPrincipal}' is not the principalId of any entry in principals`);
  }
  s.vm.userAssigned.forEach((name, i) => {
    if (!s.userAssignedIdentities.some((u) => u.name.toLowerCase() === name.toLowerCase())) errors.push(`vm.userAssigned.${i}: no userAssignedIdentities entry is named '${name}'`);
  });
  s.roleAssignments.forEach((a, i) => {
    if (findRole(a.role) === undefined) errors.push(`roleAssignments.${i}.role: '${a.role}' is not a built-in role name or role definition GUID the emulator knows`);
  });
  const groups = new Set(s.resourceGroups.map((g) => g.name.toLowerCase()));
  const check = (path: string, rg: string): void => {
    if (!groups.has(rg.toLowerCase())) errors.push(`${path}.resourceGroup: '${rg}' is not in resourceGroups`);
  };
  check('vm', s.vm.resourceGroup);
  s.storageAccounts.forEach((a, i) => check(`storageAccounts.${i}`, a.resourceGroup));
  s.keyVaults.forEach((v, i) => check(`keyVaults.${i}`, v.resourceGroup));
  s.dataLakeStores.forEach((d, i) => check(`dataLakeStores.${i}`, d.resourceGroup));
  s.userAssignedIdentities.forEach((u, i) => check(`userAssignedIdentities.${i}`, u.resourceGroup));
  (s.appServicePlans ?? []).forEach((p, i) => check(`appServicePlans.${i}`, p.resourceGroup));
  (s.webApps ?? []).forEach((w, i) => check(`webApps.${i}`, w.resourceGroup));
  return errors;
}

export function parseScenario(input: unknown, file: string): Scenario {
  const parsed = Scenario.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new ToolError('E_SCENARIO', `invalid scenario:\n  ${lines.join('\n  ')}`, { file });
  }
  const refs = scenarioReferenceErrors(parsed.data);
  if (refs.length > 0) throw new ToolError('E_SCENARIO', `invalid scenario:\n  ${refs.join('\n  ')}`, { file });
  return parsed.data;
}

export async function loadScenarioFile(file: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ToolError('E_SCENARIO', `cannot read scenario file: ${(err as Error).message}`, { file, cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ToolError('E_SCENARIO', `scenario file is not JSON: ${(err as Error).message}`, { file, cause: err });
  }
  return parseScenario(json, file);
}
