// GitHub's own actions (actions/*) at versions GitHub refuses to run, and inputs an action stops
// without: src/reference/github-actions-refused.json, each entry with its announcement and what the
// runner prints. Judged against the file's asOf day, never the clock.
import { readFileSync } from 'node:fs';

export interface RetiredAction {
  action: string;
  majors: number[];
  failingSince: string;
  announcement: string;
  prints: string;
  readers: string[];
  use: string;
}

export interface RequiredInput {
  action: string;
  fromMajor: number;
  input: string;
  prints: string;
  source: { repo: string; path: string; commit: string; says: string };
  readers: string[];
  example: string;
}

interface Table {
  about: { asOf: string; note: string };
  retired: RetiredAction[];
  unprefixed: { note: string; prints: string; readers: string[]; checked: { repo: string; commit: string; says: string } };
  requiredInputs: RequiredInput[];
}

let table: Table | undefined;
export const refusedActions = (): Table =>
  (table ??= JSON.parse(readFileSync(new URL('./github-actions-refused.json', import.meta.url), 'utf8')) as Table);

/** The major version a tag ref names: v3, v3.1.2 → 3; a branch, a SHA or a bare number → undefined. */
export function refMajor(ref: string): number | undefined {
  const m = /^v(\d+)(?:\.\d+){0,2}$/.exec(ref);
  return m ? Number(m[1]) : undefined;
}

/** The retirement that refuses `action@ref`, when its date is on or before the table's asOf. */
export function retirementOf(action: string, ref: string): RetiredAction | undefined {
  const major = refMajor(ref);
  if (major === undefined) return undefined;
  const { about, retired } = refusedActions();
  return retired.find((r) => r.action.toLowerCase() === action.toLowerCase() && r.majors.includes(major) && r.failingSince <= about.asOf);
}
