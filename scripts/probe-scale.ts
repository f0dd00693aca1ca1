// npx tsx scripts/probe-scale.ts [redaction|secrets|plan|output|pages]… — the full-size probes of the
// hostile-input issue's scale items, timed (tests count the same work on small inputs, never time it):
//   secrets    20,000 tokens known to the redactor, then 10/20/40 MB of report text redacted;
//   redaction  a report of 10,000 pages with one new token each, redacted and written (report.json,
//              index.html, junit.xml), as the run's last phase does;
//   plan       a 26 MB page of 173,000 steps planned (its model built part by part, so the figure is
//              the plan's alone), then the same pages parsed whole (parse and plan both linear);
//   output     a step printing 600 MB, run by the shell engine on the emulator: what the report keeps;
//   pages      a real run (http engine, emulator) of N generated pages (PROBE_PAGES, default 10,000).
// Each prints its figures and the target they are held to. No argument: all but `pages`.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { defaultScenario } from '../src/tutorials/scenario.ts';
import { parseTutorialText } from '../src/parse/index.ts';
import { buildPlan } from '../src/plan/index.ts';
import { writeReports } from '../src/report/index.ts';
import { Redactor } from '../src/report/redact.ts';
import type { Report } from '../src/report/schema.ts';
import type { Tutorial } from '../src/model.ts';
import { RunSecrets, runTutorials } from '../src/run/index.ts';
import { startEmulatorTarget } from '../src/run/targets/emulator.ts';

const work = mkdtempSync(join(os.tmpdir(), 'tc-probe-'));
const MB = 1 << 20;
const HEADER = Buffer.from('{"typ":"JWT","alg":"RS256","kid":"emulator-key-1"}').toString('base64url');
const token = (): string => `${HEADER}.${randomBytes(300).toString('base64url')}.${randomBytes(256).toString('base64url')}`;

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

async function timeAsync<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
}

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;
const rss = (): string => mb(process.memoryUsage().rss);

function line(name: string, figure: string, target: string, ok: boolean): void {
  console.log(`${ok ? 'ok  ' : 'MISS'} ${name.padEnd(52)} ${figure.padEnd(34)} target ${target}`);
}

/** 20,000 known secrets; text of growing size with a few of them in it. */
function probeSecrets(): void {
  const r = new Redactor();
  const tokens = Array.from({ length: 20_000 }, token);
  const [, addMs] = time(() => {
    for (const [i, t] of tokens.entries()) r.add(t, `token ${i}`);
  });
  line('secrets: 20,000 tokens added', `${s(addMs)}, ${r.size} forms, RSS ${rss()}`, '< 60 s', addMs < 60_000);
  let previous = 0;
  for (const size of [10, 20, 40]) {
    const chunk = `{"reason":"status 200 as the page shows","stdout":"the quick brown fox\\njumps over it","auth":"Bearer ${tokens[size]}"}\n`;
    const text = chunk.repeat(Math.ceil((size * MB) / chunk.length));
    const before = { ...r.work };
    const [out, ms] = time(() => r.redact(text));
    const scanned = r.work.scanned - before.scanned;
    const compared = r.work.compared - before.compared;
    line(`secrets: ${size} MB redacted against 20,000 tokens`, `${s(ms)}${previous ? ` (x${(ms / previous).toFixed(2)})` : ''}, ${(scanned / text.length).toFixed(2)} passes, ${compared} compared`, '< 30 s; x2 per doubling', ms < 30_000 && out.length < text.length);
    previous = ms;
  }
}

/** A report of `pages` tutorials of 5 steps, one new token per page. */
function bigReport(pages: number, secrets: RunSecrets): Report {
  const steps = (p: number, t: string): Report['tutorials'][number]['steps'] =>
    Array.from({ length: 5 }, (_, k) => ({
      id: `s${k + 1}`,
      kind: k === 2 ? 'http' : 'shell',
      line: { start: 10 * k + 1, end: 10 * k + 1 },
      section: 'Get a token',
      raw: k === 2 ? `curl -H "Authorization: Bearer $access_token" https://sa${p}.blob.core.windows.net/c/b` : `access_token=$(curl -s 'http://169.254.169.254/metadata/identity/oauth2/token' -H Metadata:true | jq -r .access_token)`,
      verdict: 'pass',
      reason: 'matches the page (contract, literal)',
      ...(k === 2
        ? {
            request: { method: 'GET', url: `https://sa${p}.blob.core.windows.net/c/b`, headers: [['Authorization', `Bearer ${t}`]] as [string, string][], bodyEncoding: 'utf8' as const },
            response: { status: 200, statusText: 'OK', httpVersion: '1.1', headers: [['Content-Length', '12']] as [string, string][], body: 'Hello world!', bodyEncoding: 'utf8' as const },
          }
        : { output: { stdout: k === 0 ? '' : `{"access_token":"${t}","token_type":"Bearer"}`, stderr: '', exitCode: 0 } }),
      checks: [],
    }));
  const tutorials = Array.from({ length: pages }, (_, p) => {
    const t = token();
    secrets.add(t, `access_token of page ${p}`);
    return { file: `tutorials/page-${p}.md`, title: `Page ${p}`, steps: steps(p, t), findings: [], problems: [] };
  });
  const counts = { pass: pages * 5, drift: 0, fail: 0, unsupported: 0, blocked: 0, manual: 0, skipped: 0 };
  return { version: 2, tool: 'tutorial-conformance', target: 'emulator', engine: 'http', startedAt: new Date().toISOString(), durationMs: 0, summary: { tutorials: pages, steps: pages * 5, ...counts }, tutorials } as unknown as Report;
}

