// A deliberately small jq: enough for the `jq -r '.access_token'` the tutorials pipe into, and for the
// capture paths the parser writes (`keys[0].value`, `.serviceSasToken`). Anything else is refused by
// name rather than guessed at, so an unsupported filter shows up as a shell-step failure.
export class UnsupportedJqFilter extends Error {}

type Segment = { kind: 'key'; name: string } | { kind: 'index'; index: number };

export function parsePath(filter: string): Segment[] {
  const text = filter.trim();
  if (text === '.' || text === '') return [];
  const segments: Segment[] = [];
  const re = /\.?([A-Za-z_$][A-Za-z0-9_$-]*)|\.?\["([^"]*)"\]|\[(\d+)\]/y;
  let pos = 0;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) throw new UnsupportedJqFilter(`unsupported jq filter ${JSON.stringify(filter)} (only .a.b[0] paths are evaluated)`);
    if (m[1] !== undefined) segments.push({ kind: 'key', name: m[1] });
    else if (m[2] !== undefined) segments.push({ kind: 'key', name: m[2] });
    else segments.push({ kind: 'index', index: Number(m[3]) });
    pos = re.lastIndex;
  }
  return segments;
}

/** Evaluate a path; `undefined` when a step of it is missing (jq prints null). */
export function evaluatePath(value: unknown, filter: string): unknown {
  let current: unknown = value;
  for (const seg of parsePath(filter)) {
    if (seg.kind === 'key') current = current !== null && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, unknown>)[seg.name] : undefined;
    else current = Array.isArray(current) ? current[seg.index] : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

/** What `jq -r <filter>` prints for a value: strings raw, null as "null", other JSON compact. */
export function rawOutput(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
