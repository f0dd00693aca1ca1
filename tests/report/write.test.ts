import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Report, REPORT_FORMATS, WRITERS, writeReports } from '../../src/report/index.ts';
import { sampleReport } from './sample-report.ts';
import { summarise } from '../../src/report/schema.ts';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('writeReports', () => {
  it('the registry keys are the CLI format names, each with its file', () => {
    expect(REPORT_FORMATS).toEqual(['json', 'html', 'junit']);
    expect(Object.fromEntries(Object.entries(WRITERS).map(([k, w]) => [k, w.file]))).toEqual({ json: 'report.json', html: 'index.html', junit: 'junit.xml' });
  });

  it('writes only the formats asked for, creates the folder, and report.json reads back as the same report', async () => {
    const { report, redactor } = await sampleReport();
    const dir = join(await mkdtemp(join(tmpdir(), 'tc-write-')), 'nested', 'latest');
    dirs.push(dir);
    const onlyJunit = await writeReports(report, dir, ['junit'], { redactor });
    expect(onlyJunit).toEqual({ junit: join(dir, 'junit.xml') });
    expect(await readdir(dir)).toEqual(['junit.xml']);
    const all = await writeReports(report, dir, undefined, { redactor });
    expect(Object.keys(all).sort()).toEqual(['html', 'json', 'junit']);
    const back = Report.parse(JSON.parse(await readFile(all['json']!, 'utf8')));
    expect(back.summary).toEqual(report.summary);
    expect(back.tutorials.map((t) => t.steps.map((s) => [s.id, s.verdict, s.failure]))).toEqual(report.tutorials.map((t) => t.steps.map((s) => [s.id, s.verdict, s.failure])));
  });

  it('writers racing on one folder leave whole files (each one writer\'s) and no temporary file', async () => {
    const { report, redactor } = await sampleReport();
    const dir = await mkdtemp(join(tmpdir(), 'tc-write-'));
    dirs.push(dir);
    // Reports of different sizes, so a torn write would not parse or would mix two of them.
    const variants = [1, 5, 20].map((n) => {
      const tutorials = Array.from({ length: n }, () => report.tutorials).flat().map((t, i) => ({ ...t, file: `${t.file}#${i}` }));
      return { ...report, tutorials, summary: summarise(tutorials) };
    });
    await Promise.all(variants.flatMap((v) => [writeReports(v, dir, ['json'], { redactor }), writeReports(v, dir, ['json'], { redactor })]));
    expect(await readdir(dir)).toEqual(['report.json']);
    const back = Report.parse(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')));
    expect(variants.map((v) => v.tutorials.length)).toContain(back.tutorials.length);
  });

  it('drift as failure reaches junit.xml through the writer options', async () => {
    const { report, redactor } = await sampleReport();
    const dir = await mkdtemp(join(tmpdir(), 'tc-write-'));
    dirs.push(dir);
    const w = await writeReports(report, dir, ['junit'], { redactor, failOn: ['fail', 'drift'] });
    const xml = await readFile(w['junit']!, 'utf8');
    expect((xml.match(/<failure type="drift"/g) ?? []).length).toBe(report.summary.drift);
  });
});
