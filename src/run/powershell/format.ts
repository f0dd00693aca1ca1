// What PowerShell prints for the objects a statement leaves in the pipeline (Out-Default): each
// object by its type's default view (format.ps1xml), a list view as Format-List prints it ("Label : value",
// labels padded to the longest, a multi-line value's further lines under the first), a table view as
// Format-Table does (headers, dashes, columns as wide as their widest cell), strings and numbers as
// themselves. A blank line opens and closes a list, as in the console.
import { memberOf, PsHashtable, PsObject, PsSecureString, psString, type PsData, type PsViewItem } from './values.ts';

const label = (item: PsViewItem): string => (typeof item === 'string' ? item : item[0]);
/** A view's cell: the property, or a path of them ("Sku.Name": a column format.ps1xml computes from a nested object). */
const cell = (obj: PsObject, item: PsViewItem): PsData => (typeof item === 'string' ? item : item[1]).split('.').reduce<PsData>((v, m) => memberOf(v, m) ?? null, obj);

/** A property's value as a view cell shows it: a collection as `{a, b}`, $null as nothing. */
export function cellText(value: PsData | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return `{${value.map(cellText).join(', ')}}`;
  if (value instanceof PsHashtable) return `{[${value.entries.map(([k, v]) => `${k}, ${cellText(v)}`).join('], [')}]}`;
  if (value instanceof PsSecureString) return value.typeName;
  return psString(value);
}

function listOf(obj: PsObject, properties: readonly PsViewItem[]): string {
  const width = Math.max(...properties.map((p) => label(p).length));
  const lines: string[] = [];
  for (const p of properties) {
    const [first = '', ...more] = cellText(cell(obj, p)).replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
    lines.push(`${label(p).padEnd(width)} : ${first}`.trimEnd());
    for (const m of more) lines.push(`${' '.repeat(width + 3)}${m}`.trimEnd());
  }
  return lines.join('\n');
}

function tableOf(objs: readonly PsObject[], properties: readonly PsViewItem[]): string {
  const cells = objs.map((o) => properties.map((p) => cellText(cell(o, p)).replace(/\s*\n[\s\S]*$/, '…')));
  const widths = properties.map((p, c) => Math.max(label(p).length, ...cells.map((row) => row[c]!.length)));
  const row = (texts: readonly string[]): string => texts.map((t, c) => t.padEnd(widths[c]!)).join(' ').trimEnd();
  return [row(properties.map(label)), row(widths.map((w) => '-'.repeat(w))), ...cells.map(row)].join('\n');
}

/** A hashtable: DictionaryEntry's table view (PowerShell's DotNetTypes.format.ps1xml), Name 30 characters wide. */
function dictionary(h: PsHashtable): string {
  const width = Math.max(30, ...h.entries.map(([k]) => k.length));
  const row = (a: string, b: string): string => `${a.padEnd(width)} ${b}`.trimEnd();
  return [row('Name', 'Value'), row('----', '-----'), ...h.entries.map(([k, v]) => row(k, cellText(v)))].join('\n');
}

/** The console text of what a statement outputs. */
export function formatOutput(values: readonly PsData[]): string {
  const flat = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
  const parts: string[] = [];
  for (let k = 0; k < flat.length; k++) {
    const v = flat[k];
    if (v instanceof PsObject && v.view.kind === 'table') {
      // Consecutive objects of one type share one table.
      const group = [v];
      while (flat[k + 1] instanceof PsObject && (flat[k + 1] as PsObject).typeName === v.typeName) group.push(flat[++k] as PsObject);
      parts.push(`\n${tableOf(group, v.view.properties)}\n\n`);
    } else if (v instanceof PsObject) parts.push(`\n${listOf(v, v.view.properties)}\n\n`);
    else if (v instanceof PsHashtable) parts.push(`\n${dictionary(v)}\n\n`);
    else parts.push(`${psString(v ?? null)}\n`);
  }
  return parts.join('');
}
