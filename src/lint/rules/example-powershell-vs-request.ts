// An Az cmdlet that creates or gets one resource prints that resource: the name, resource group,
// region, kind and SKU its parameters give come back as the printed object's properties. A page's
// output (a `Name : Value` list or a one-row table) that shows another value than the command set
// shows a resource the command does not return.
import type { Rule, RuleHit } from '../rule.ts';
import type { PsCommand, PsStatement, ShellStep } from '../../model.ts';
import type { LintDocument } from '../document.ts';
import { bindNamed, eachPowerShellCommand, psLiteral, type PsCommandAt } from '../powershell-commands.ts';
import { readPowerShellStatements } from '../../parse/powershell-words.ts';
import { readPowerShellObject, type PsOutputField } from '../../parse/powershell-output.ts';
import { findCmdlet } from '../../reference/powershell-cmdlets.ts';
import { isChosen, regionKey } from '../../reference/arm-echo.ts';

/**
 * The properties every Az resource object carries under the name of the parameter that sets them
 * (New-AzResourceGroup -Location → Location, New-AzStorageAccount -Kind/-SkuName → Kind/SkuName).
 * A property named by an alias of the cmdlet's -Name counts too (New-AzResourceGroup -Name has the
 * alias ResourceGroupName, the property the group prints its name under).
 */
const ENVELOPE = new Set(['name', 'resourcegroupname', 'location', 'kind', 'sku', 'skuname']);
/** The most lines an object printed under its command in the same fence is read over. */
const MAX_LINES = 80;
/** Verbs whose cmdlets print the resource their parameters name (Set/Add/Update ones often print the object piped in). */
const PRINTS_NAMED = /^(New|Get)-Az[A-Za-z]+$/i;
/** Formatting cmdlets after it print the same object's properties. */
const FORMATS = /^(Format-List|Format-Table|fl|ft|Select-Object|select)$/i;

interface Given {
  /** The property the parameter sets, lower-cased, and the parameter as the message names it. */
  keys: Set<string>;
  param: string;
  value: string;
}

export const examplePowerShellVsRequest: Rule = {
  id: 'example-powershell-vs-request',
  name: 'ExamplePowerShellVsRequest',
  severity: 'warning',
  shortDescription: "A PowerShell output's Name, ResourceGroupName, Location, Kind or SKU differs from the value the New-Az*/Get-Az* command before it gives.",
  fullDescription:
    'An Az cmdlet that creates or gets one resource writes that resource to the pipeline, and PowerShell prints it as a list of `Name : Value` lines or a table (about_Format.ps1xml): the resource carries the name, resource group, region, kind and SKU the command gave (Resource Manager returns the resource the request names, with the values a create sent; a region given as a display name such as "East US" comes back as its short name eastus, azure-powershell passing the location through to the REST request, which answers with the normalized name). A property is matched to the parameter of the same name or alias in the cmdlet\'s help (src/reference/powershell-cmdlets.json, from Azure/azure-powershell; New-AzResourceGroup -Name has the alias ResourceGroupName), or, for a cmdlet the table lacks, to a parameter written with exactly that name. A child resource prints its name as parent/child (the last segment is compared). When the output names its command on a `PS …>` prompt line, that command is the one compared ("show" output after a "create"). Values a placeholder or variable gives, elided values (…, xxxx, a cell cut short with ...), splatted hashtables, -AsJob (which prints a job) and outputs of several objects are not judged.',
  help: 'Show the resource the command creates or gets, with the values it gives (name, resource group, region, kind, SKU), or change the command.',
  check(doc) {
    const hits: RuleHit[] = [];
    const commands = eachPowerShellCommand(doc);
    for (const step of doc.tutorial.steps) {
      if (step.kind !== 'shell' || step.language !== 'powershell' || !step.powershell) continue;
      if (step.source.file && doc.file && step.source.file !== doc.file) continue;
      const out = shownOutput(doc, step);
      if (!out) continue;
      const object = readPowerShellObject(out.text);
      if (!object || object.fields.some((f) => /^(PSJobTypeName|HasMoreData)$/i.test(f.key))) continue;
      const producer = object.prompt ? fromPrompt(step, object.prompt.text) : fromStep(step, commands);
      if (!producer) continue;
      const by = object.prompt ? `${producer.name} on the output's prompt line ${out.startLine + object.prompt.line}` : `${producer.name} on line ${producer.line}`;
      for (const field of object.fields) {
        const idGroup = /^(Id|ResourceId)$/i.test(field.key) ? /\/resourceGroups\/([^/]+)/i.exec(field.value)?.[1] : undefined;
        const given = producer.given.find((g) => g.keys.has(idGroup !== undefined ? 'resourcegroupname' : field.key.toLowerCase()));
        if (!given || agrees(idGroup !== undefined ? { ...field, key: 'ResourceGroupName', value: idGroup } : field, given.value)) continue;
        const line = out.startLine + field.line;
        const text = doc.hasText ? doc.line(line) : '';
        const column = text.indexOf(field.value) >= 0 ? text.indexOf(field.value) + 1 : field.column + 1;
        hits.push({
          line,
          column,
          stepId: step.id,
          message: mismatch(field, idGroup, given, producer.name, by),
        });
      }
    }
    return hits;
  },
};

