// Blob GET throughput: through the emulator (HTTPS, SAS checked by the emulator, forwarded to its
// Azurite) against Azurite's own rate when called directly, in the same run, same blob, same client
// concurrency. The load generator is a separate process, as curl or an SDK would be, so the client's
// own work (TLS, parsing) is not counted as the emulator's and the emulator's CPU can be read alone.
// Bounded: the two paths alternate in one-second slices (`seconds` slices each) so a change in the
// machine's load hits both alike; every worker stops at its slice deadline.
// Standalone: `npx tsx scripts/bench-emulator-blob.ts [seconds] [connections]`.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { generateBlobSASQueryParameters, BlobSASPermissions, SASProtocol, StorageSharedKeyCredential } from '@azure/storage-blob';
import { startEmulator } from '../src/emulator/index.ts';
import { defaultScenario } from '../src/tutorials/scenario.ts';
import { blobService } from '../src/emulator/services/blob.ts';

export interface PhaseResult {
  label: string;
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  firstError?: string;
}

/** Plain JS for the load process: keeps connections open across slices and runs one slice per message. */
const GENERATOR_SOURCE = `
const { createRequire } = require('node:module');
const workerData = JSON.parse(process.env.TC_BENCH_DATA);
const undici = createRequire(workerData.base)('undici');
const { connections, target } = workerData;
const parentPort = { on: (e, f) => process.on(e, f), postMessage: (m) => process.send(m) };
process.on('disconnect', () => process.exit(0));
// The emulator path keeps the Azure URL and TLS server name and only redirects the connection.
const viaEmulator = () => {
  const base = undici.buildConnector(target.ca ? { ca: target.ca } : {});
  const connect = (o, cb) => base({ ...o, hostname: '127.0.0.1', host: '127.0.0.1', port: String(target.port), servername: target.servername }, cb);
  return new undici.Agent({ connections, connect });
};
const dispatcher = target.kind === 'emulator' ? viaEmulator() : new undici.Pool(target.origin, { connections });
parentPort.on('message', async (msg) => {
  if (msg.type === 'close') { await dispatcher.close(); parentPort.postMessage({ type: 'closed' }); process.disconnect(); return; }
  let requests = 0, errors = 0, firstError;
  const start = performance.now();
  const deadline = start + msg.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      try {
        const res = await undici.request(target.url, { dispatcher, headers: { 'x-ms-version': '2021-12-02' } });
        const body = await res.body.text();
        if (res.statusCode !== 200 || body !== target.expected) { errors++; firstError ??= res.statusCode + ' ' + body.slice(0, 200); }
      } catch (e) { errors++; firstError ??= String(e && e.message || e); }
      requests++;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  parentPort.postMessage({ type: 'slice', requests, errors, seconds: (performance.now() - start) / 1000, firstError });
});
`;

type Target = { kind: 'emulator'; url: string; port: number; ca?: string; servername: string; expected: string } | { kind: 'direct'; url: string; origin: string; expected: string };

interface Slice {
  requests: number;
  errors: number;
  seconds: number;
  firstError?: string;
}

