// The JSON a page shows after an az command whose result is a resource model, held to what az prints:
// the resource's answer in the vendored REST specs, reshaped as the SDK model az serialises
// (src/reference/az-resource-output.ts: x-ms-client-flatten lifted, x-ms-client-name renamed,
// resourceGroup added). A key misspelt or in another case, a closed enum value no version allows, an
// object shown as a string, and a key at the wrong level (a storage account's "properties" nested
// although az prints them flat; a resource group's provisioningState at the top although az prints it
// under "properties") are not what the reader will see, and code written from the example reads nothing.
import type { Rule, RuleHit } from '../rule.ts';
import type { JsonBlock, LintDocument } from '../document.ts';
import { azOption, invocations } from '../commands.ts';
import { contractFor, printsAsIs } from '../contracts.ts';
import { dotted } from '../contract-check.ts';
import type { JsonPosition } from '../../parse/json-reader.ts';
import type { SchemaNode } from '../../reference/spec-schemas-source.ts';
import { checkAgainstSchema } from '../../reference/spec-schemas.ts';
import { azPrintedResource, describeAzPrinted, type AzPrintedResource } from '../../reference/az-resource-output.ts';
import { levelMisses, type LevelMiss } from '../../reference/schema-levels.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The az command whose printed result the block shows, when az prints it as is (no --query, JSON). */
function printedBy(doc: LintDocument, block: JsonBlock): AzPrintedResource | undefined {
  if (block.role !== 'response' || !block.step) return undefined;
  const command = doc.commandOf(block.step);
  if (!command) return undefined;
  const last = invocations(command.words).at(-1);
  if (!last?.az || !printsAsIs(last.az)) return undefined;
  // Hand contracts (src/lint/contracts.ts: identity create, role assignments) and az-output-shape judge those.
  if (contractFor(doc, block)) return undefined;
  const details = azOption(last.az, '--show-details', '-d') ? ['--show-details'] : [];
  return azPrintedResource(last.az.path, details);
}

/**
 * A block the page gives as a file or an input, not as what az printed: captioned with a file name
 * (`vmoperator.json`), or keyed in PascalCase at the top (az camel-cases every key it prints:
 * to_camel_case in azure-cli-core's todict).
 */
