// Turns zod issues into Differences. Both the example layer and the contract layer validate with
// zod; this is the one place that knows how zod reports a missing key, an extra key or a wrong type.
import type { z } from 'zod';
import type { Difference, DifferenceKind } from './verdict.ts';

export type PathSegment = string | number;

export function pointer(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '/';
  return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** A value shown in a message, short enough for one line. Callers redact secrets before writing. */
export function show(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return s.length > 80 ? s.slice(0, 77) + '…' : s;
}

export interface IssueParams {
  kind: DifferenceKind;
  expected?: string;
  actual?: string;
}

export interface Wording {
  /** "the example" / "the contract": who expects the value. */
  who: string;
}

export function issuesToDifferences(issues: readonly z.core.$ZodIssue[], actual: unknown, wording: Wording): Difference[] {
  const out: Difference[] = [];
  for (const issue of issues) {
    const path = issue.path;
    switch (issue.code) {
      case 'custom': {
        const p = (issue.params ?? {}) as Partial<IssueParams>;
        out.push({
          path: pointer(path),
          kind: p.kind ?? 'value',
          ...(p.expected !== undefined ? { expected: p.expected } : {}),
          ...(p.actual !== undefined ? { actual: p.actual } : {}),
          message: issue.message,
        });
        break;
      }
      case 'invalid_type': {
        const got = valueAt(actual, path);
        if (got === undefined) {
          out.push({ path: pointer(path), kind: 'missing', expected: issue.expected, message: `${pointer(path)} is missing; ${wording.who} has it (${issue.expected})` });
        } else {
          out.push({
            path: pointer(path),
            kind: 'type',
            expected: issue.expected,
            actual: typeName(got),
            message: `${pointer(path)} is ${typeName(got)} ${show(got)}; ${wording.who} has ${issue.expected}`,
          });
        }
        break;
      }
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const p = [...path, key];
          out.push({ path: pointer(p), kind: 'extra', actual: typeName(valueAt(actual, p)), message: `${pointer(p)} is in the response but not in ${wording.who}` });
        }
        break;
      case 'invalid_value':
        out.push({
          path: pointer(path),
          kind: 'value',
          expected: issue.values.map((v) => String(v)).join(' | '),
          actual: show(valueAt(actual, path)),
          message: `${pointer(path)} is ${show(valueAt(actual, path))}; ${wording.who} allows ${issue.values.map((v) => show(v)).join(', ')}`,
        });
        break;
      case 'invalid_format':
        out.push({ path: pointer(path), kind: 'format', expected: issue.format, actual: show(valueAt(actual, path)), message: `${pointer(path)} is not ${issue.format} (${wording.who})` });
        break;
      default:
        out.push({ path: pointer(path), kind: 'value', message: `${pointer(path)}: ${issue.message} (${wording.who})` });
    }
  }
  return out;
}
