// The output a page shows right after an az command has the form az prints for that command's
// --output and --query: nothing for `-o none`, bare tab-separated values for `-o tsv`, a table with
// the query's keys as headers for `-o table`, JSON (a list for a projection) otherwise.
import type { Rule, RuleHit } from '../rule.ts';
import type { CommandView, LintDocument } from '../document.ts';
import type { Expectation, Step } from '../../model.ts';
import { COMMAND_OPERATORS } from '../../parse/shell-words.ts';
import { azOption, invocations, type AzView } from '../commands.ts';
import { azOutputFormat, azQuery, compileQuery, printsNothing, queryShape, shownTableColumns, tableColumns, type AzOutputFormat, type QueryShape } from '../../reference/az-output.ts';

/** What the page shows, as far as its form goes. */
type Shown =
  | { form: 'json'; value: unknown }
  | { form: 'table'; columns: string[]; line: number }
  | { form: 'bare'; text: string }
  | { form: 'other' };

function shownForm(exp: Expectation): Shown {
  if (exp.kind === 'http') return { form: 'other' };
  const lines = exp.text.split('\n');
  // a table in a block tagged json is still a table
  const table = shownTableColumns(lines);
  if (table) return { form: 'table', columns: table.columns, line: exp.source.startLine + rawOffset(exp, table.headerIndex) };
  if (exp.kind === 'json') {
    const v = exp.value;
    if (v !== null && typeof v === 'object') return { form: 'json', value: v };
    // a lone JSON string ("…") is JSON too; a bare word the parser read as a number or true is not told apart
    return typeof v === 'string' && exp.text.trim().startsWith('"') ? { form: 'json', value: v } : { form: 'other' };
  }
  const text = exp.text.trim();
  if (/^"[^"\n]*"$/.test(text)) return { form: 'json', value: JSON.parse(text) as unknown };
  if (/^[{[]/.test(text) && /[}\]]$/.test(text) && /"\s*:/.test(text)) return { form: 'json', value: {} };
  if (lines.filter((l) => l.trim()).length === 1 && !/^[{["]/.test(text)) return { form: 'bare', text };
  return { form: 'other' };
}

/** The line (0-based, in the raw block) of the text's line `i`: the raw text may open with a fence. */
function rawOffset(exp: Expectation, i: number): number {
  const raw = exp.raw.split('\n');
  const first = raw.findIndex((l) => !/^\s*(```|~~~)/.test(l));
  return Math.max(first, 0) + i;
}

/** A sentence between a command and a block that says the block is the command's output. */
const OUTPUT_LEADIN = /\b(?:output|returns?|result|displays?|prints?|shows?|looks? like|similar to|like the following|response)\b/i;
/** …and one that says it is something else: a file, a template, a request. */
const OTHER_LEADIN = /\b(?:file|template|definition|request|body|parameters?|script|json file)\b/i;

/** The block follows the command directly: only fences, blank lines and an output lead-in between. */
function followsDirectly(doc: LintDocument, command: CommandView, exp: Expectation): boolean {
  for (let n = command.step.source.endLine + 1; n < exp.source.startLine; n++) {
    const text = doc.line(n).trim();
    // blank lines, fences, and the "---" that closes a group of tabs (the output below is every tab's)
    if (text === '' || /^(```|~~~)/.test(text) || /^-{3,}$/.test(text)) continue;
    if (/^#/.test(text) || !OUTPUT_LEADIN.test(text) || OTHER_LEADIN.test(text)) return false;
  }
  return true;
}

/** The one az command a step runs with nothing around it that changes what the reader sees. */
function loneAz(command: CommandView): AzView | undefined {
  if (command.words.some((w) => !w.quoted && (COMMAND_OPERATORS.has(w.value) || /^\d?>/.test(w.value) || w.value.includes('$(')))) return undefined;
  const inv = invocations(command.words);
  return inv.length === 1 ? inv[0]!.az : undefined;
}

const capitalizeFirst = (k: string): string => (k ? k[0]!.toUpperCase() + k.slice(1) : k);

function describe(shape: QueryShape): string {
  return shape.kind === 'list' ? 'a list ([…])' : shape.kind === 'object' ? 'one object ({…})' : `a ${shape.kind}`;
}

function judge(az: AzView, format: AzOutputFormat, explicit: boolean, shape: QueryShape | undefined, query: string | undefined, shown: Shown): string | undefined {
  const cmd = `az ${az.path.join(' ')}`;
  if (format === 'none') {
    return `${cmd} runs with --output none, and az's "none" format prints nothing (knack format_none returns ""): the reader sees no output. Remove the example, or drop --output none.`;
  }
  const nothing = printsNothing(az.path);
  if (nothing && shown.form === 'json') {
    return `${cmd} prints nothing on success: the command returns no result (${nothing.source}), so no output format prints this JSON. Remove the example, or show the command that reads the state (az … show).`;
  }
  if (format === 'tsv' && shown.form === 'json') {
    return `${cmd} --output tsv prints tab-separated values without quotes, braces or keys (knack _TsvOutput: a value per column, a row per list item), not the JSON shown. Show the bare values, or drop --output tsv.`;
  }
  if (format === 'table' && shown.form === 'json') {
    return `${cmd} --output table prints a table (column headers, a line of dashes, one row per item), not the JSON shown. Show the table, or drop --output table.`;
  }
  if ((format === 'yaml' || format === 'yamlc') && shown.form === 'json' && typeof shown.value === 'object') {
    return `${cmd} --output ${format} prints YAML (knack format_yaml: "key: value" lines, "- " for list items), not the JSON shown. Show the YAML, or drop --output ${format}.`;
  }
  if ((format === 'json' || format === 'jsonc') && shown.form === 'table') {
    return `${cmd} prints JSON${explicit ? ` (--output ${format})` : ' (az\'s default output format; a table needs --output table)'}, not the table shown. Add --output table to the command, or show the JSON.`;
  }
  const field = shape?.kind === 'list' && shape.items.kind === 'any' ? shape.items.field : undefined;
  if (format === 'table' && shown.form === 'table' && field && shown.columns.length === 1 && shown.columns[0] !== 'Result' && shown.columns[0]!.toLowerCase() === field.toLowerCase()) {
    // knack _TableOutput: an item that is no object is put in a column named "Result"
    return `--query "${query}" returns the values of ${field} themselves, not objects with a ${field} key, and az --output table prints a list of plain values under the column "Result" (knack _TableOutput), not "${shown.columns[0]}". Show "Result", or name the column with a multiselect hash ({${capitalizeFirst(field)}:${field}} in place of ${field}).`;
  }
  if (format === 'table' && shown.form === 'table' && shape) {
    const expected = tableColumns(shape);
    if (!expected || expected.length === 0) return undefined;
    const wrong = shown.columns.filter((c) => !expected.includes(c));
    const order = shown.columns.filter((c) => expected.includes(c));
    const inOrder = order.every((c, i) => i === 0 || expected.indexOf(c) > expected.indexOf(order[i - 1]!));
    if (wrong.length === 0 && inOrder) return undefined;
    return `with --query "${query}", az --output table prints the columns ${expected.map((c) => `"${c}"`).join(', ')} in that order (the query's keys with their first letter upper-cased, without id, type and etag: knack _TableOutput), but the table shows ${shown.columns.map((c) => `"${c}"`).join(', ')}. Show the columns az prints, or change the query.`;
  }
  if ((format === 'json' || format === 'jsonc') && shape && query !== undefined) {
    if (shown.form === 'json') {
      const isList = Array.isArray(shown.value);
      if (shape.kind === 'list' && !isList) return `--query "${query}" returns ${describe(shape)} (a projection always does), and az prints it as a JSON array, but the example shows one object. Show the array az prints, or end the query with [0] to get one item.`;
      const items = isList ? (shown.value as unknown[]) : [];
      if (field && items.length > 0 && items.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && Object.keys(v)[0] === field)) {
        return `--query "${query}" returns the values of ${field} themselves (a projection keeps each item's value), so az prints a JSON array of those values, not objects with a "${field}" key as shown. Show the values, or build objects with a multiselect hash ({${field}:${field}} in place of ${field}).`;
      }
      if (shape.kind === 'object' && isList) return `--query "${query}" returns ${describe(shape)} (a multiselect hash), but the example shows a JSON array. Show the object az prints, or project over the list ("[].{…}").`;
    }
    if (shown.form === 'bare' && !/[<>{}…]|\.\.\./.test(shown.text)) {
      return `${cmd} prints its result as JSON: with --query "${query}" a string value comes out in double quotes ("${shown.text}"), not bare as shown. Add --output tsv to print the bare value (as scripts capture it), or show the quotes.`;
    }
  }
  return undefined;
}

/** The shown keys of a multiselect hash's object when they are not in the sorted order az prints. */
function unsortedHashKeys(shape: QueryShape, value: unknown): { shown: string[]; sorted: string[] } | undefined {
  const row = shape.kind === 'list' ? shape.items : shape;
  if (row.kind !== 'object') return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  if (first === null || typeof first !== 'object' || Array.isArray(first)) return undefined;
  const shown = Object.keys(first);
  if (shown.length < 2 || !shown.every((k) => row.keys.includes(k))) return undefined;
  const sorted = [...shown].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.join('\0') === shown.join('\0') ? undefined : { shown, sorted };
}

const ELIDED = /[<>{}…]|\.\.\.|x{4,}|^\s*$/i;
const optionsOf = (az: AzView): string =>
  az.options
    .filter((o) => !['--query', '--output', '-o'].includes(o.name))
    .map((o) => `${o.lookup.kind === 'parameter' ? o.lookup.parameter.names[0] : o.name}=${o.value?.value ?? ''}`)
    .sort()
    .join(' ');

/**
 * The page's own unfiltered output of the same command (same path, same arguments, no --query):
 * the value the query selects there, when the shown one is another.
 */
function unfilteredValue(doc: LintDocument, step: Step, az: AzView, query: string, shown: Shown, format: AzOutputFormat): string | undefined {
  const text = shown.form === 'bare' ? shown.text : shown.form === 'json' && typeof shown.value === 'string' ? shown.value : undefined;
  if (text === undefined || ELIDED.test(text) || (format === 'tsv' && shown.form === 'json')) return undefined;
  const args = optionsOf(az);
  for (const { step: s0, expectation: e0 } of doc.expectations) {
    if (s0 === step || e0.kind !== 'json') continue;
    const c0 = doc.commandOf(s0);
    const az0 = c0 ? loneAz(c0) : undefined;
    if (!az0 || az0.path.join(' ') !== az.path.join(' ') || azOption(az0, '--query') || optionsOf(az0) !== args) continue;
    const selected = azQuery(query, e0.value);
    if (typeof selected !== 'string' || ELIDED.test(selected) || selected === text) continue;
    return `the page's own output of this command without --query (line ${e0.source.startLine}) has "${selected}" where --query "${query}" selects, but this example shows "${text}": one of the two was not printed for this page. Make them agree.`;
  }
  return undefined;
}

export const azOutputForm: Rule = {
  id: 'az-output-form',
  name: 'AzOutputForm',
  severity: 'warning',
  shortDescription: "The output shown after an az command has another form than the command's --output and --query print.",
  fullDescription:
    'The Azure CLI prints a result through its --output format (knack output.py, microsoft/knack @162e599): json (the default) as indented JSON, tsv as bare tab-separated values (no quotes, braces or keys), table as column headers over a line of dashes — with --query, the query\'s keys in order, first letter upper-cased, id, type and etag left out —, none as nothing at all. --query is JMESPath: a projection ([], [*], [?…]) returns a list, a multiselect hash ({…}) one object, and a single string comes out quoted in JSON. JSON keys are printed sorted (sort_keys=True), those of a multiselect hash too (a note). Commands whose result is None print nothing on success (az group delete, az role assignment delete, az provider register: a warning on stderr at most). A queried value must be the one the page\'s own unfiltered output of the same command holds at that path. An example in another form was not printed by the command above it: the reader cannot recognise their output, and a script written from it reads the wrong shape.',
  help: 'Show what the command prints with its --output and --query (or change them to print what the page shows).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { step, expectation } of doc.expectations) {
      const command = doc.commandOf(step);
      if (!command || step.language !== undefined && step.language !== 'shell') continue;
      const az = loneAz(command);
      if (!az || az.path.length < 2 || !followsDirectly(doc, command, expectation)) continue;
      const written = azOption(az, '--output', '-o')?.value?.value;
      const format = azOutputFormat(written);
      if (!format || (written !== undefined && /[<>{}$]/.test(written))) continue;
      const query = azOption(az, '--query')?.value?.value;
      const node = query !== undefined && !/[<>$]/.test(query) ? compileQuery(query) : undefined;
      const shape = node ? queryShape(node) : undefined;
      const shown = shownForm(expectation);
      if (format === 'none' && expectation.kind === 'text' && expectation.text.trim() === '') continue;
      const message = judge(az, format, written !== undefined, shape, query, shown);
      if (message) {
        hits.push({ line: shown.form === 'table' ? shown.line : expectation.source.startLine, stepId: step.id, message });
        continue;
      }
      const order = query !== undefined && (format === 'json' || format === 'jsonc') && shape && shown.form === 'json' ? unsortedHashKeys(shape, shown.value) : undefined;
      if (order) {
        hits.push({
          line: expectation.source.startLine,
          stepId: step.id,
          severity: 'note',
          message: `az prints JSON with its keys sorted (knack format_json, sort_keys=True), also the keys a --query multiselect hash builds: ${order.sorted.map((k) => `"${k}"`).join(', ')}, not ${order.shown.map((k) => `"${k}"`).join(', ')} as shown. Show the keys in az's order (or use --output table, which keeps the query's order).`,
        });
        continue;
      }
      const other = query !== undefined && (format === 'json' || format === 'jsonc' || format === 'tsv') ? unfilteredValue(doc, step, az, query, shown, format) : undefined;
      if (other) hits.push({ line: expectation.source.startLine, stepId: step.id, message: other });
    }
    return hits;
  },
};
