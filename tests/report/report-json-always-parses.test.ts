// Defect: a known secret that only report.json's rendering held — running from one field across the
// JSON syntax into the next — was cut out of the text together with that syntax, and a report.json
// that no longer parsed was written silently (a lost report). Now such a secret takes whole strings
// with it, never syntax; what was written is read back and parsed; and what cannot be made both
// clean and parseable stops the writing with an actionable E_OUTPUT, never a broken file.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ToolError } from '../../src/errors.ts';
import { Redactor, Report, WRITERS, writeFileAtomically, writeReports } from '../../src/report/index.ts';
import { redactJsonText } from '../../src/report/json-redact.ts';
import { sampleReport } from './sample-report.ts';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
const tmp = async (): Promise<string> => {
  const d = await mkdtemp(join(tmpdir(), 'tc-json-parses-'));
  dirs.push(d);
  return d;
};

/**
 * A report whose rendering holds a secret in two halves: the end of one string, the JSON syntax after
 * it, the start of the next — a header's name and its value (a tuple), or a string and the field after it.
 */
async function straddled(across: 'tuple' | 'field'): Promise<{ report: Report; redactor: Redactor; secret: string }> {
  const { report, redactor } = await sampleReport();
  const r = structuredClone(report);
  const step = r.tutorials[0]!.steps.find((x) => x.request)!;
  step.request!.headers = [...step.request!.headers, ['x-ms-meta-zq7-note', 'zq7-value-of-the-note']];
  step.raw = `${step.raw} zq7-left-half-of-it`;
  const text = WRITERS.json.render(Report.parse(r));
  // The secret as the rendering holds it, JSON syntax and indentation included.
  const m = across === 'tuple' ? /zq7-note",\s+"zq7-value/.exec(text) : /zq7-left-half-of-it",\s+"verdict": "[a-z]{3}/.exec(text);
  expect(m, 'the two strings are rendered one after the other').not.toBeNull();
  const secret = m![0];
  redactor.add(secret, 'straddling secret');
  return { report: r, redactor, secret };
}

describe('defect: a secret redacted across report.json\'s syntax left a report.json that was no report, written silently', () => {
  it('takes whole string values, never syntax: report.json parses as a report, holds no part of the secret, keeps every step', async () => {
    const { report, redactor, secret } = await straddled('tuple');
    // What the writer did before: cut the text, and the header tuple lost an element (or the JSON its quotes).
    const before = redactor.redact(WRITERS.json.render(Report.parse(redactor.redactDeep(report))));
    expect(() => Report.parse(JSON.parse(before))).toThrow();
    const warnings: string[] = [];
    const written = await writeReports(report, await tmp(), ['json'], { redactor, onWarning: (w) => warnings.push(w) });
    const text = await readFile(written['json']!, 'utf8');
    const back = Report.parse(JSON.parse(text));
    expect(text).not.toContain(secret);
    expect(text).not.toContain('zq7-note');
    expect(text).not.toContain('zq7-value');
    expect(back.tutorials[0]!.steps.find((x) => x.request)!.request!.headers).toContainEqual(['[REDACTED:straddling secret]', '[REDACTED:straddling secret]']);
    expect(back.tutorials.map((t) => t.steps.length)).toEqual(report.tutorials.map((t) => t.steps.length));
    expect(warnings.join('\n')).toMatch(/report\.json: the rendering held 1 secret/);
  });

  it('a secret that runs into a field name stops the writing with an actionable E_OUTPUT and writes nothing', async () => {
    const { report, redactor } = await straddled('field');
    const dir = join(await tmp(), 'out');
    const err = await writeReports(report, dir, ['json'], { redactor }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as ToolError).code).toBe('E_OUTPUT');
    expect((err as ToolError).message).toMatch(/^report\.json: a secret \(straddling secret\) runs into the field name "verdict".*nothing was written.*please report it/);
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });

  it('a secret outside any string (in a number) stops the writing with E_OUTPUT and writes nothing', async () => {
    const { report } = await sampleReport();
    const redactor = new Redactor();
    const r = structuredClone(report);
    r.tutorials[0]!.steps[0]!.durationMs = 918273645546372;
    redactor.add('918273645546372', 'numeric secret');
    const dir = join(await tmp(), 'out');
    const err = await writeReports(r, dir, ['json'], { redactor }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as ToolError).code).toBe('E_OUTPUT');
    expect((err as ToolError).message).toMatch(/report\.json: a secret \(numeric secret\) sits outside any text field.*nothing was written.*please report it/);
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });

  it('redactJsonText leaves a report without secrets as it is', async () => {
    const { report } = await sampleReport();
    const text = WRITERS.json.render(report);
    expect(redactJsonText(text, new Redactor(), 'report.json')).toBe(text);
  });

  it('a file whose written text fails its check is never put in place (read back before the rename)', async () => {
    const dir = await tmp();
    const err = await writeFileAtomically(join(dir, 'report.json'), '{"version": 2, "tutorials": [', (written) => (written.endsWith('[') ? 'the report as written does not parse as JSON' : undefined)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as ToolError).message).toMatch(/report\.json: the report as written does not parse as JSON; it was not put in place/);
    expect(await readdir(dir)).toEqual([]);
  });
});
