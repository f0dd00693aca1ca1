// When a language runtime or the Azure Functions host stopped being supported, from
// runtime-lifecycle.json (each runtime names the files its dates are read from). Judged against the
// file's own asOf date, never the clock, so that lint gives the same answer every day.
import { readFileSync } from 'node:fs';

export type RuntimeId = 'node' | 'python' | 'dotnet' | 'functions' | 'kubernetes' | 'powershell' | 'postgresql' | 'mysql' | 'redis';

interface RuntimeEntry {
  name: string;
  sources: { repo: string; path: string; commit?: string; url?: string; covers: string; for: string[] }[];
  versions: Record<string, string>;
  channels?: string[];
  /** Versions older than this one (major.minor) ended on or before its date, though the source no longer lists them. */
  olderThan?: { version: string; date: string };
  /** What happens to a reader who pins an ended version of a managed service's engine (the source's words). */
  consequence?: string;
}

interface Lifecycle {
  about: { asOf: string; note: string };
  runtimes: Record<RuntimeId, RuntimeEntry>;
}

let data: Lifecycle | undefined;
function lifecycle(): Lifecycle {
  data ??= JSON.parse(readFileSync(new URL('./runtime-lifecycle.json', import.meta.url), 'utf8')) as Lifecycle;
  return data;
}

export type RuntimeStatus =
  | { kind: 'ended'; name: string; version: string; date: string; source: string; before?: string; consequence?: string }
  | { kind: 'never-released'; name: string; version: string; known: string[]; source: string }
  | { kind: 'current' };

/** "2024-10" (a month) ends with that month: the first day after it is when it is over. */
function dayAfter(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

const sourceOf = (e: RuntimeEntry, version: string): string => {
  const s = e.sources.find((x) => x.for.includes(version)) ?? e.sources[0];
  if (!s) return '';
  return s.url ?? `${s.repo} ${s.path}${s.commit ? ` @${s.commit.slice(0, 12)}` : ''}`;
};

/**
 * The support status of a version as a page writes it: Node.js by its major ("14", "14.x", "v14.17"),
 * Python and PowerShell by major.minor ("3.7", "7.2"), .NET by channel ("3.1", "6.0", "6"), Functions by major ("3").
 */
export function runtimeStatus(runtime: RuntimeId, written: string): RuntimeStatus {
  const e = lifecycle().runtimes[runtime];
  const v = written.replace(/^[~v]/i, '');
  let key: string | undefined;
  // "NODE:20LTS" is how az webapp list-runtimes names Windows Node.js stacks.
  if (runtime === 'node' || runtime === 'functions' || runtime === 'redis') key = /^(\d+)(?:\.|$|-|lts$)/i.exec(v)?.[1];
  else if (runtime === 'python' || runtime === 'kubernetes' || runtime === 'powershell' || runtime === 'mysql') key = /^(\d+\.\d+)(?:\.|$)/.exec(v)?.[1];
  else if (runtime === 'postgresql') {
    // PostgreSQL's major is its first number from 10 on, its first two before ("9.6"; concepts-version-policy, "version syntax").
    const m = /^(\d+)(?:\.(\d+))?(?:\.|$)/.exec(v);
    if (m) key = Number(m[1]) >= 10 ? m[1] : m[2] === undefined ? undefined : `${m[1]}.${m[2]}`;
  }
  else {
    const m = /^(\d+)(?:\.(\d+))?(?:\.|$)/.exec(v);
    if (m) key = `${m[1]}.${m[2] ?? '0'}`;
  }
  if (key === undefined) return { kind: 'current' };
  if (e.channels && !e.channels.includes(key)) return { kind: 'never-released', name: e.name, version: key, known: e.channels, source: sourceOf(e, key) };
  const date = e.versions[key];
  if (date === undefined && e.olderThan && olderMinor(key, e.olderThan.version)) {
    const before = e.olderThan;
    if (dayAfter(before.date) > lifecycle().about.asOf) return { kind: 'current' };
    return { kind: 'ended', name: e.name, version: key, date: before.date, source: sourceOf(e, before.version), before: before.version };
  }
  if (date === undefined || dayAfter(date) > lifecycle().about.asOf) return { kind: 'current' };
  return { kind: 'ended', name: e.name, version: key, date, source: sourceOf(e, key), ...(e.consequence ? { consequence: e.consequence } : {}) };
}

/** "1.15" is older than "1.27" (major.minor compared as numbers). */
function olderMinor(a: string, b: string): boolean {
  const [am, an] = a.split('.').map(Number) as [number, number];
  const [bm, bn] = b.split('.').map(Number) as [number, number];
  return am < bm || (am === bm && an < bn);
}

export const lifecycleAsOf = (): string => lifecycle().about.asOf;
