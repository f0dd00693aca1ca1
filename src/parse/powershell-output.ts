// What a page shows PowerShell printing for one object: the default formatting of an object's
// properties (about_Format.ps1xml). Az cmdlets print a resource either as a list — one
// `Name : Value` line per property, the names padded to one column, a long value wrapped onto
// indented lines — or as a table — a header line, a line of dashes under each column, one row per
// object. A block that is neither (free text, JSON, several objects) reads as undefined: nothing
// is judged on a guess. A leading prompt line (`PS C:\> Get-AzX …`) names the command that
// printed the object, which may not be the command the page shows before it.

export interface PsOutputField {
  /** The property name as printed, spaces removed ("Vault Name" → VaultName). */
  key: string;
  /** The value as printed on its line (wrapped continuation lines appended), trimmed. */
  value: string;
  /** 0-based index of the line in the block's text, and the value's 0-based column there. */
  line: number;
  column: number;
}

export interface PsOutputObject {
  form: 'list' | 'table';
  fields: PsOutputField[];
  /** The command after a `PS …>` prompt on the block's first line, when the block names it. */
  prompt?: { text: string; line: number };
}

const PROMPT = /^PS [^>\n]*>\s?(.*)$/;
const LIST_LINE = /^([A-Za-z][A-Za-z0-9]*(?: [A-Za-z0-9]+)*)( *): ?(.*)$/;

/** The one object a PowerShell output block prints, or undefined when it prints none or several. */
export function readPowerShellObject(text: string): PsOutputObject | undefined {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  let k = 0;
  while (k < lines.length && lines[k]!.trim() === '') k++;
  let prompt: PsOutputObject['prompt'];
  const p = PROMPT.exec(lines[k] ?? '');
  if (p) {
    prompt = { text: p[1]!, line: k };
    k++;
  }
  // A second prompt: the block shows several commands and their outputs.
  if (lines.slice(k).some((l) => PROMPT.test(l))) return undefined;
  while (k < lines.length && lines[k]!.trim() === '') k++;
  let end = lines.length;
  while (end > k && lines[end - 1]!.trim() === '') end--;
  if (k >= end) return undefined;
  const body = lines.slice(k, end);
  const object = isTable(body) ? readTable(body, k) : readList(body, k);
  return object && { ...object, ...(prompt ? { prompt } : {}) };
}

function isTable(body: readonly string[]): boolean {
  return body.length >= 2 && /-/.test(body[1]!) && /^[\s-]+$/.test(body[1]!);
}

function readList(body: readonly string[], first: number): PsOutputObject | undefined {
  const fields: PsOutputField[] = [];
  let keyWidth: number | undefined;
  for (let i = 0; i < body.length; i++) {
    const line = body[i]!;
    if (line.trim() === '') {
      // A blank line between properties: a second object follows (a list of several), or the block goes on with other text.
      if (body.slice(i + 1).some((l) => l.trim() !== '')) return undefined;
      break;
    }
    const m = LIST_LINE.exec(line);
    // A value wrapped onto the next line is indented to the value column.
    if (!m || (keyWidth !== undefined && /^\s/.test(line))) {
      const last = fields[fields.length - 1];
      if (!last || !/^\s/.test(line)) return undefined;
      last.value += line.trim();
      continue;
    }
    const width = m[1]!.length + m[2]!.length;
    // PowerShell pads every name of one list to the same column.
    if (keyWidth !== undefined && width !== keyWidth) return undefined;
    keyWidth = width;
    fields.push({ key: m[1]!.replace(/ /g, ''), value: m[3]!.trim(), line: first + i, column: line.length - m[3]!.length });
  }
  return fields.length >= 2 ? { form: 'list', fields } : undefined;
}

function readTable(body: readonly string[], first: number): PsOutputObject | undefined {
  // A table of one object: header, dashes, one row.
  if (body.length !== 3) return undefined;
  const [header, dashes, row] = body as [string, string, string];
  const spans = [...dashes.matchAll(/-+/g)].map((m) => m.index!);
  const fields: PsOutputField[] = [];
  spans.forEach((start, c) => {
    const stop = spans[c + 1];
    const key = header.slice(start, stop).trim();
    const cell = row.slice(start, stop);
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key)) return;
    fields.push({ key, value: cell.trim(), line: first + 2, column: start + cell.length - cell.trimStart().length });
  });
  return fields.length >= 2 ? { form: 'table', fields } : undefined;
}
