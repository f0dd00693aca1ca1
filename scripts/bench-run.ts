// npm run bench:run — the full run (process start, emulator boot, twelve tutorials, three reports)
// against a bash script that boots the same emulator (`tutorial-conformance emulator --json`) and
// sends the same HTTP requests with curl through its curl config. Prints both times and the ratio.
// The requests are read back from the run's report.json, so their secrets are already redacted: the
// replay's bearer tokens, SAS and Shared Key signatures are placeholders, and the emulator refuses
// those requests early (401/403, without the token checks' RSA work or a trip to Azurite) where the
// full run's were served. The curl script therefore does somewhat less work than the run it is
// compared with; what is compared is the cost of sending the same requests.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { Report } from '../src/report/schema.ts';
import type { ObservedRequest } from '../src/run/observation.ts';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'bin', 'tutorial-conformance.js');

const CHILD_TIMEOUT_MS = 180_000;

function timed(cmd: string, args: string[], opts: { cwd?: string } = {}): Promise<{ ms: number; code: number | null; stdout: string }> {
  const t0 = performance.now();
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { cwd: opts.cwd ?? root, stdio: ['ignore', 'pipe', 'inherit'], timeout: CHILD_TIMEOUT_MS, killSignal: 'SIGKILL' });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', rej);
    child.on('close', (code) => res({ ms: performance.now() - t0, code, stdout }));
  });
}

/** One request as a curl config file: the same method, URL, headers and body. */
function curlConfig(req: ObservedRequest, bodyFile: string | undefined): string {
  const q = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = [`url = ${q(req.url)}`, `request = ${q(req.method)}`];
  for (const [name, value] of req.headers) {
    if (['host', 'content-length'].includes(name.toLowerCase())) continue; // curl writes these itself
    lines.push(`header = ${q(`${name}: ${value}`)}`);
  }
  if (bodyFile) lines.push(`data-binary = ${q(`@${bodyFile}`)}`);
  return `${lines.join('\n')}\n`;
}

const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 7));
const work = mkdtempSync(join(os.tmpdir(), 'tc-bench-run-'));
try {
  // 1. The full run, as `npm start` does it; its report gives the requests the curl script replays.
  const fullRun = async (i: number) => {
    const out = join(work, `reports-${i}`);
    const r = await timed(process.execPath, [cli, 'run', join(root, 'tutorials'), '--out', out]);
    if (r.code !== 0 && r.code !== 1) throw new Error(`the run could not start (exit ${r.code})`);
    return { ms: r.ms, out };
  };
  // The CLI as `npm ci` leaves it: bin runs the sources through tsx (several times slower) when a
  // source changed since dist/ was built, so build it first; then one untimed run of each side, so
  // both start from warm code caches (the first run of a command writes its cache), as every run
  // after the first does.
  const build = await timed(process.execPath, [join(root, 'scripts', 'build-dist.mjs')]);
  if (build.code !== 0) throw new Error(`scripts/build-dist.mjs failed (exit ${build.code})`);
  const first = await fullRun(0);
  const report = Report.parse(JSON.parse(readFileSync(join(first.out, 'latest', 'report.json'), 'utf8')));
  const requests: ObservedRequest[] = report.tutorials.flatMap((t) => t.steps.flatMap((s) => (s.exchanges ?? (s.request ? [{ request: s.request }] : [])).map((e) => e.request)));

  // 2. The same requests as curl configs.
  const dir = join(work, 'requests');
  mkdirSync(dir);
  requests.forEach((req, i) => {
    const name = String(i).padStart(4, '0');
    let bodyFile: string | undefined;
    if (req.body !== undefined) {
      bodyFile = join(dir, `${name}.body`);
      writeFileSync(bodyFile, req.bodyEncoding === 'base64' ? Buffer.from(req.body, 'base64') : Buffer.from(req.body, 'utf8'));
    }
    writeFileSync(join(dir, `${name}.curl`), curlConfig(req, bodyFile));
  });

  // 3. The shell way: the script boots the emulator command itself, then curls every request.
  const curlScript = async () => {
    const r = await timed('bash', [join(root, 'scripts', 'bench-run-curl.sh'), cli, dir]);
    if (r.code !== 0) throw new Error(`the curl script failed (exit ${r.code})`);
    // The script times itself up to its last answer; stopping its emulator is not part of the work.
    const [count, ms] = r.stdout.trim().split(/\s+/);
    return { ms: Number(ms), stdout: count ?? '' };
  };

  await curlScript();
  // Alternate the two, so a busy machine slows both alike; compare medians.
  const runs: number[] = [];
  const curls: number[] = [];
  let curlCount = '';
  for (let i = 0; i < ROUNDS; i++) {
    const c = await curlScript();
    curls.push(c.ms);
    curlCount = c.stdout.trim();
    runs.push((await fullRun(i + 1)).ms);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const run = { ms: median(runs) };
  const curl = { ms: median(curls), stdout: curlCount };
  console.log(`${ROUNDS} rounds after a warm-up of each; full run ${runs.map((m) => (m / 1000).toFixed(2)).join(', ')} s; curl script ${curls.map((m) => (m / 1000).toFixed(2)).join(', ')} s; medians below`);

  const steps = Object.values(report.summary).reduce((a, b) => a + b, 0);
  const rows = [
    ['full run: boot, 12 tutorials, checks, 3 reports', `${(run.ms / 1000).toFixed(2)} s`, `${requests.length} requests, ${steps} steps`],
    ['curl script: boot emulator, same requests', `${(curl.ms / 1000).toFixed(2)} s`, `${curl.stdout.trim()} curl processes`],
  ];
  for (const [what, time, detail] of rows) console.log(`${(what ?? '').padEnd(50)} ${(time ?? '').padStart(8)}   ${detail ?? ''}`);
  const ratio = curl.ms / run.ms;
  console.log(`ratio curl/run: ${ratio.toFixed(2)} (${ratio >= 1 ? 'the full run is faster than the curl script' : 'the curl script is faster than the full run'})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
