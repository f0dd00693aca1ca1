// The JSON a page shows after a step, as the model keeps it: parsed as written; `//` comments,
// elided strings ("eyJ0eXAi...") and a leading progress line ("Finished[####…] 100.0000%") are
// recognised, never repaired in `text`. The reading itself is json-reader.ts's.
import type { JsonExpectation, SourceRange } from '../model.ts';
import { scanJsonEnd, stripJsonComments, tryParseJson } from './json-reader.ts';
import { PROGRESS_LINE, trimEndAll } from './lines.ts';

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
  const parsed = tryParseJson(text);
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
function bestEffort(text: string): ReturnType<typeof tryParseJson> {
  let t = text.replace(/,(\s*[}\]])/g, '$1').replace(/\u00a0/g, ' ');
  const start = t.search(/[[{]/);
  if (start < 0) return { ok: false, error: 'no JSON value' };
  const end = scanJsonEnd(t, start);
  if (end > 0) t = t.slice(start, end);
  return tryParseJson(t);
}
