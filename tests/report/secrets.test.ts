import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Redactor, REPORT_VERSION, writeReports, type Report } from '../../src/report/index.ts';
import { expandedText, unpack } from '../../src/report/html.ts';
import { encodedForms } from '../../src/report/redact.ts';
import { sampleReport } from './sample-report.ts';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});
/** What a reader of a written file can see: index.html with its compressed parts inflated. */
async function readable(path: string): Promise<string> {
  const text = await readFile(path, 'utf8');
  if (!path.endsWith('.html')) return text;
  expect(unpack(text).size, 'index.html keeps its steps in compressed parts').toBeGreaterThan(0);
  return expandedText(text);
}

const tmp = async () => {
  const d = await mkdtemp(join(tmpdir(), 'tc-report-'));
  dirs.push(d);
  return d;
};

/** Put each secret where a careless runner might: raw text, headers, bodies, output, reasons, findings. */
function plant(report: Report, s: Awaited<ReturnType<typeof sampleReport>>['secrets']): Report {
  const r = structuredClone(report) as Report;
  const t = r.tutorials[0]!;
  const st = t.steps.find((x) => x.request) ?? t.steps[0]!;
  const token = s.tokens[0]!;
  st.raw = `${st.raw}\n# as run: curl -H "Authorization: Bearer ${token}" …`;
  st.request = { method: 'GET', url: `https://sa1.blob.core.windows.net/c1/test.txt?${s.sasToken}`, headers: [['Authorization', `Bearer ${token}`], ['x-ms-meta-b64', Buffer.from(s.keyVaultValue).toString('base64')]], bodyEncoding: 'utf8', body: `client_secret=${encodeURIComponent(s.keyVaultValue)}&key=${encodeURIComponent(s.accountKey)}` };
  st.response = {
    status: 200,
    statusText: 'OK',
    httpVersion: '1.1',
    headers: [['x-echo', JSON.stringify(s.keyVaultValue)]],
    body: JSON.stringify({ value: s.keyVaultValue, id: 'https://kv1.vault.azure.net/secrets/MyTestSecret/7c2204c6093c4d859bc5b9eff8f29050', attributes: { enabled: true } }),
    bodyEncoding: 'utf8',
    json: { value: s.keyVaultValue, id: 'https://kv1.vault.azure.net/secrets/MyTestSecret/7c2204c6093c4d859bc5b9eff8f29050' },
  };
  st.output = { stdout: `DefaultEndpointsProtocol=https;AccountName=sa1;AccountKey=${s.accountKey};EndpointSuffix=core.windows.net\n{"serviceSasToken":"${s.sasToken}"}`, stderr: `token=${token}`, exitCode: 0 };
  st.reason = `${st.reason} (used key ${s.accountKey.slice(0, 88)})`;
  st.checks.push({ layer: 'literal', ok: false, differences: [{ path: '/value', kind: 'value', expected: 'p@ssw0rd!', actual: JSON.stringify(s.keyVaultValue), message: `value is ${JSON.stringify(s.keyVaultValue)}` }] });
  t.findings.push({ rule: 'x', severity: 'note', message: `saw sig=${s.sasSignature}`, file: t.file, line: 1 });
  return r;
}

