// Reads a report.json written by `run` or `merge` (a shard's, a baseline): the file, or a folder
// holding one (a run's `<out>/latest`). Errors say which file and what to pass instead (E_USAGE).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ToolError } from '../errors.ts';
import { Report } from './schema.ts';

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
  const parsed = Report.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ToolError('E_USAGE', `${path} is not a valid report (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'}); was it written by another version?`);
  }
  return { path, report: parsed.data };
}