async function probeRedaction(): Promise<void> {
  for (const pages of (process.env.PROBE_REPORT_PAGES ?? "2500,5000,10000").split(",").map(Number)) {
    const secrets = new RunSecrets();
    const report = bigReport(pages, secrets);
    const dir = join(work, `report-${pages}`);
    const [written, ms] = await timeAsync(() => writeReports(report, dir, ['json', 'html', 'junit'], { redactor: secrets.redactor }));
    const size = Object.values(written).reduce((a, p) => a + statSync(p).size, 0);
    line(`redaction: ${pages.toLocaleString('en-US')} pages, one token each, 3 reports`, `${s(ms)}, ${mb(size)} written, RSS ${rss()}`, '10,000 pages < 120 s (was 12+ min)', pages < 10_000 || ms < 120_000);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One part of a long page: 6 steps using one another (as tests/plan/plan-scale.test.ts, with fixed placeholders). */
function part(i: number): string {
  const IMDS = `'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fstorage.azure.com%2F'`;
  const block = (text: string): string => `\`\`\`bash\n${text}\n\`\`\`\n\n`;
  return [
    `## Part ${i}\n\nGet a token, call the blob, write a file, upload it, download it, make an identity; this paragraph makes the page as long as a real one of this many steps, with prose between the blocks, about as much as the tutorials have.\n\n`,
    block(`token${i}=$(curl -s ${IMDS} -H Metadata:true | jq -r '.access_token')`),
    block(`curl -s "https://<STORAGE ACCOUNT>.blob.core.windows.net/<CONTAINER NAME>/b${i}" -H "x-ms-version: 2017-11-09" -H "Authorization: Bearer $token${i}"`),
    block(`echo "hello ${i}" > file${i}.txt`),
    block(`az storage blob upload --account-name <STORAGE ACCOUNT> -c <CONTAINER NAME> -n b${i} -f file${i}.txt`),
    block(`az storage blob download --account-name <STORAGE ACCOUNT> -c <CONTAINER NAME> -n b${i} -f out${i}.txt`),
    block(`az identity create -g <RESOURCE GROUP> -n identity${i}`),
  ].join('');
}

/**
 * The model of a page of `groups` parts, as the parser gives it, built part by part, so that this
 * probe times the plan alone (the parse of the whole page is timed after it).
 * Steps are numbered on, occurrences and captures follow their steps, placeholders are merged by key.
 */
function longTutorial(groups: number): { tutorial: Tutorial; bytes: number } {
  const steps: Tutorial['steps'] = [];
  const captures: Tutorial['captures'] = [];
  const placeholders = new Map<string, Tutorial['placeholders'][number]>();
  let bytes = 0;
  for (let i = 0; i < groups; i++) {
    const text = part(i);
    bytes += text.length;
    const t = parseTutorialText(text, 'long.md');
    const ids = new Map(t.steps.map((step, k) => [step.id, `s${steps.length + k + 1}`]));
    const id = (old: string): string => ids.get(old) ?? old;
    for (const step of t.steps) steps.push({ ...step, id: id(step.id) });
    for (const c of t.captures) captures.push({ ...c, producer: id(c.producer), consumers: c.consumers.map(id) });
    for (const p of t.placeholders) {
      const occurrences = p.occurrences.map((o) => (o.stepId === undefined ? o : { ...o, stepId: id(o.stepId) }));
      const known = placeholders.get(p.key);
      if (known) {
        known.occurrences.push(...occurrences);
        for (const sp of p.spellings) if (!known.spellings.includes(sp)) known.spellings.push(sp);
      } else placeholders.set(p.key, { ...p, occurrences, spellings: [...p.spellings] });
    }
  }
  const first = parseTutorialText(part(0), 'long.md');
  return { tutorial: { ...first, steps, captures, placeholders: [...placeholders.values()] }, bytes };
}

function probePlan(): void {
  let previous = 0;
  for (const groups of [7_200, 14_400, 28_900]) {
    const { tutorial, bytes } = longTutorial(groups);
    const [plan, planMs] = time(() => buildPlan(tutorial, { targetValues: defaultScenario().values, targetName: 'emulator', sets: {} }));
    line(`plan: a ${mb(bytes)} page, ${plan.steps.length.toLocaleString('en-US')} steps`, `${s(planMs)}${previous ? ` (x${(planMs / previous).toFixed(2)})` : ''}, RSS ${rss()}`, '173k steps < 30 s (was 4+ min); x2 per doubling', planMs < 30_000);
    previous = planMs;
  }
  // The parse of the same pages whole (was quadratic: every $tokenN a misspelt twin of every other).
  let before = 0;
  for (const groups of [7_200, 14_400, 28_900]) {
    const text = Array.from({ length: groups }, (_, i) => part(i)).join('');
    const [, parseMs] = time(() => parseTutorialText(`# A long page\n\n${text}`, 'long.md'));
    line(`parse: a ${mb(text.length)} page, ${(groups * 6).toLocaleString('en-US')} steps`, `${s(parseMs)}${before ? ` (x${(parseMs / before).toFixed(2)})` : ''}, RSS ${rss()}`, '173k steps < 60 s (was 8.5 s for 12k steps, x4.5 per doubling); x2 per doubling', parseMs < 60_000);
    before = parseMs;
  }
}

async function probeOutput(): Promise<void> {
  const dir = join(work, 'output');
  mkdirSync(dir);
  const bytes = 600 * 1000 * 1000;
  writeFileSync(join(dir, 'big.md'), `# Big\n\n\`\`\`bash\necho -n; yes 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde | head -c ${bytes}\n\`\`\`\n`);
  const target = await startEmulatorTarget();
  try {
    const secrets = new RunSecrets();
    const [{ report }, ms] = await timeAsync(() => runTutorials({ paths: [join(dir, 'big.md')], targetInstance: target, engine: 'shell', secrets }));
    const step = report.tutorials[0]!.steps[0]!;
    const kept = Buffer.byteLength(step.output?.stdout ?? '');
    const [written, writeMs] = await timeAsync(() => writeReports(report, join(dir, 'out'), ['json', 'html', 'junit'], { redactor: secrets.redactor }));
    const size = Object.values(written).reduce((a, p) => a + statSync(p).size, 0);
    line('output: a step printing 600 MB (shell engine)', `${step.verdict} in ${s(ms)}, ${mb(kept)} kept, RSS ${rss()}`, 'no crash; ≤ 1 MB kept', step.verdict === 'pass' && kept <= MB + 200);
    line('output: its three reports', `${mb(size)} in ${s(writeMs)}`, '< 5 MB (were 600 MB each, or a crash)', size < 5 * MB);
  } finally {
    await target.close();
  }
}

async function probePages(): Promise<void> {
  const pages = Number(process.env.PROBE_PAGES ?? 10_000);
  const dir = join(work, 'pages');
  mkdirSync(dir);
  const IMDS = `'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fstorage.azure.com%2F'`;
  for (let p = 0; p < pages; p++) {
    writeFileSync(
      join(dir, `page-${String(p).padStart(5, '0')}.md`),
      `# Page ${p}\n\n\`\`\`bash\naccess_token=$(curl -s ${IMDS} -H Metadata:true | jq -r '.access_token')\n\`\`\`\n\n\`\`\`bash\ncurl -s "https://<STORAGE ACCOUNT>.blob.core.windows.net/<CONTAINER NAME>/<FILE NAME>" -H "x-ms-version: 2017-11-09" -H "Authorization: Bearer $access_token"\n\`\`\`\n`,
    );
  }
  const target = await startEmulatorTarget();
  try {
    const secrets = new RunSecrets();
    const [{ report }, runMs] = await timeAsync(() => runTutorials({ paths: [dir], targetInstance: target, secrets }));
    const [written, writeMs] = await timeAsync(() => writeReports(report, join(dir, 'out'), ['json', 'html', 'junit'], { redactor: secrets.redactor }));
    const size = Object.values(written).reduce((a, p) => a + statSync(p).size, 0);
    line(`pages: ${pages.toLocaleString('en-US')} pages run (http engine, emulator)`, `${s(runMs)}, ${secrets.values().length} secrets seen`, 'steps as fast as before', true);
    line(`pages: redaction and the three reports`, `${s(writeMs)}, ${mb(size)}, RSS ${rss()}`, '< 120 s (was 12+ min)', writeMs < 120_000);
  } finally {
    await target.close();
  }
}

const probes: Record<string, () => void | Promise<void>> = { secrets: probeSecrets, redaction: probeRedaction, plan: probePlan, output: probeOutput, pages: probePages };
const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['secrets', 'redaction', 'plan', 'output'];
try {
  for (const name of chosen) {
    const probe = probes[name];
    if (!probe) throw new Error(`no probe "${name}"; probes: ${Object.keys(probes).join(', ')}`);
    await probe();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
