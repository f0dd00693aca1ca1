// The page names a field of an az command's output that the command does not print: the prose after
// `az ad sp create-for-rbac` saying "your `appId`, `password`, `sp_name` and `tenant` are returned", or
// "the returned `id` field" after `--query "{subscriptionId:id, tenantId:tenantId}"`; or an example of
// create-for-rbac's output that still shows "name". What az prints is known exactly in two cases: a
// --query multiselect hash prints its keys and no others (JMESPath), and a few commands build their
// result themselves (azure-cli source) instead of printing a REST model.
import type { Rule, RuleHit } from '../rule.ts';
import type { CommandView, LintDocument } from '../document.ts';
import { azOf, azOption, simpleCommands } from '../commands.ts';
import { projection } from './example-projection-keys.ts';

/**
 * Commands whose result the Azure CLI builds itself, with the keys it prints. Source:
 * Azure/azure-cli src/azure-cli/azure/cli/command_modules/role/custom.py (create_service_principal_for_rbac)
 * and src/azure-cli/HISTORY.rst @b8fd81a95d9801eeb74e88dbaa748ae789d294da, 2.32.0: "[BREAKING CHANGE]
 * `az ad sp create-for-rbac`: Drop `name` property from the output. Use `appId` instead (#19808)";
 * --sdk-auth prints the SDK auth file (clientId, clientSecret, subscriptionId, tenantId and the cloud's
 * endpoints). With a certificate (--cert, --create-cert, --keyvault) the result has other keys: not judged.
 */
interface BuiltOutput {
  keys: readonly string[];
  by: string;
  /** Keys older releases printed, with the release that dropped them. */
  dropped?: Readonly<Record<string, string>>;
}

function builtOutput(command: CommandView): BuiltOutput | undefined {
  for (const cmd of simpleCommands(command.words)) {
    const az = azOf(cmd);
    if (!az || az.path.join(' ') !== 'ad sp create-for-rbac') continue;
    if (azOption(az, '--query') || azOption(az, '--cert') || azOption(az, '--create-cert') || azOption(az, '--keyvault')) return undefined;
    const output = azOption(az, '--output')?.value?.value ?? 'json';
    if (!/^(jsonc?|yamlc?)$/i.test(output)) return undefined;
    if (azOption(az, '--sdk-auth'))
      return {
        keys: ['clientId', 'clientSecret', 'subscriptionId', 'tenantId', 'activeDirectoryEndpointUrl', 'resourceManagerEndpointUrl', 'activeDirectoryGraphResourceId', 'sqlManagementEndpointUrl', 'galleryEndpointUrl', 'managementEndpointUrl'],
        by: 'az ad sp create-for-rbac --sdk-auth',
      };
    return { keys: ['appId', 'displayName', 'password', 'tenant'], by: 'az ad sp create-for-rbac', dropped: { name: '2.32.0' } };
  }
  return undefined;
}

/** What the command prints, when it is known exactly. */
function printedKeys(doc: LintDocument, command: CommandView): BuiltOutput | undefined {
  const p = projection(doc, command.step);
  if (p) return { keys: p.keys, by: p.by };
  return builtOutput(command);
}

/** A sentence that says what the command returns. */
const RETURNS = /\b(?:returns?|returned|outputs?|prints?|printed)\b/i;
/** A field quoted in the prose: a JSON key as az prints them (camelCase or snake_case). */
const FIELD = /`([a-z][A-Za-z0-9_]*)`/g;
const LITERALS = new Set(['true', 'false', 'null']);
/** How far after the command the prose may still speak of its output. */
const REACH = 12;

/** The last command that ends before the line, when no other command starts in between and it is near. */
function commandBefore(doc: LintDocument, line: number): CommandView | undefined {
  let found: CommandView | undefined;
  for (const c of doc.commands) if (c.step.source.endLine < line && (!found || c.step.source.endLine > found.step.source.endLine)) found = c;
  return found && line - found.step.source.endLine <= REACH ? found : undefined;
}

