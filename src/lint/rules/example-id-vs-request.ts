// A Resource Manager answer carries the id of the resource the request names, and that id's last
// segment as its name: an example whose id or name names another resource contradicts its request.
// az prints the resource its --name and --resource-group name the same way.
import type { Rule, RuleHit } from '../rule.ts';
import { locateKey } from '../../parse/json-reader.ts';
import { eachAz, eachCurl } from '../each.ts';
import { azOption, azTags } from '../commands.ts';
import { armEchoMismatches, armResourcePath, AZ_SETTING_ECHOES, regionKey, requestedByBody, threeStateValue, requestedMismatches, typeOfPath, type RequestedValues, type ValueMismatch } from '../../reference/arm-echo.ts';
import { azCommandResourceType } from '../../reference/az-resource-output.ts';
import type { AzView } from '../commands.ts';
import type { ReadJson } from '../document.ts';

export const exampleIdVsRequest: Rule = {
  id: 'example-id-vs-request',
  name: 'ExampleIdVsRequest',
  severity: 'warning',
  shortDescription: "A Resource Manager response example's id, name, type, location, kind, SKU or tags differ from what its request (URL, body, az options) fixes.",
  fullDescription:
    'Resource Manager answers a GET, PUT or PATCH of a resource with that resource: its "id" is the request path (any letter case) and its "name" the last segment. An example whose id or name differs in a segment the page wrote out (not a placeholder) shows a resource the request does not return, and a check built from the page fails on every real response. az create, show and update print the resource their --name and --resource-group name in the same way (its "name", its "resourceGroup", and an "id" ending in that name, whose resourceGroups segment is the --resource-group given, in any case), unless --query projects it. The values a create request sends come back the same way: the location it names (az sends a display name such as "East US" as its short name eastus: azure-cli src/azure-cli-core/azure/cli/core/commands/parameters.py, get_location_name_type; a region is compared by its short name, the display name lower-cased without spaces), the kind and SKU it sets (--kind, --sku, or the PUT body\'s kind and sku.name), and the tags it gives (az --tags key=value …, azure-cli validate_tags; a create sends the whole set, an update only merges), and the fields an option sets where the az source passes its value straight through (az acr create/update --admin-enabled → adminUserEnabled: azure-cli command_modules/acr/custom.py, Registry(admin_user_enabled=admin_enabled); alone the flag means true), and every resource\'s "type" is the namespace and type segments of its own id. Placeholders and elided values (<…>, ..., xxxx) match anything. An example is compared with the az command before it only when it is that command\'s output: one whose id is of another resource type than the command prints (a VM shown after az group create; the command\'s type from src/reference/az-resource-output.ts), or, in a step of several create/show/update commands, one whose name is not this command\'s --name, is another command\'s output and is not judged against this command.',
  help: 'Show the resource the request names with the values it sets (id, name, type, region, kind, SKU, tags), or change the request.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, curl } of eachCurl(doc)) {
      const path = armResourcePath(curl.method, curl.urls[0]?.value ?? '');
      if (!path) continue;
      const block = doc.json.find((b) => b.role === 'response' && b.step === command.step);
      if (!block) continue;
      const body = curl.method.toUpperCase() === 'PUT' ? requestedByBody(curl.data.map((w) => w.value)) : undefined;
      for (const m of requestedMismatches(body ?? {}, block.read.value, { tagsExact: true })) hits.push(valueHit(block.read, m, command.step.id, `the request on line ${command.step.source.startLine}`));
      for (const m of armEchoMismatches(path, block.read.value)) {
        const at = locateKey(block.read, m.key) ?? { line: block.json.source.startLine, column: 1 };
        hits.push({
          line: at.line,
          column: at.column,
          stepId: command.step.id,
          message:
            m.key === 'id'
              ? `the example's id has "${m.segment!.shown}" where the request on line ${command.step.source.startLine} has "${m.segment!.expected}": Resource Manager returns the resource the request names, id ${m.expected}. Show that id (or change the request).`
              : `the example's name is "${m.shown}" but the request on line ${command.step.source.startLine} names "${m.expected}": a resource's name is the last segment of its id. Show "name": "${m.expected}".`,
        });
      }
    }
    const printing = eachAz(doc).filter(({ az }) => AZ_VERBS.has(az.path[az.path.length - 1] ?? '') && !az.options.some((o) => o.name === '--query'));
    for (const { command, az } of printing) {
      const block = doc.json.find((b) => b.role === 'response' && b.step === command.step);
      const v = block?.read.value;
      if (!block || !v || typeof v !== 'object' || Array.isArray(v)) continue;
      const obj = v as Record<string, unknown>;
      // An ARM resource az prints as it is (not a data-plane object, not a wrapper of several).
      if (typeof obj['id'] !== 'string' || !/^\/subscriptions\//i.test(obj['id'])) continue;
      if (!printedBy(az, obj, printing.filter((p) => p.command.step === command.step).map((p) => p.az))) continue;
      // The example names the resource the command names, but its id ends in another name: a
      // resource's id ends with its name (the create prints one resource).
      const given = azOption(az, '--name', '-n')?.value?.value;
      const last = /\/([^/]+)\/?$/.exec(obj['id'])?.[1];
      if (given !== undefined && last !== undefined && typeof obj['name'] === 'string' && obj['name'].toLowerCase() === given.toLowerCase() && !chosen(given) && !chosen(last) && last.toLowerCase() !== given.toLowerCase()) {
        const at = locateKey(block.read, 'id') ?? { line: block.json.source.startLine, column: 1 };
        hits.push({
          line: at.line,
          column: at.column,
          stepId: command.step.id,
          message: `the example's id ends in "${last}" but its name is "${given}", the --name az ${az.path.join(' ')} on line ${command.step.source.startLine} is given: a resource's id ends with its name. Show an id ending in /${given}.`,
        });
      }
      // The id of a resource names the resource group it is in: the one --resource-group gives (a
      // resource group's own commands name it with --name, which the check above covers).
      const group = az.path[0] === 'group' ? undefined : azOption(az, '--resource-group', '-g')?.value?.value;
      const idGroup = /\/resourceGroups\/([^/]+)/i.exec(obj['id'])?.[1];
      // When the example's resourceGroup disagrees too, the check below says so once.
      const shownGroup = typeof obj['resourceGroup'] === 'string' ? obj['resourceGroup'].toLowerCase() : undefined;
      if (group !== undefined && idGroup !== undefined && !chosen(group) && !chosen(idGroup) && group.toLowerCase() !== idGroup.toLowerCase() && (shownGroup === undefined || shownGroup === group.toLowerCase())) {
        const at = locateKey(block.read, 'id') ?? { line: block.json.source.startLine, column: 1 };
        hits.push({
          line: at.line,
          column: at.column,
          stepId: command.step.id,
          message: `the example's id is in resource group "${idGroup}" but az ${az.path.join(' ')} on line ${command.step.source.startLine} is given --resource-group ${group}: a resource's id names the resource group it is in (…/resourceGroups/${group}/…). Show that id (or change the command).`,
        });
      }
      const verb = az.path[az.path.length - 1];
      const asked = verb === 'show' ? {} : azRequested(az, verb === 'create');
      for (const m of requestedMismatches(asked, obj, { tagsExact: verb === 'create' })) hits.push(valueHit(block.read, m, command.step.id, `az ${az.path.join(' ')} on line ${command.step.source.startLine}`));
      for (const [key, names, what] of AZ_ECHOES) {
        const given = azOption(az, ...names)?.value?.value;
        const shown = obj[key];
        if (given === undefined || typeof shown !== 'string' || chosen(given) || chosen(shown) || given.toLowerCase() === shown.toLowerCase()) continue;
        const at = locateKey(block.read, key) ?? { line: block.json.source.startLine, column: 1 };
        hits.push({
          line: at.line,
          column: at.column,
          stepId: command.step.id,
          message: `the example's ${key} is "${shown}" but az ${az.path.join(' ')} on line ${command.step.source.startLine} is given ${names[0]} ${given}: az prints the resource the command names, whose ${what} is "${given}". Show "${key}": "${given}" (or change the command).`,
        });
      }
    }
    return hits;
  },
};

