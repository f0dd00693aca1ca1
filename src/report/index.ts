// The report stage's entry: redact (counting what was replaced into the report's `redactions`),
// validate, render every requested format, check each rendering for secrets, and only then write.
// A secret a rendering still holds (one the rendering composed from parts) is redacted there too and
// said through `onWarning`: never a stack trace, never a lost report. Formats live in one registry
// keyed by the CLI's format names; where the files go, and how they get there whole, is ./outputs.ts.
import { mkdir } from 'node:fs/promises';
import { ToolError } from '../errors.ts';
import { join } from 'node:path';
import { writeFileAtomically } from './outputs.ts';
import { mapHtmlText, renderHtml } from './html.ts';
import { renderJunit, type JunitOptions } from './junit.ts';
import { jsonProblem, redactJsonText } from './json-redact.ts';
import { Redactor, type RedactionCounts } from './redact.ts';
import { Report } from './schema.ts';

export { Redactor, SecretLeakError } from './redact.ts';
export { Report, buildReport, REPORT_VERSION } from './schema.ts';
export { exitCodeFor } from './exit-code.ts';
export { compareReports } from './compare.ts';
export { readReport } from './read.ts';
export type { FailOn } from './exit-code.ts';
export type { StepOutcome, BuildReportInput, ReportStep, ReportTutorial } from './schema.ts';
export { renderHtml } from './html.ts';
export { renderJunit } from './junit.ts';
export { prepareOutputs, checkAppendable, checkFolder, writeFileAtomically, runStamp, RUN_FOLDER } from './outputs.ts';
export type { OutputPlan, PreparedOutputs, Published } from './outputs.ts';

export interface WriterOptions extends JunitOptions {
  /** Every secret the run saw; it and secret-shaped values are redacted from every output. */
  redactor?: Redactor;
  /** Told when a rendering still held a known secret (then redacted in that file). */
  onWarning?: (message: string) => void;
}

interface Writer {
  file: string;
  render(report: Report, o: WriterOptions): string;
  /** `fn` over every part a reader can see, for a rendering that keeps parts compressed (index.html). */
  mapText?(text: string, fn: (part: string) => string): string;
}

export const WRITERS = {
  json: { file: 'report.json', render: (r: Report) => JSON.stringify(r, null, 2) + '\n' },
  html: { file: 'index.html', render: (r: Report) => renderHtml(r), mapText: mapHtmlText },
  junit: { file: 'junit.xml', render: (r: Report, o: WriterOptions) => renderJunit(r, o) },
} as const satisfies Record<string, Writer>;

export type ReportFormat = keyof typeof WRITERS;
export const REPORT_FORMATS = Object.keys(WRITERS) as ReportFormat[];

function mergeCounts(earlier: Report['redactions'], counts: RedactionCounts): Record<string, number> {
  const out: Record<string, number> = { ...(earlier ?? {}) };
  for (const [label, n] of counts) out[label] = (out[label] ?? 0) + n;
  return out;
}

export interface RenderedReports {
  /** The report as written: redacted, its redaction counts merged, validated. */
  report: Report;
  /** Format → file name and text, every secret checked for. */
  files: Record<ReportFormat, { file: string; text: string }>;
}

/** Redact, validate and render each format, and check each rendering for secrets; writes nothing. */
export function renderReports(report: Report, formats: readonly ReportFormat[] = REPORT_FORMATS, options: WriterOptions = {}): RenderedReports {
  const redactor = options.redactor ?? new Redactor();
  const counts: RedactionCounts = new Map();
  const redacted = redactor.redactDeep(report, counts);
  const clean = Report.parse(counts.size > 0 ? { ...redacted, redactions: mergeCounts(report.redactions, counts) } : redacted);
  const files = {} as Record<ReportFormat, { file: string; text: string }>;
  for (const f of formats) {
    const w = WRITERS[f];
    let text = w.render(clean, options);
    // Compressed parts are scanned (and redacted) as the reader will see them.
    const each = 'mapText' in w ? w.mapText : (t: string, fn: (part: string) => string) => fn(t);
    const leaks: string[] = [];
    each(text, (part) => (leaks.push(...redactor.findLeaks(part)), part));
    if (leaks.length > 0) {
      // Cut out of report.json's text, a secret would take JSON syntax with it: there it takes whole strings.
      text = f === 'json' ? redactJsonText(text, redactor, w.file) : each(text, (part) => redactor.redact(part));
      options.onWarning?.(`${w.file}: the rendering held ${leaks.length} secret(s) no single field held (${[...new Set(leaks)].join(', ')}); redacted in that file`);
    }
    // The run publishes these very bytes: a report.json that would not parse is our bug, said before anything is written.
    const problem = f === 'json' ? jsonProblem(text) : undefined;
    if (problem !== undefined) throw new ToolError('E_OUTPUT', `${w.file}: the rendered report does not parse as JSON (${problem}); nothing was written. This is a bug of tutorial-conformance: please report it with the page that was run`);
    files[f] = { file: w.file, text };
  }
  return { report: clean, files };
}

const writtenJsonProblem = (written: string): string | undefined => {
  const problem = jsonProblem(written);
  return problem === undefined ? undefined : `the report as written does not parse as JSON (${problem}). This is a bug of tutorial-conformance: please report it with the page that was run`;
};

/**
 * Every requested format straight into `dir` (merge's --out, tests), each file whole or not at all:
 * a reader (a browser on index.html, a CI upload, another writer of the same folder) never sees half
 * a file. A run writes through ./outputs.ts instead: a folder per run and `latest`.
 */
export async function writeReports(report: Report, dir: string, formats: readonly ReportFormat[] = REPORT_FORMATS, options: WriterOptions = {}): Promise<Record<string, string>> {
  const rendered = renderReports(report, formats, options);
  await mkdir(dir, { recursive: true });
  const written: Record<string, string> = {};
  for (const f of formats) {
    const r = rendered.files[f];
    // What was written is read back: a report.json that does not parse is never put in place silently.
    await writeFileAtomically(join(dir, r.file), r.text, f === 'json' ? writtenJsonProblem : undefined);
    written[f] = join(dir, r.file);
  }
  return written;
}