function loadGenerator(target: Target, connections: number) {
  const child = spawn(process.execPath, ['-e', GENERATOR_SOURCE], {
    env: { ...process.env, TC_BENCH_DATA: JSON.stringify({ base: import.meta.url, connections, target }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    async slice(seconds: number): Promise<Slice> {
      child.send({ type: 'slice', seconds });
      const [msg] = (await once(child, 'message')) as [Slice & { type: string }];
      return msg;
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.send({ type: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** CPU seconds (user + system) a process has used, from /proc (Linux); undefined elsewhere. */
function processCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

function total(label: string, parts: Slice[]): PhaseResult {
  const requests = parts.reduce((n, p) => n + p.requests, 0);
  const seconds = parts.reduce((n, p) => n + p.seconds, 0);
  const firstError = parts.find((p) => p.firstError !== undefined)?.firstError;
  return { label, requests, errors: parts.reduce((n, p) => n + p.errors, 0), seconds, perSecond: requests / seconds, ...(firstError !== undefined ? { firstError } : {}) };
}

export interface BlobBenchResult {
  direct: PhaseResult;
  viaEmulator: PhaseResult;
  /** Diagnostic: the same through the emulator's HTTP listener, to separate TLS from the emulator's own work. */
  viaEmulatorHttp: PhaseResult;
  /** Azurite direct rate divided by the rate through the emulator (target ≤ 1.5). */
  slowdown: number;
}

export async function benchBlob(opts: { seconds?: number; connections?: number; log?: (line: string) => void } = {}): Promise<BlobBenchResult> {
  const seconds = opts.seconds ?? 10;
  const connections = opts.connections ?? 64;
  const log = opts.log ?? ((l: string) => console.log(l));
  // Secure transfer off, so the HTTP diagnostic phase is served (on by default: 400 AccountRequiresHttps).
  const scenario = defaultScenario();
  scenario.storageAccounts[0]!.supportsHttpsTrafficOnly = false;
  const emu = await startEmulator({ scenario });
  const generators: ReturnType<typeof loadGenerator>[] = [];
  try {
    const account = emu.scenario.storageAccounts[0]!;
    const container = account.containers[0]!;
    const blob = container.blobs[0]!;
    const expiresOn = new Date(Date.now() + 3600_000);
    const sasFor = (accountName: string, key: string, protocol: SASProtocol) =>
      generateBlobSASQueryParameters({ containerName: container.name, blobName: blob.name, permissions: BlobSASPermissions.parse('r'), expiresOn, protocol }, new StorageSharedKeyCredential(accountName, key)).toString();
    const path = `/${container.name}/${encodeURIComponent(blob.name)}`;

    const backend = await blobService.backend({ state: emu.state, tokens: emu.tokens, rbac: emu.rbac, now: () => new Date() });
    const hostName = `${account.name}.blob.core.windows.net`;
    const direct = loadGenerator(
      { kind: 'direct', origin: backend.url, url: `${backend.url}/${account.name}${path}?${sasFor(account.name, backend.internalKey(account.name), SASProtocol.HttpsAndHttp)}`, expected: blob.content },
      connections,
    );
    const viaEmu = loadGenerator(
      { kind: 'emulator', port: Number(new URL(emu.httpsUrl).port), ca: emu.caPem, servername: hostName, url: `https://${hostName}${path}?${sasFor(account.name, account.keys[0], SASProtocol.Https)}`, expected: blob.content },
      connections,
    );
    const viaEmuHttp = loadGenerator(
      { kind: 'emulator', port: Number(new URL(emu.httpUrl).port), servername: hostName, url: `http://${hostName}${path}?${sasFor(account.name, account.keys[0], SASProtocol.HttpsAndHttp)}`, expected: blob.content },
      connections,
    );
    generators.push(direct, viaEmu, viaEmuHttp);

    // Warm-up: connections, TLS sessions and JIT are not in the measured seconds.
    await direct.slice(1);
    await viaEmu.slice(1);
    await viaEmuHttp.slice(1);
    const slices = { direct: [] as Slice[], emu: [] as Slice[], emuHttp: [] as Slice[] };
    // Where the time goes: Azurite's CPU per request on each path, and how busy the emulator's thread is.
    const cpu = { direct: 0, emu: 0 };
    let emulatorCpu = 0;
    for (let i = 0; i < seconds; i++) {
      const a0 = processCpuSeconds(backend.pid) ?? 0;
      slices.direct.push(await direct.slice(1));
      const a1 = processCpuSeconds(backend.pid) ?? 0;
      const e0 = process.cpuUsage();
      slices.emu.push(await viaEmu.slice(1));
      const e1 = process.cpuUsage(e0);
      const a2 = processCpuSeconds(backend.pid) ?? 0;
      slices.emuHttp.push(await viaEmuHttp.slice(1));
      cpu.direct += a1 - a0;
      cpu.emu += a2 - a1;
      emulatorCpu += (e1.user + e1.system) / 1e6;
    }
    const d = total('Azurite direct (HTTP, SAS)', slices.direct);
    const e = total('through the emulator (HTTPS, SAS checked by the emulator, forwarded to Azurite)', slices.emu);
    const h = total('through the emulator over HTTP (diagnostic: TLS excluded)', slices.emuHttp);
    const slowdown = d.perSecond / e.perSecond;
    for (const p of [d, e, h]) {
      log(`blob GET ${p.label}: ${p.perSecond.toFixed(0)} req/s (${p.requests} requests in ${p.seconds.toFixed(1)} s, ${connections} connections, ${p.errors} errors${p.firstError ? `; first: ${p.firstError}` : ''})`);
    }
    log(`blob GET slowdown through the emulator: ${slowdown.toFixed(2)}x Azurite direct (target <= 1.5x); over HTTP ${(d.perSecond / h.perSecond).toFixed(2)}x`);
    const perRequest = (s: number, n: number) => (n > 0 ? `${((s / n) * 1e6).toFixed(0)} µs` : 'n/a');
    log(
      `blob GET Azurite CPU per request: direct ${perRequest(cpu.direct, d.requests)}, via the emulator ${perRequest(cpu.emu, e.requests)}; ` +
        `emulator (TLS, auth, forwarding) ${perRequest(emulatorCpu, e.requests)}; load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores`,
    );
    return { direct: d, viaEmulator: e, viaEmulatorHttp: h, slowdown };
  } finally {
    await Promise.allSettled(generators.map((g) => g.close()));
    await emu.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const seconds = Number(process.argv[2] ?? 10);
  const connections = Number(process.argv[3] ?? 64);
  const r = await benchBlob({ seconds, connections });
  process.exitCode = r.direct.errors + r.viaEmulator.errors + r.viaEmulatorHttp.errors === 0 ? 0 : 1;
}