describe('secrets never reach a written report', () => {
  it('every output (JSON, HTML, JUnit) is free of every secret in every encoding', async () => {
    const sample = await sampleReport();
    const { secrets, redactor } = sample;
    expect(secrets.tokens.length).toBeGreaterThan(0);
    const report = plant(sample.report, secrets);
    const dir = await tmp();
    const written = await writeReports(report, dir, ['json', 'html', 'junit'], { redactor });
    expect(Object.keys(written).sort()).toEqual(['html', 'json', 'junit']);
    expect((await readdir(dir)).sort()).toEqual(['index.html', 'junit.xml', 'report.json']);

    const all = [...secrets.tokens, secrets.accountKey, secrets.sasToken, secrets.sasSignature, decodeURIComponent(secrets.sasSignature), secrets.keyVaultValue];
    for (const path of Object.values(written)) {
      const text = await readable(path);
      for (const secret of all) {
        for (const form of encodedForms(secret)) expect(text.includes(form), `${path} holds a form of a secret`).toBe(false);
      }
      expect(text).toMatch(/\[REDACTED:[a-z-]+\]/);
    }
    // The JSON is still a valid report after redaction.
    const json = JSON.parse(await readFile(written['json']!, 'utf8')) as { version: number; summary: unknown };
    expect(json.version).toBe(REPORT_VERSION);
  });

  it('redaction also works with no secrets registered: patterns catch JWTs, SAS sig, Shared Key, AccountKey, listKeys values', async () => {
    const sample = await sampleReport();
    const report = plant(sample.report, sample.secrets);
    const dir = await tmp();
    const written = await writeReports(report, dir, ['json', 'html', 'junit']);
    for (const path of Object.values(written)) {
      const text = await readable(path);
      for (const t of sample.secrets.tokens) expect(text.includes(t)).toBe(false);
      // Pattern-shaped places only: a bare key in free text needs the registered-secret net above.
      expect(text.includes(`AccountKey=${sample.secrets.accountKey}`)).toBe(false);
      expect(text.includes(`"value": "${sample.secrets.accountKey}"`)).toBe(false);
      expect(text.includes(`sig=${sample.secrets.sasSignature}`)).toBe(false);
      expect(/SharedKey sa1tutorial:[A-Za-z0-9+/=]{20,}/.test(text)).toBe(false);
    }
  });

  it('defect: a secret composed by a rendering ended the run with a SecretLeakError stack trace and no report: it is redacted there and said', async () => {
    const sample = await sampleReport();
    const step = sample.report.tutorials[1]!.steps.find((s) => s.kind === 'http' && s.expectation?.kind === 'text')!;
    const redactor = new Redactor();
    // "000-storage.md:86" exists only where the HTML writes file:line; report.json holds file and line apart.
    const composed = `000-storage.md:${step.line.start}`;
    redactor.add(composed, 'composed');
    const warnings: string[] = [];
    const dir = join(await tmp(), 'out');
    const written = await writeReports(sample.report, dir, ['json', 'html', 'junit'], { redactor, onWarning: (w) => warnings.push(w) });
    // file:line is composed inside the compressed parts: the writer looked there too.
    const html = await readable(written['html']!);
    expect(html).not.toContain(composed);
    expect(html).toContain('[REDACTED:composed]');
    // HTML and JUnit both write file:line; report.json keeps them apart.
    expect(warnings).toEqual([
      expect.stringMatching(/^index\.html: the rendering held \d+ secret\(s\) no single field held \(composed\); redacted in that file$/),
      expect.stringMatching(/^junit\.xml: the rendering held \d+ secret\(s\) no single field held \(composed\); redacted in that file$/),
    ]);
    expect(await readdir(dir)).toEqual(expect.arrayContaining(['report.json', 'index.html', 'junit.xml']));
  });

  it('no secret hides in the compressed parts of index.html: not in its bytes, yet there for a reader, so scans must inflate', async () => {
    const sample = await sampleReport();
    const report = structuredClone(sample.report);
    const step = report.tutorials[0]!.steps.find((s) => s.request)!;
    // A value no pattern knows and no redactor was told about: the renderer shows it as it is.
    step.reason = `${step.reason} zq-unregistered-9f3c1e7a-value`;
    const dir = join(await tmp(), 'out');
    const written = await writeReports(report, dir, ['html']);
    const bytes = await readFile(written['html']!, 'utf8');
    expect(bytes).not.toContain('zq-unregistered-9f3c1e7a-value');
    expect(expandedText(bytes)).toContain('zq-unregistered-9f3c1e7a-value');
    // Told about it, the writer redacts it inside the compressed part.
    const redactor = new Redactor();
    redactor.add('zq-unregistered-9f3c1e7a-value', 'planted');
    const again = await writeReports(report, join(dir, 'again'), ['html'], { redactor });
    const text = await readable(again['html']!);
    expect(text).not.toContain('zq-unregistered-9f3c1e7a-value');
    expect(text).toContain('[REDACTED:planted]');
  });

  it('counts what it redacted in report.json (redactions, by label)', async () => {
    const sample = await sampleReport();
    const dir = join(await tmp(), 'out');
    const written = await writeReports(sample.report, dir, ['json'], { redactor: sample.redactor });
    const json = JSON.parse(await readFile(written['json']!, 'utf8')) as { redactions?: Record<string, number> };
    expect(Object.values(json.redactions ?? {}).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    for (const label of Object.keys(json.redactions ?? {})) expect(label).not.toMatch(/eyJ/);
  });
});
