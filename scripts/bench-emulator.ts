// `npm run bench:emulator`: emulator throughput on loopback.
//   1. IMDS token endpoint: 64 concurrent connections for 10 s with undici, the tutorial's request
//      (Host 169.254.169.254, Metadata: true), the emulator in its own process (as `emulator --json`
//      runs it) so client and server each get a core. Every answer must be a 200 with a token.
//   2. Blob GET (scripts/bench-emulator-blob.ts): through the emulator vs Azurite directly.
// Bounded and self-stopping: each phase ends at its deadline; the child is killed at the end (and by
// a watchdog if anything hangs). Exit 1 when any request failed.
import { createInterface } from 'node:readline';
import { execa } from 'execa';
import { Agent, buildConnector, request } from 'undici';
import { benchBlob } from './bench-emulator-blob.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const WATCHDOG_MS = (SECONDS * 3 + 120) * 1000;
/** BENCH_ONLY=token or BENCH_ONLY=blob runs one part. */
const ONLY = process.env.BENCH_ONLY;

interface TokenBenchResult {
  requests: number;
  errors: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
  firstError?: string;
}

async function benchToken(): Promise<TokenBenchResult> {
  const child = execa('node', ['bin/tutorial-conformance.js', 'emulator', '--json'], { reject: false, stdout: 'pipe', stderr: 'inherit' });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`emulator exited with ${code} before it was ready`)));
    });
    const ready = JSON.parse(line) as { http: string };
    const port = Number(new URL(ready.http).port);
    // The connection goes to the emulator; URL and Host stay the tutorial's (169.254.169.254).
    const base = buildConnector({});
    const agent = new Agent({ connections: CONNECTIONS, connect: (opts, cb) => base({ ...opts, hostname: '127.0.0.1', host: '127.0.0.1', port: String(port) }, cb) });
    const url = 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F';
    const latencies: number[] = [];
    let requests = 0;
    let errors = 0;
    let firstError: string | undefined;
    // Warm-up: key import, first token, connection pool.
    await request(url, { dispatcher: agent, headers: { Metadata: 'true' } }).then((r) => r.body.text());
    const start = performance.now();
    const deadline = start + SECONDS * 1000;
    const worker = async (): Promise<void> => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          const res = await request(url, { dispatcher: agent, headers: { Metadata: 'true' } });
          const body = await res.body.text();
          if (res.statusCode !== 200 || !body.startsWith('{"access_token":"eyJ')) {
            errors++;
            firstError ??= `${res.statusCode} ${body.slice(0, 200)}`;
          }
        } catch (e) {
          errors++;
          firstError ??= e instanceof Error ? e.message : String(e);
        }
        requests++;
        latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));
    const elapsed = (performance.now() - start) / 1000;
    await agent.close();
    latencies.sort((a, b) => a - b);
    const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
    return { requests, errors, perSecond: requests / elapsed, p50ms: pct(0.5), p99ms: pct(0.99), ...(firstError !== undefined ? { firstError } : {}) };
  } finally {
    child.kill('SIGTERM');
    await child;
  }
}

async function main(): Promise<number> {
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench:emulator: watchdog fired after ${WATCHDOG_MS / 1000} s; stopping\n`);
    process.exit(2);
  }, WATCHDOG_MS);
  watchdog.unref();

  let failed = false;
  if (ONLY === undefined || ONLY === 'token') {
    process.stdout.write(`IMDS token endpoint: ${CONNECTIONS} connections, ${SECONDS} s, emulator in a child process\n`);
    const token = await benchToken();
    process.stdout.write(
      `  ${token.requests} requests, ${token.errors} errors, ${Math.round(token.perSecond)} req/s, p50 ${token.p50ms.toFixed(2)} ms, p99 ${token.p99ms.toFixed(2)} ms` +
        `${token.firstError !== undefined ? `\n  first error: ${token.firstError}` : ''}\n`,
    );
    failed ||= token.errors > 0;
  }
  if (ONLY === undefined || ONLY === 'blob') {
    process.stdout.write(`Blob GET: ${CONNECTIONS} connections, ${SECONDS} s per phase\n`);
    const blob = await benchBlob({ seconds: SECONDS, connections: CONNECTIONS, log: (l) => process.stdout.write(`  ${l}\n`) });
    failed ||= blob.direct.errors + blob.viaEmulator.errors > 0;
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