/**
 * Whether the example is the output of this az command, when the page may show another command's
 * output after it (a VM's after az group create, or one output after a step of several commands):
 * then only what both carry could be compared, and what this command sets is not in it. An example
 * whose id is of another type than the one the command prints (az-resource-output.ts) is another
 * command's; in a step of several printing commands, the example is the one whose --name it shows.
 */
function printedBy(az: AzView, obj: Record<string, unknown>, inStep: readonly AzView[]): boolean {
  const idType = typeOfPath(String(obj['id']).split('/').filter(Boolean));
  const printed = azCommandResourceType(az.path);
  if (idType && printed && idType.toLowerCase() !== printed.toLowerCase()) return false;
  if (inStep.length < 2) return true;
  const shown = typeof obj['name'] === 'string' ? obj['name'].toLowerCase() : undefined;
  const named = (a: AzView): boolean => {
    const n = azOption(a, '--name', '-n')?.value?.value;
    return shown !== undefined && n !== undefined && !chosen(n) && n.toLowerCase() === shown;
  };
  return named(az) && inStep.filter(named).length === 1;
}

/** az commands that print the one resource their --name and --resource-group name. */
const AZ_VERBS = new Set(['create', 'show', 'update']);
const AZ_ECHOES: readonly [string, readonly string[], string][] = [
  ['name', ['--name', '-n'], 'name'],
  ['resourceGroup', ['--resource-group', '-g'], 'resource group'],
];
/** A value the reader chooses, or one the page writes with HTML entities (another rule's finding). */
const chosen = (s: string): boolean => /[<>{}$`&…]|\.\.\./.test(s) || s.trim() === '';

/** What an az create or update command's own options set on the resource (az prints the resource back). */
function azRequested(az: AzView, create: boolean): RequestedValues {
  const one = (...names: string[]): string | undefined => azOption(az, ...names)?.value?.value;
  const out: RequestedValues = {};
  const location = create ? one('--location', '-l') : undefined;
  const kind = one('--kind');
  const sku = one('--sku');
  if (location !== undefined) out.location = location;
  if (kind !== undefined) out.kind = kind;
  if (sku !== undefined) out.sku = sku;
  const settings = (AZ_SETTING_ECHOES[az.path.join(' ')] ?? []).flatMap((e) => {
    const o = azOption(az, e.option);
    const value = o ? threeStateValue(o.value?.value) : undefined;
    return value === undefined ? [] : [{ field: e.field, value, option: e.option }];
  });
  if (settings.length > 0) out.settings = settings;
  const tags = azTags(az);
  if (tags) out.tags = tags;
  return out;
}

const WHAT: Readonly<Record<ValueMismatch['key'], string>> = {
  type: 'Resource Manager gives a resource the type its id names (the provider namespace and the type segments)',
  location: 'the resource is created in the region the request names (az sends a display name such as "East US" as its short name eastus)',
  kind: 'the resource has the kind the request sets',
  sku: 'the resource has the SKU the request sets',
  tags: 'the resource carries the tags the request sets',
  setting: 'az sends the option\'s value as that property of the resource, and prints the resource back',
};

function valueHit(read: ReadJson, m: ValueMismatch, stepId: string, by: string): RuleHit {
  const at = locateKey(read, m.setting?.field ?? m.key) ?? { line: read.block.json.source.startLine, column: 1 };
  if (m.setting) return { line: at.line, column: at.column, stepId, message: `the example's ${m.setting.field} is ${m.shown}, but ${by} gives ${m.setting.option}${m.expected === 'true' ? '' : ` ${m.expected}`}, which sets it to ${m.expected}: ${WHAT.setting}. Show "${m.setting.field}": ${m.expected} (or change the command).` };
  const expected = m.key === 'type' ? `the type of the example's own id, ${m.expected}` : `${m.expected}, which ${by} sets`;
  return { line: at.line, column: at.column, stepId, message: `the example's ${m.key} is ${m.key === 'tags' ? m.shown : `"${m.shown}"`}, not ${expected}: ${WHAT[m.key]}. Show ${m.key === "tags" ? m.expected : `"${m.key === "location" ? regionKey(m.expected) : m.expected}"`} (or change the request).` };
}