export const azOutputFieldNamed: Rule = {
  id: 'az-output-field-named',
  name: 'AzOutputFieldNamed',
  severity: 'warning',
  shortDescription: 'The prose or an example names a field of an az command\'s output that the command does not print.',
  fullDescription:
    'What some az commands print is fixed. A --query multiselect hash such as "{subscriptionId:id, tenantId:tenantId}" prints exactly its keys (JMESPath specification, "MultiSelect Hash"): the result has subscriptionId, not id. `az ad sp create-for-rbac` builds its own result: appId, displayName, password and tenant (with --sdk-auth the SDK auth file: clientId, clientSecret, subscriptionId, tenantId and endpoints); the `name` property was dropped in Azure CLI 2.32.0 (azure-cli HISTORY.rst, "[BREAKING CHANGE] az ad sp create-for-rbac: Drop `name` property from the output. Use `appId` instead", PR #19808), and `sp_name` was the 2016 preview\'s name for it (renamed in azure-cli PR #1191, "create-for-rbac: update field name of the output"). A page that tells the reader to note or use a field the command does not print sends them looking for a value that is not there. Judged only in the prose right after the command (a sentence saying what is returned or output, naming the field in backticks, next to another field the command does print or as "the returned `x` field"), and in JSON examples of create-for-rbac\'s output.',
  help: 'Name the fields the command prints (for create-for-rbac: appId, displayName, password, tenant); for a --query projection, the keys it builds.',
  check(doc) {
    const hits: RuleHit[] = [];
    const printedOf = new Map<CommandView, BuiltOutput | undefined>(); // each command read once
    for (let n = 1; n <= doc.lineCount; n++) {
      if (!doc.isProse(n)) continue;
      const text = doc.line(n);
      if (!RETURNS.test(text) || !text.includes('`')) continue;
      const command = commandBefore(doc, n);
      if (!command) continue;
      if (!printedOf.has(command)) printedOf.set(command, printedKeys(doc, command));
      const printed = printedOf.get(command);
      if (!printed) continue;
      const known = new Set(printed.keys);
      for (const sentence of sentencesOf(text)) {
        if (!RETURNS.test(sentence.text)) continue;
        const fields = [...sentence.text.matchAll(FIELD)].map((m) => ({ name: m[1] as string, at: sentence.from + (m.index ?? 0) }));
        const namesKnown = fields.some((f) => known.has(f.name));
        for (const f of fields) {
          if (known.has(f.name) || LITERALS.has(f.name)) continue;
          const asField = new RegExp(`\\breturned\\s+\`${f.name}\`\\s+(?:field|property|value)\\b`, 'i').test(sentence.text);
          if (!namesKnown && !asField) continue;
          const dropped = printed.dropped?.[f.name];
          hits.push({
            line: n,
            column: f.at + 2,
            stepId: command.step.id,
            message: `${printed.by} (line ${command.step.source.startLine}) prints ${printed.keys.join(', ')}; there is no \`${f.name}\` in its output${dropped ? ` (Azure CLI ${dropped} dropped it)` : ''}.`,
          });
        }
      }
    }
    hits.push(...droppedInExamples(doc));
    return hits;
  },
};

/** The sentences of a line, with where each starts. */
function sentencesOf(text: string): { text: string; from: number }[] {
  const out: { text: string; from: number }[] = [];
  const re = /[^.!?]+(?:[.!?](?=\s|$)|$)/g;
  for (const m of text.matchAll(re)) out.push({ text: m[0], from: m.index ?? 0 });
  return out;
}

/** A JSON example of a command's built output showing a key the CLI no longer prints. */
function droppedInExamples(doc: LintDocument): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const j of doc.json) {
    if (j.role !== 'response' || !j.step) continue;
    const command = doc.commandOf(j.step);
    const built = command && builtOutput(command);
    if (!built?.dropped) continue;
    for (const s of j.read.strings) {
      if (!s.isKey || s.path.length !== 1) continue;
      const release = built.dropped[s.raw];
      if (!release) continue;
      hits.push({
        line: s.line,
        column: s.column,
        stepId: j.step.id,
        message: `The example shows "${s.raw}", which ${built.by} no longer prints (Azure CLI ${release} dropped it); it prints ${built.keys.join(', ')}.`,
      });
    }
  }
  return hits;
}
