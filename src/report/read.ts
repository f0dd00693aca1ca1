// Reads a report.json written by `run` or `merge` (a shard's, a baseline): the file, or a folder
// holding one (a run's `<out>/latest`). Errors say which file and what to pass instead (E_USAGE).
// An older report is upgraded to the current version on the way in: a v1 report (before the
// `unsupported` verdict) reads with its `fail` steps of failure kind `not-emulated` as `unsupported`
// (design.md, shared decisions), so a baseline from before the change compares like with like.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ToolError } from '../errors.ts';
import { Report, REPORT_VERSION } from './schema.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A v1 report as v2: `not-emulated` failures become `unsupported`, counts and version follow. */
export function upgradeV1(json: Json): Json {
  const tutorials = Array.isArray(json['tutorials']) ? json['tutorials'] : [];
  const upgraded = tutorials.map((t: unknown) => {
    if (!isObject(t)) return t;
    const steps = (Array.isArray(t['steps']) ? t['steps'] : []).map((s: unknown) => {
      if (!isObject(s) || s['verdict'] !== 'fail' || s['failure'] !== 'not-emulated') return s;
      const { failure: _failure, ...rest } = s;
      return { ...rest, verdict: 'unsupported', unsupported: 'not-emulated' };
    });
    return { ...t, steps };
  });
  // Counted again, as the schema checks: the upgrade moved steps from fail to unsupported.
  const summary: Record<string, number> = { ...(isObject(json['summary']) ? json['summary'] : {}), unsupported: 0 };
  for (const t of upgraded) {
    if (!isObject(t) || !Array.isArray(t['steps'])) continue;
    for (const s of t['steps']) if (isObject(s) && s['verdict'] === 'unsupported') {
      summary['unsupported'] = (summary['unsupported'] ?? 0) + 1;
      summary['fail'] = (summary['fail'] ?? 0) - 1;
    }
  }
  return { ...json, version: REPORT_VERSION, tutorials: upgraded, summary };
}

export async function readReport(given: string, what = 'report'): Promise<{ path: string; report: Report }> {
  const path = (await stat(given).then((s) => s.isDirectory()).catch(() => false)) ? join(given, 'report.json') : given;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new ToolError('E_USAGE', `cannot read ${what} ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'}); pass a report.json or the folder holding it`, { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ToolError('E_USAGE', `${path} is not JSON; is it a report.json written by 'tutorial-conformance run'?`, { cause: err });
  }
  if (isObject(json) && json['version'] === 1) json = upgradeV1(json);
  const parsed = Report.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const version = isObject(json) ? json['version'] : undefined;
    const hint = typeof version === 'number' && version > REPORT_VERSION ? `it is report v${version}, newer than this tool reads (v${REPORT_VERSION}); update tutorial-conformance` : 'was it written by another version?';
    throw new ToolError('E_USAGE', `${path} is not a valid report (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'}); ${hint}`);
  }
  return { path, report: parsed.data };
}
