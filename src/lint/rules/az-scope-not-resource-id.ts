// --scope and --identities values that are not valid ARM ids.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { checkResourceId } from '../resource-id.ts';
import { fixOf, replaceAt, wordOnLine, withFix } from '../fix.ts';
import type { Fix } from '../finding.ts';
import type { LintDocument } from '../document.ts';
import type { ShellWord } from '../../parse/shell-words.ts';

const ID_OPTIONS = new Set(['--scope', '--identities', '--ids', '--assign-identity']);
/**
 * Managed HSM local RBAC: `az keyvault role assignment|definition …` takes a scope inside the HSM, not an
 * ARM id — "Scope at which the role assignment or definition applies to, e.g., "/" or "/keys" or
 * "/keys/{keyname}"" (az reference, keyvault role assignment create --scope; the data-plane REST path is
 * {vaultBaseUrl}/{scope}/providers/Microsoft.Authorization/roleAssignments/…). Calling "/keys" no resource
 * id was a false error ×13 (azure-security-docs @1c4310be managed-hsm/role-management.md, tls-offload-library.md).
 */
const HSM_SCOPE_COMMANDS = /^keyvault role (?:assignment|definition) /;

export const azScopeNotResourceId: Rule = {
  id: 'az-scope-not-resource-id',
  name: 'AzScopeNotResourceId',
  severity: 'error',
  shortDescription: 'An az --scope (or --identities) value is not a valid resource id.',
  fullDescription:
    'Scopes are ARM ids: after the provider namespace, types and names alternate. "…/blobServices/default/<CONTAINER NAME>" lacks the "containers" type, so ARM reads the container name as a resource type and rejects the scope (InvalidResourceType / MissingSubscription-style errors), and the role is never assigned where the tutorial wants it. The --scope of az keyvault role assignment/definition is a Managed HSM scope ("/", "/keys", "/keys/{keyname}", az reference of az keyvault role assignment create) and is not checked.',
  help: 'Write the full id, e.g. …/storageAccounts/<ACCOUNT>/blobServices/default/containers/<CONTAINER NAME>.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      for (const o of az.options) {
        if (!ID_OPTIONS.has(o.name) || !o.value) continue;
        if (o.name === '--scope' && HSM_SCOPE_COMMANDS.test(`${az.path.join(' ')} `)) continue;
        const id = o.value.value.trim();
        if (!id.startsWith('/')) continue;
        const { problems, suggestion } = checkResourceId(id);
        if (!problems.length) continue;
        hits.push({
          line: o.value.line,
          column: o.value.column + (o.value.quoted ? 1 : 0) + (problems[0]?.offset ?? 0),
          stepId: command.step.id,
          message: `${o.name} is not a valid resource id: ${problems.map((p) => p.message).join('; ')}. Write "${suggestion}".`,
          suggestion,
          ...withFix(insertionFix(doc, o.value, id, suggestion)),
        });
      }
    }
    return hits;
  },
};

/**
 * Sure only when the corrected id is the written one with text inserted: a child type where only one
 * can stand (".../blobServices/default/<CONTAINER NAME>" → ".../default/containers/<CONTAINER NAME>").
 * A re-cased namespace or a guessed type name is left to the writer.
 */
function insertionFix(doc: LintDocument, word: ShellWord, id: string, corrected: string): Fix | undefined {
  if (corrected.length <= id.length || !wordOnLine(doc, word) || word.raw.split(id).length !== 2) return undefined;
  let prefix = 0;
  while (prefix < id.length && id[prefix] === corrected[prefix]) prefix++;
  let suffix = 0;
  while (suffix < id.length - prefix && id[id.length - 1 - suffix] === corrected[corrected.length - 1 - suffix]) suffix++;
  if (prefix + suffix !== id.length) return undefined;
  const inserted = corrected.slice(prefix, corrected.length - suffix);
  const column = word.column + word.raw.indexOf(id) + prefix;
  return fixOf(`insert "${inserted}": ${corrected}`, [replaceAt(doc, word.line, column, column, inserted)]);
}
