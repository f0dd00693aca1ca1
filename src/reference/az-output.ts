// How the Azure CLI prints a command's result: --query (JMESPath, evaluated with the same library
// semantics az uses) and the output formats of knack's OutputProducer. One implementation for lint
// (what an example after an az command can look like) and the runner (what az prints).
//
// Source: microsoft/knack knack/output.py @162e5993095f147e434bb09c2de195ad31251d9a (format_json,
// format_table, _TableOutput, _TsvOutput, format_none) and knack/query.py (jmespath search with an
// OrderedDict: a multiselect hash keeps its keys' order).
import jmespath, { type JmesNode } from 'jmespath';

export const AZ_OUTPUT_FORMATS = ['json', 'jsonc', 'yaml', 'yamlc', 'table', 'tsv', 'none'] as const;
export type AzOutputFormat = (typeof AZ_OUTPUT_FORMATS)[number];

/** `--output` as argparse reads it (type=str.lower), or undefined when az would reject it. */
export function azOutputFormat(written: string | undefined): AzOutputFormat | undefined {
  if (written === undefined) return 'json';
  const v = written.toLowerCase();
  return (AZ_OUTPUT_FORMATS as readonly string[]).includes(v) ? (v as AzOutputFormat) : undefined;
}

/** The query's syntax tree, or undefined when JMESPath rejects it (az then fails with "invalid jmespath_type value"). */
export function compileQuery(query: string): JmesNode | undefined {
  try {
    return jmespath.compile(query);
  } catch {
    return undefined;
  }
}

/** What az --query returns for a result (JMESPath search; undefined when the query does not compile). */
export function azQuery(query: string, result: unknown): unknown {
  try {
    return jmespath.search(result, query);
  } catch {
    return undefined;
  }
}

/**
 * What a query's result is, from its form alone: a projection (`[]`, `[*]`, `[?…]`, `*`, a flatten)
 * or a multiselect list yields a list, a multiselect hash an object with its keys in order; a field
 * or an index yields whatever the data holds there ('any').
 */
export type QueryShape =
  | { kind: 'list'; items: QueryShape }
  | { kind: 'object'; keys: string[] }
  /** Whatever the data holds; `field`: the value of that field (a projection's item is the value itself, not an object keyed by it). */
  | { kind: 'any'; field?: string }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'string' };

export function queryShape(node: JmesNode): QueryShape {
  const c = node.children ?? [];
  switch (node.type) {
    case 'Projection':
    case 'ValueProjection':
    case 'FilterProjection':
      return { kind: 'list', items: c[1] ? queryShape(c[1]) : { kind: 'any' } };
    case 'Flatten':
      return { kind: 'list', items: { kind: 'any' } };
    case 'MultiSelectList':
      return { kind: 'list', items: { kind: 'any' } };
    case 'MultiSelectHash':
      return { kind: 'object', keys: c.map((k) => k.name ?? '') };
    case 'Pipe':
    case 'Subexpression':
    case 'IndexExpression':
      return c[1] ? (c[1].type === 'Identity' ? queryShape(c[0]!) : queryShape(c[1])) : { kind: 'any' };
    case 'Comparator':
    case 'AndExpression':
    case 'OrExpression':
    case 'NotExpression':
      return node.type === 'Comparator' || node.type === 'NotExpression' ? { kind: 'boolean' } : { kind: 'any' };
    case 'Field':
      return { kind: 'any', field: node.name ?? '' };
    case 'Function':
      // sort_by, reverse… return their list argument reordered: its shape
      if (SAME_AS_FIRST.has(node.name ?? '') && c[0]) return queryShape(c[0]);
      return FUNCTION_SHAPE[node.name ?? ''] ?? { kind: 'any' };
    default:
      return { kind: 'any' };
  }
}

const SAME_AS_FIRST = new Set(['sort_by', 'reverse', 'sort']);
const FUNCTION_SHAPE: Readonly<Record<string, QueryShape>> = {
  length: { kind: 'number' },
  sum: { kind: 'number' },
  avg: { kind: 'number' },
  contains: { kind: 'boolean' },
  starts_with: { kind: 'boolean' },
  ends_with: { kind: 'boolean' },
  join: { kind: 'string' },
  keys: { kind: 'list', items: { kind: 'string' } },
};

/** knack's _TableOutput.SKIP_KEYS: never a column. */
const TABLE_SKIP_KEYS = new Set(['id', 'type', 'etag']);
const capitalize = (k: string): string => (k ? k[0]!.toUpperCase() + k.slice(1) : k);

/**
 * The columns `-o table` prints for a query's result, when its form decides them: the keys of a
 * multiselect hash in order (knack does not sort keys while a query is active), first letter
 * upper-cased, without id, type and etag; "Result" for a list of plain values. Undefined when
 * the data decides (a field that may hold objects) — and without a query, az's table transformers do.
 */
export function tableColumns(shape: QueryShape): string[] | undefined {
  const row = shape.kind === 'list' ? shape.items : shape;
  if (row.kind === 'object') return row.keys.filter((k) => !TABLE_SKIP_KEYS.has(k)).map(capitalize);
  if (row.kind === 'string' || row.kind === 'number' || row.kind === 'boolean') return ['Result'];
  return undefined;
}

