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

const SECRET_KEYS = new Set(['access_token', 'refresh_token', 'client_secret', 'servicesastoken', 'value', 'sig']);

/**
 * A value at a path, shown in a message unless it may be a secret (a token, a key, a secret's
 * value): evidence says what kind of value was there, never the value itself.
 */
export function showAt(path: readonly PropertyKey[], v: unknown): string {
  const last = [...path].reverse().find((p): p is string => typeof p === 'string');
  const secretKey = last !== undefined && SECRET_KEYS.has(last.toLowerCase());
  const jwtInside = /eyJ[\w-]+\.eyJ[\w-]+\./.test(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
  if (typeof v === 'string' && (secretKey || jwtInside)) return `(a ${v.length}-character string, not shown)`;
  if (v !== null && typeof v === 'object' && (secretKey || jwtInside)) return `(${typeName(v)}, not shown)`;
  return show(v);
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
            message: `${pointer(path)} is ${typeName(got)} ${showAt(path, got)}; ${wording.who} has ${issue.expected}`,
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
          actual: showAt(path, valueAt(actual, path)),
          message: `${pointer(path)} is ${showAt(path, valueAt(actual, path))}; ${wording.who} allows ${issue.values.map((v) => show(v)).join(', ')}`,
        });
        break;
      case 'invalid_format':
        out.push({ path: pointer(path), kind: 'format', expected: issue.format, actual: showAt(path, valueAt(actual, path)), message: `${pointer(path)} is not ${issue.format} (${wording.who})` });
        break;
      default:
        out.push({ path: pointer(path), kind: 'value', message: `${pointer(path)}: ${issue.message} (${wording.who})` });
    }
  }
  return out;
}