function mismatch(field: PsOutputField, idGroup: string | undefined, given: Given, cmdlet: string, by: string): string {
  const written = /\s/.test(given.value) ? `"${given.value}"` : given.value;
  const verb = /^get-/i.test(cmdlet) ? 'gets' : 'creates';
  if (idGroup !== undefined) return `the output's ${field.key} is in resource group "${idGroup}" but ${by} is given -${given.param} ${written}: the cmdlet prints the resource it ${verb}, whose id names the resource group it is in (…/resourceGroups/${given.value}/…). Show that id (or change the command).`;
  const location = field.key.toLowerCase() === 'location';
  const expected = location ? regionKey(given.value) : given.value;
  return `the output shows ${field.key} "${field.value}" but ${by} is given -${given.param} ${written}: the cmdlet prints the resource it ${verb}, whose ${field.key} is "${expected}"${location ? ' (a region given by its display name comes back as its short name)' : ''}. Show "${field.key} : ${expected}" (or change the command).`;
}

/** A printed value that matches what the command gave, or cannot be compared. */
function agrees(field: PsOutputField, given: string): boolean {
  let shown = field.value;
  if (shown === '' || isChosen(shown) || /x{4,}/i.test(shown) || /(\.\.\.|…)$/.test(shown) || /^[{[]/.test(shown) || /\.Models?\./.test(shown)) return true;
  if (isChosen(given)) return true;
  const key = field.key.toLowerCase();
  // A child resource prints "parent/child" as its name.
  if (key === 'name' && shown.includes('/')) shown = shown.slice(shown.lastIndexOf('/') + 1);
  if (key === 'location') return regionKey(shown) === regionKey(given);
  return shown.toLowerCase() === given.toLowerCase();
}

interface Producer {
  name: string;
  line: number;
  given: Given[];
}

/** What one command gives the properties ENVELOPE names. */
function givenBy(c: PsCommandAt): Given[] {
  if (c.command.args.some((a) => a.param !== undefined && /^asjob$/i.test(a.param))) return [];
  const out: Given[] = [];
  if (c.cmdlet) {
    for (const b of bindNamed(c)) {
      if (b.splat || b.resolution.kind !== 'parameter' || !b.value) continue;
      const p = b.resolution.parameter;
      const names = [p.name, ...p.aliases].map((n) => n.toLowerCase());
      const keys = new Set(names.filter((n) => ENVELOPE.has(n) || (p.name.toLowerCase() === 'name' && n.endsWith('name'))));
      const value = psLiteral(b.value);
      if (keys.size > 0 && value !== undefined) out.push({ keys, param: b.written, value });
    }
    return out;
  }
  // A cmdlet the table does not know: a parameter written with the property's exact name.
  const args = c.command.args;
  args.forEach((a, k) => {
    if (a.param === undefined || !ENVELOPE.has(a.param.toLowerCase())) return;
    const next = args[k + 1];
    const v = a.value ?? (next && next.param === undefined ? next.value : undefined);
    const value = v ? psLiteral(v) : undefined;
    if (value !== undefined) out.push({ keys: new Set([a.param.toLowerCase()]), param: a.param, value });
  });
  return out;
}

/**
 * The output the page shows for the step: the block after it, or — where the page writes the output
 * in the command's own fence under it (`Get-AzX …`, then the object, as older pages do; the reader
 * of PowerShell fences skips such lines) — the fence's lines after the command, when they read as one
 * printed object.
 */
function shownOutput(doc: LintDocument, step: ShellStep): { text: string; startLine: number } | undefined {
  const e = step.expectation;
  if (e?.kind === 'text') return { text: e.text, startLine: e.source.startLine };
  if (e || !doc.hasText) return undefined;
  const indent = /^\s*/.exec(doc.line(step.source.startLine))![0].length;
  const lines: string[] = [];
  let n = step.source.endLine + 1;
  while (n <= doc.lineCount && doc.line(n).trim() === '') n++;
  const startLine = n;
  // An object's list is short: a fence that does not close soon is not one command and its output.
  for (; n <= doc.lineCount && lines.length <= MAX_LINES && !/^\s*(```|~~~)/.test(doc.line(n)); n++) lines.push(doc.line(n).slice(Math.min(indent, /^\s*/.exec(doc.line(n))![0].length)));
  if (n > doc.lineCount || lines.length === 0 || lines.length > MAX_LINES) return undefined;
  const text = lines.join('\n');
  return readPowerShellObject(text)?.form === 'list' ? { text, startLine } : undefined;
}

/** The one statement of the step that prints an object a New-Az or Get-Az cmdlet returns (not assigned, not piped into another cmdlet). */
function fromStep(step: ShellStep, commands: readonly PsCommandAt[]): Producer | undefined {
  const printing = (step.powershell ?? []).filter((st) => !st.keyword && !st.assignTo && printer(st) !== undefined);
  if (printing.length !== 1) return undefined;
  const head = printer(printing[0]!)!;
  const c = commands.find((x) => x.step === step && x.command === head);
  if (!c) return undefined;
  return { name: c.cmdlet?.name ?? head.name, line: c.at(head.offset).line, given: givenBy(c) };
}

function printer(st: PsStatement): PsCommand | undefined {
  const [head, ...rest] = st.pipeline;
  if (!head || !PRINTS_NAMED.test(head.name)) return undefined;
  // Select-Object -ExpandProperty prints a property's own object.
  if (rest.some((c) => !FORMATS.test(c.name) || c.args.some((a) => a.param !== undefined && /^exp/i.test(a.param)))) return undefined;
  return head;
}

/** The command a `PS …>` prompt line in the step's output names (its text is the output's, not located in the step). */
function fromPrompt(step: ShellStep, text: string): Producer | undefined {
  const statements = readPowerShellStatements(text);
  if (statements.length !== 1 || statements[0]!.assignTo) return undefined;
  const command = printer(statements[0]!);
  if (!command) return undefined;
  const c: PsCommandAt = { step, command, cmdlet: findCmdlet(command.name), at: () => ({ line: 0, column: 0 }), hashtables: new Map() };
  return { name: c.cmdlet?.name ?? command.name, line: 0, given: givenBy(c) };
}