/** The column headers of a table as tabulate's "simple" format prints it (header, then a line of dash runs), or undefined. */
export function shownTableColumns(lines: readonly string[]): { columns: string[]; headerIndex: number } | undefined {
  for (let i = 1; i < lines.length; i++) {
    const rule = lines[i]!;
    if (!/^\s*-{2,}(?: +-{2,})*\s*$/.test(rule)) continue;
    const header = lines[i - 1]!;
    const columns: string[] = [];
    const runs = [...rule.matchAll(/-+/g)];
    runs.forEach((m, k) => {
      const from = m.index!;
      const to = k + 1 < runs.length ? runs[k + 1]!.index! : header.length;
      columns.push(header.slice(from, to).trim());
    });
    if (columns.every((c) => /^[A-Za-z_][\w.]*$/.test(c))) return { columns, headerIndex: i - 1 };
    return undefined;
  }
  return undefined;
}

/**
 * How `-o tsv` prints a value (knack _TsvOutput): one row per list item, a dict's values tab-separated
 * in key order (`queried`: a query's objects keep the order it built them in), a list as its length,
 * an object as nothing, null as None.
 */
export function formatTsv(result: unknown, queried: boolean): string {
  const rows = Array.isArray(result) ? result : [result];
  const cell = (v: unknown): string => {
    if (Array.isArray(v)) return String(v.length);
    if (v !== null && typeof v === 'object') return '';
    if (v === null || v === undefined) return 'None';
    if (typeof v === 'boolean') return v ? 'True' : 'False';
    return String(v);
  };
  return rows
    .map((row) => {
      if (Array.isArray(row)) return row.map(cell).join('\t');
      // a query's objects keep their order (OrderedDict); az's own results are plain dicts, sorted
      if (row !== null && typeof row === 'object') {
        const entries = Object.entries(row as Record<string, unknown>);
        if (!queried) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return entries.map(([, v]) => cell(v)).join('\t');
      }
      if (typeof row === 'boolean') return String(row);
      return cell(row);
    })
    .map((r) => `${r}\n`)
    .join('');
}

/**
 * Commands whose result is None on success, so that az prints nothing on stdout whatever the
 * output format (knack prints a result only when there is one); what the reader may see is a
 * warning on stderr. Each with where the Azure CLI says so.
 */
export const AZ_PRINTS_NOTHING: readonly { path: readonly string[]; source: string }[] = [
  { path: ['group', 'delete'], source: "azure-cli resource module: 'delete' is the SDK's begin_delete long-running operation, whose result is None" },
  { path: ['role', 'assignment', 'delete'], source: 'azure-cli src/azure-cli/azure/cli/command_modules/role/custom.py, delete_role_assignments returns nothing' },
  { path: ['provider', 'register'], source: 'azure-cli src/azure-cli/azure/cli/command_modules/resource/custom.py, register_provider returns nothing; without --wait it warns "Registering is still on-going. You can monitor using \'az provider show -n <namespace>\'" on stderr' },
  { path: ['provider', 'unregister'], source: 'azure-cli src/azure-cli/azure/cli/command_modules/resource/custom.py, unregister_provider returns nothing' },
];

export function printsNothing(path: readonly string[]): { source: string } | undefined {
  return AZ_PRINTS_NOTHING.find((c) => c.path.length === path.length && c.path.every((p, i) => p === path[i]));
}

/** knack format_json: indented by two, keys sorted at every level, a newline at the end. */
export function formatJson(result: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sorted(o[k])]));
    }
    return v;
  };
  return `${JSON.stringify(sorted(result), null, 2)}\n`;
}

/** A value with a null or an empty list or object anywhere in it. */
function holdsNothing(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (Array.isArray(v)) return v.length === 0 || v.some(holdsNothing);
  if (typeof v === 'object') {
    const values = Object.values(v as object);
    return values.length === 0 || values.some(holdsNothing);
  }
  return false;
}

/**
 * What az prints for a result (its JSON) through --query and an output format, or why that cannot
 * be told. `complete`: the result comes from an answer that may lack fields az's has (the runner's
 * equivalents): a query that selects nothing there (null, an empty list, a null field) is not
 * printed, since on Azure it may select something.
 */
export function azPrint(resultJson: string, query: string | undefined, format: AzOutputFormat, complete: boolean): { stdout: string } | { unknown: string } {
  if (format === 'none') return { stdout: '' };
  let result: unknown;
  try {
    result = JSON.parse(resultJson);
  } catch {
    return { unknown: 'the answer is not JSON' };
  }
  if (query !== undefined) {
    if (!compileQuery(query)) return { unknown: `--query ${query} is not a JMESPath expression this tool reads` };
    result = azQuery(query, result);
    if (!complete && holdsNothing(result)) return { unknown: `--query ${query} selects nothing (or a null) in this tool's answer, which may lack fields Azure returns` };
    // knack prints nothing when there is no result
    if (result === null || result === undefined) return { stdout: '' };
  }
  switch (format) {
    case 'json':
    case 'jsonc':
      return { stdout: formatJson(result) };
    case 'tsv':
      // without a query az's tsv lists every field of the answer in key order: only a query fixes the columns
      return query !== undefined ? { stdout: formatTsv(result, true) } : { unknown: '-o tsv prints every field of the answer, which this tool does not know to be complete' };
    default:
      return { unknown: `-o ${format} is not computed by this tool` };
  }
}