function notPrintedByAz(doc: LintDocument, block: JsonBlock, value: Json | unknown[]): boolean {
  const first = Array.isArray(value) ? value[0] : value;
  if (isObject(first)) {
    const keys = Object.keys(first);
    if (keys.length > 0 && keys.every((k) => /^[A-Z]/.test(k))) return true;
  }
  for (let n = block.json.source.startLine - 1, seen = 0; n >= 1 && seen < 3; n--) {
    const text = doc.line(n).trim();
    if (text === '' || /^(```|~~~)/.test(text)) continue;
    seen++;
    if (/[\w-]+\.json\b/.test(text)) return true;
  }
  return false;
}

/** The example's value; one shortened with elision lines ("...", "…", as Learn pages shorten outputs) is read without them. */
function shownValue(block: JsonBlock): unknown {
  if (block.read.value !== undefined) return block.read.value;
  const kept = block.read.lines.map((l) => l.text).filter((t) => !/^\s*(?:\.\.\.|…)\s*,?\s*$/.test(t));
  if (kept.length === block.read.lines.length) return undefined;
  try {
    return JSON.parse(kept.join('\n').replace(/,(\s*[}\]])/g, '$1'));
  } catch {
    return undefined;
  }
}

function at(block: JsonBlock, path: readonly string[]): JsonPosition {
  for (let len = path.length; len > 0; len--) {
    const want = path.slice(0, len);
    if (/^\d+$/.test(want[want.length - 1] as string)) continue;
    const s = block.read.strings.find((x) => x.isKey && x.path.length === want.length && x.path.every((p, i) => p === want[i]));
    if (s) return { line: s.line, column: s.column };
  }
  return { line: block.json.source.startLine, column: 1 };
}

export const azOutputSchema: Rule = {
  id: 'az-output-schema',
  name: 'AzOutputSchema',
  severity: 'warning',
  shortDescription: 'The JSON shown after an az command has a key, a level or a value that the resource model az prints does not have.',
  fullDescription:
    'An az command that shows, creates or lists a resource prints the SDK model of the operation\'s answer through azure-cli-core\'s todict (Azure/azure-cli src/azure-cli-core/azure/cli/core/util.py): every attribute, its name camel-cased. The models are generated from the REST specs (Azure/azure-rest-api-specs, vendored in vendor/specs): a property marked x-ms-client-flatten has its properties lifted into the model (az storage account show prints primaryEndpoints at the top, az identity show principalId), one without the mark stays nested (az group show prints properties.provisioningState, az keyvault show properties.vaultUri), x-ms-client-name renames (enableHttpsTrafficOnly); the CLI adds resourceGroup next to every id. AAZ command groups (az network, az eventhubs: aaz-dev-tools output, client_flatten=True) flatten the same way but keep the REST names (publicIPAllocationMethod), and az containerapp prints the REST answer itself (its client returns r.json(), so properties.configuration stays nested). An example with a key at another level, in another case or misspelt, a value outside a closed enum, or an object written as a string is not what az prints: a reader\'s --query or code written from it reads nothing. Judged for the commands whose result is the model unchanged (group, identity, storage account, keyvault, vm show/list, appservice/functionapp plan, webapp/functionapp show, role assignment/definition, provider show/list, aks, acr, redis, batch account, containerapp and containerapp env, and show/list of network vnet, vnet subnet, public-ip, nsg, application-gateway, lb, private-endpoint, nic, route-table, profile, nat gateway, asg, eventhubs namespace and eventhub), shown as JSON without --query; only near misses of a name the model has, and closed enums, are reported (a name far from every one may be newer than the vendored spec).',
  help: 'Show the output as az prints it today: the keys at the level and in the spelling the finding names.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const block of doc.json) {
      const printed = printedBy(doc, block);
      if (!printed) continue;
      const value = shownValue(block);
      if (!isObject(value) && !Array.isArray(value)) continue;
      if (notPrintedByAz(doc, block, value)) continue;
      let view = printed.view;
      // a list command's example may show one item of the list
      if (printed.list && isObject(value)) view = { ...view, nodes: [printed.item] };
      if (!printed.list && Array.isArray(value)) continue;
      const where = describeAzPrinted(printed);
      const stepId = block.step?.id;
      const push = (path: readonly string[], message: string, suggestion?: string) => {
        const p = at(block, path);
        hits.push({ line: p.line, column: p.column, ...(stepId ? { stepId } : {}), ...(suggestion ? { suggestion } : {}), message });
      };
      for (const issue of checkAgainstSchema(value, view)) {
        const name = dotted(issue.path);
        if (issue.kind === 'property') push(issue.path, `${name} is not a key az prints (${where}); it prints "${issue.suggestion}".`, issue.suggestion);
        else if (issue.kind === 'enum' && !issue.open)
          push(issue.path, `${name} is ${JSON.stringify(issue.written)}, which is none of ${(issue.allowed ?? []).map((v) => JSON.stringify(v)).join(', ')} (${where})${issue.suggestion ? `; it prints ${JSON.stringify(issue.suggestion)}` : ''}.`, issue.suggestion);
        else if (issue.kind === 'type' && (issue.expected === 'object' || issue.expected === 'array' || isObject(issue.written) || Array.isArray(issue.written)))
          push(issue.path, `${name} is shown as ${Array.isArray(issue.written) ? 'a list' : isObject(issue.written) ? 'an object' : `the ${typeof issue.written} ${JSON.stringify(issue.written)}`}, but ${where}, where it is ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}.`);
      }
      const misses: LevelMiss[] = [];
      levelMisses(value, view.nodes[0] as SchemaNode, [], misses);
      for (const m of misses) {
        const parent = m.path.slice(0, -1);
        const prefix = parent.filter((p) => !/^\d+$/.test(p)).join('.');
        if (m.kind === 'flattened')
          push(m.path, `${where}: the resource's properties are lifted to the top (x-ms-client-flatten), so ${m.keys.join(', ')} ${m.keys.length > 1 ? 'are' : 'is'} printed at ${prefix ? prefix : 'the top level'}, not under "properties" (this is the REST body). --query properties.${m.keys[0]} would select nothing.`);
        else
          push(m.path, `${where}: ${m.keys[0]} is printed under "properties" (the model does not flatten them), not at ${prefix ? prefix : 'the top level'}; --query ${prefix ? `${prefix}.` : ''}${m.keys[0]} would select nothing (properties.${m.keys[0]} does).`);
      }
    }
    return hits;
  },
};
