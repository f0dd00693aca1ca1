// Small helpers every emulator service uses to read requests and write answers.
import type { EmulatorRequest, EmulatorResponse } from './types.ts';

export function jsonResponse(status: number, body: unknown, headers: Record<string, string | string[]> = {}, statusText?: string): EmulatorResponse {
  return {
    status,
    ...(statusText !== undefined ? { statusText } : {}),
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

/** Query parameters in order, decoded as servers decode them ('+' is a space in a form-encoded query). */
export function queryPairs(rawTarget: string): [string, string][] {
  const q = rawTarget.indexOf('?');
  if (q < 0) return [];
  return [...new URLSearchParams(rawTarget.slice(q + 1)).entries()];
}

/** Names that occur more than once, compared case-insensitively. */
export function duplicateNames(pairs: [string, string][]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const [name] of pairs) {
    const key = name.toLowerCase();
    if (seen.has(key)) dup.add(name);
    seen.add(key);
  }
  return [...dup];
}

/** Case-insensitive single query value. */
export function queryValue(pairs: [string, string][], name: string): string | undefined {
  const key = name.toLowerCase();
  return pairs.find(([n]) => n.toLowerCase() === key)?.[1];
}

/** A header's single value as Node gives it (repeated headers joined with ", "). */
export function header(req: EmulatorRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** Media type of the body without parameters, lower case ("" when absent). */
export function mediaType(req: EmulatorRequest): string {
  return (header(req, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}
