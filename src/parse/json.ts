// JSON shown by a page: parsed as written; `//` comments, elided strings ("eyJ0eXAi...") and a
// leading progress line ("Finished[####…] 100.0000%") are recognised, never repaired in `text`.
import type { JsonExpectation, SourceRange } from '../model.ts';
import { PROGRESS_LINE, trimEndAll } from './lines.ts';

export { PROGRESS_LINE };

/** Where a JSON value that starts at `text[from]` ends (index after the closing bracket), or -1. */
export function scanJsonEnd(text: string, from: number, state?: JsonScanState): number {
  const st = state ?? { depth: 0, inString: false, escape: false };
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (st.inString) {
      if (st.escape) st.escape = false;
      else if (c === 92) st.escape = true;
      else if (c === 34) st.inString = false;
      continue;
    }
    if (c === 34) st.inString = true;
    else if (c === 123 || c === 91) st.depth++;
    else if (c === 125 || c === 93) {
      st.depth--;
      if (st.depth <= 0) return i + 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      // a // comment runs to the end of the line
      const nl = text.indexOf('\n', i);
      if (nl < 0) return -1;
      i = nl;
    }
  }
  return -1;
}

export interface JsonScanState {
  depth: number;
  inString: boolean;
  escape: boolean;
}

/** Remove `//` and `/* *\/` comments outside strings. */
export function stripJsonComments(text: string): { text: string; found: boolean } {
  if (!text.includes('/')) return { text, found: false };
  let out = '';
  let found = false;
  let inString = false;
  let escape = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (escape) escape = false;
      else if (c === '\\') escape = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      found = true;
      const nl = text.indexOf('\n', i);
      i = (nl < 0 ? text.length : nl) - 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      found = true;
      const close = text.indexOf('*/', i + 2);
      i = (close < 0 ? text.length : close + 2) - 1;
      continue;
    }
    out += c;
  }
  return { text: out, found };
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** JSON pointers of string values shortened with "..." or "…". */
export function elidedPointers(value: unknown, base = ''): string[] {
  const out: string[] = [];
  // iterative walk: [value, pointer, depth]
  const stack: Array<[unknown, string, number]> = [[value, base, 0]];
  while (stack.length > 0) {
    const [v, ptr, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.length > 3 && (v.endsWith('...') || v.endsWith('\u2026'))) out.push(ptr);
    } else if (depth < 64 && v !== null && typeof v === 'object') {
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) if (typeof v[i] === 'string' ? (v[i] as string).length > 3 : v[i] !== null && typeof v[i] === 'object') stack.push([v[i], `${ptr}/${i}`, depth + 1]);
      } else {
        const keys = Object.keys(v);
        for (let i = keys.length - 1; i >= 0; i--) {
          const k = keys[i]!;
          const x = (v as Record<string, unknown>)[k];
          if (typeof x === 'string' ? x.length > 3 && (x.endsWith('...') || x.endsWith('\u2026')) : x !== null && typeof x === 'object')
            stack.push([x, `${ptr}/${k.includes('~') || k.includes('/') ? k.replace(/~/g, '~0').replace(/\//g, '~1') : k}`, depth + 1]);
        }
      }
    }
  }
  return out;
}

function leadingSpace(l: string): number {
  let i = 0;
  while (i < l.length && (l.charCodeAt(i) === 32 || l.charCodeAt(i) === 9)) i++;
  return i;
}

/** Remove the smallest common indentation of the non-blank lines. */
export function dedent(lines: string[]): string[] {
  let min = Infinity;
  for (const l of lines) {
    const m = leadingSpace(l);
    if (m === l.length) continue;
    if (m < min) min = m;
  }
  if (!Number.isFinite(min) || min === 0) return lines;
  return lines.map((l) => l.slice(Math.min(min, leadingSpace(l))));
}

/** Build the JSON expectation for lines `lines` (file lines startLine…). */
export function jsonExpectation(lines: string[], source: SourceRange): JsonExpectation {
  const raw = lines.join('\n');
  let body = lines;
  let progressLine: string | undefined;
  let firstIdx = 0;
  while (firstIdx < body.length && body[firstIdx]!.trim() === '') firstIdx++;
  if (firstIdx < body.length && body[firstIdx]!.includes('%') && PROGRESS_LINE.test(body[firstIdx]!.trim())) {
    progressLine = body[firstIdx]!.trim();
    body = body.slice(firstIdx + 1);
  }
  body = dedent(body);
  let text = body === lines ? raw : body.join('\n');
  if (text.length > 0 && leadingSpace(text) < text.length && text.charCodeAt(leadingSpace(text)) === 10) text = text.replace(/^\s*\n/, '');
  text = trimEndAll(text);
  const parsed = tryParse(text);
  // Comments live outside strings; a valid text has none, so only invalid text is scanned.
  const stripped = parsed.ok ? { text, found: false } : stripJsonComments(text);
  const out: JsonExpectation = {
    kind: 'json',
    source,
    raw,
    text,
    valid: parsed.ok,
    hasComments: stripped.found,
    elided: [],
  };
  if (progressLine !== undefined) out.progressLine = progressLine;
  if (parsed.ok) {
    out.value = parsed.value;
  } else {
    out.parseError = parsed.error;
    const best = bestEffort(stripped.text);
    if (best.ok) out.value = best.value;
  }
  if (out.value !== undefined) out.elided = elidedPointers(out.value);
  return out;
}

/** The shape of almost-JSON: comments removed, trailing commas and trailing junk dropped. */
function bestEffort(text: string): ReturnType<typeof tryParse> {
  let t = text.replace(/,(\s*[}\]])/g, '$1').replace(/\u00a0/g, ' ');
  const start = t.search(/[[{]/);
  if (start < 0) return { ok: false, error: 'no JSON value' };
  const end = scanJsonEnd(t, start);
  if (end > 0) t = t.slice(start, end);
  return tryParse(t);
}
