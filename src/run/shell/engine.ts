// `--engine shell`: every step's text, with only its `<PLACEHOLDER>`s filled in, typed into one bash
// per tutorial (see bash-session.ts) with real curl and jq, `az` answered by the shim (az-server.ts),
// and curl pointed at the target by CURL_HOME's generated .curlrc. What the reader would see is the
// step's output; what curl sent and got (its trace) and what az's REST equivalents sent are the
// exchanges, so the checks judge the same Observation shape as for the http engine.
//
// Choices, and what they cost:
// - Placeholder substitution is the only change to the page's text (placeholders.ts); `$variables`,
//   quotes, look-alike characters and trailing spaces reach bash as written.
// - State: one long-lived bash per tutorial, fed step by step (not a replayed state file), so
//   variables, functions, `cd` and files behave as in one terminal. A step that exits the shell or
//   times out loses that state; the next step starts a fresh terminal in the same folder.
// - Evidence: every curl call writes a --trace of its own (the bin/curl wrapper, curl-shim.ts), so a
//   step of several curls keeps all their exchanges, in order, and a page's own -v, --trace or
//   --trace-ascii is rendered from the engine's instead of displacing it; a call the wrapper does not
//   see (`/usr/bin/curl`) writes the .curlrc's trace.
// - az: the shim relays argv to the run's az server, which runs the http engine's equivalents with
//   this step's context: bash has already expanded the words, so nothing is substituted again (a
//   literal `$name` a word still holds reaches the equivalent as written).
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { substitutionOf } from '../../live/substitution.ts';
import type { Step } from '../../model.ts';
import type { StepContext, StepOutcome } from '../context.ts';
import { outcome } from '../context.ts';
import type { ExecutionError, ObservedExchange } from '../observation.ts';
import type { Target } from '../target.ts';
import { startAzServer, type AzServer, type AzStepScope } from './az-server.ts';
import { pageTraceRoute } from './curl-shim.ts';
import { BashSession } from './bash-session.ts';
import { substitutePlaceholders } from './placeholders.ts';
import { liveRoutingOf, stepConnectTo, type LiveRouting } from './live-curl.ts';
import { createRunDir, type CurlRouting, type RunDir } from './run-dir.ts';
import { exchangesFromTrace, TRACE_BYTES } from './trace.ts';
import { emulatorRouteOf, outsideHosts, outsideMessage, unservedHostRules } from './unserved-hosts.ts';
import { parseIncludeOutput } from './transcript.ts';
import { readCapped } from '../output-cap.ts';

export interface ShellEngineOptions {
  target: Target;
  /** Path of the target's curl config (the emulator's connect-to rules and CA); found on the emulator target when absent. */
  curlConfigPath?: string;
  stepTimeoutMs?: number;
}

export interface ShellEngine {
  execute(step: Step, ctx: StepContext): Promise<StepOutcome>;
  close(): Promise<void>;
}

/** The emulator target carries its handle; its curl config is what the shell engine's curl reads. */
export function curlConfigOf(target: Target): string | undefined {
  if (target.name !== 'emulator' || !('handle' in target)) return undefined;
  const handle: unknown = target.handle;
  if (typeof handle === 'object' && handle !== null && 'curlConfigPath' in handle && typeof handle.curlConfigPath === 'string') return handle.curlConfigPath;
  return undefined;
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];

function environment(dir: RunDir, az: AzServer, live: boolean): Record<string, string> {
  const env: Record<string, string> = {
    PATH: `${dir.bin}:${process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin'}`,
    HOME: dir.home,
    CURL_HOME: dir.curlHome,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TERM: 'dumb',
    TC_AZ_SOCKET: az.socket,
    TC_AZ_NONCE: az.nonce,
    TC_CURL_TRACES: dir.traces,
  };
  // Only a live run may need the machine's proxy to reach Azure; the emulator run never leaves it.
  if (live) for (const k of PROXY_VARIABLES) if (process.env[k] !== undefined) env[k] = process.env[k];
  return env;
}

type Snapshot = Map<string, string>;

/** Files under the working folder with size and mtime, to tell which ones a step wrote. */
async function snapshot(root: string, dir = root, out: Snapshot = new Map()): Promise<Snapshot> {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await snapshot(root, path, out);
    else if (entry.isFile()) {
      const s = await stat(path).catch(() => undefined);
      if (s) out.set(relative(root, path), `${s.size}:${s.mtimeMs}`);
    }
  }
  return out;
}

const MAX_FILE_EVIDENCE = 1 << 20;

async function writtenFiles(root: string, before: Snapshot): Promise<{ path: string; content: string }[]> {
  const after = await snapshot(root);
  const files: { path: string; content: string }[] = [];
  for (const [path, sig] of after) {
    // A file too large to be shown is not read at all.
    if (before.get(path) === sig || Number(sig.split(':')[0]) > MAX_FILE_EVIDENCE) continue;
    const bytes = await readFile(join(root, path)).catch(() => undefined);
    if (bytes && bytes.length <= MAX_FILE_EVIDENCE) files.push({ path, content: bytes.toString('utf8') });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** curl's exit statuses that mean "no response", by the kind the checks know. */
function curlErrorKind(code: number): ExecutionError['kind'] | undefined {
  if ([5, 6, 7, 35, 47, 51, 52, 53, 54, 55, 56, 58, 59, 60, 77, 83, 90, 91].includes(code)) return 'network';
  if (code === 28) return 'timeout';
  if ([1, 2, 3, 26, 27, 43, 49].includes(code)) return 'invalid-command';
  return undefined;
}

function firstLine(text: string, pattern?: RegExp): string {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  return (pattern ? lines.find((l) => pattern.test(l)) : undefined) ?? lines.find((l) => l.trim() !== '' && !/^\s*(%|\d|Dload)/.test(l.trim())) ?? '';
}

/** Why a step that produced no response failed, as the http engine would have said it. */
function errorOf(step: Step, exchanges: ObservedExchange[], scope: AzStepScope, stderr: string, exitCode: number): ExecutionError | undefined {
  const azError = scope.invocations.map((i) => i.outcome.error).find((e): e is ExecutionError => e !== undefined);
  if (azError) return azError;
  if (exitCode === 0 || exchanges.some((x) => x.response)) return undefined;
  const curlLine = firstLine(stderr, /^curl: \(\d+\)/);
  const curlCode = /^curl: \((\d+)\)/.exec(curlLine)?.[1];
  const kind = curlCode === undefined ? undefined : curlErrorKind(Number(curlCode));
  if (kind) return { kind, message: curlLine };
  if (step.kind === 'shell') return { kind: 'shell', message: firstLine(stderr) || `exit status ${exitCode}` };
  return undefined;
}

async function clearTraces(folder: string): Promise<void> {
  for (const f of await readdir(folder).catch(() => [])) await rm(join(folder, f), { force: true });
}

/** Every curl call's exchanges, in the order the calls started; undefined when no curl left a trace. */
async function tracedExchanges(folder: string): Promise<ObservedExchange[] | undefined> {
  const files = (await readdir(folder).catch(() => [])).filter((f) => f.endsWith('.trace')).sort();
  const exchanges: ObservedExchange[] = [];
  let traced = false;
  for (const f of files) {
    const read = await readCapped(join(folder, f), TRACE_BYTES);
    if (read.total === 0) continue;
    traced = true;
    exchanges.push(...exchangesFromTrace(read.bytes.toString('utf8')));
  }
  return traced ? exchanges : undefined;
}

/** Exchanges from the -i output when no trace exists (curl ignored the config, or did not run). */
function exchangesFromStdout(stdout: string): ObservedExchange[] {
  const transcript = parseIncludeOutput(stdout);
  if (!transcript) return [];
  const responses = transcript.responses;
  const last = responses[responses.length - 1];
  if (!last) return [];
  let json: unknown;
  try {
    json = /^\s*[[{]/.test(last.body) ? (JSON.parse(last.body) as unknown) : undefined;
  } catch {
    json = undefined;
  }
  return [
    {
      // What was sent is unknown without a trace; the report shows the step's own text instead.
      request: { method: '', url: '', headers: [], bodyEncoding: 'utf8' },
      response: { ...last, bodyEncoding: 'utf8', ...(json !== undefined ? { json } : {}) },
      interim: responses.slice(0, -1).filter((r) => r.status < 200).map((r) => ({ status: r.status, statusText: r.statusText })),
      durationMs: 0,
    },
  ];
}

export async function startShellEngine(opts: ShellEngineOptions): Promise<ShellEngine> {
  const live = opts.target.name === 'azure';
  let routing: CurlRouting;
  let liveRouting: LiveRouting | undefined;
  const emulatorRoute = live ? undefined : emulatorRouteOf(opts.target);
  if (live) {
    // TC_CA_FILE, TC_RESOLVE and the IMDS substitute, applied to curl as the live connector applies them.
    routing = { kind: 'live', ...liveRoutingOf(opts.target) };
    liveRouting = routing;
  } else {
    const path = opts.curlConfigPath ?? curlConfigOf(opts.target);
    if (path === undefined) throw new Error('the emulator target has no curl config: the shell engine cannot route curl to it');
    routing = { kind: 'config-file', path };
  }
  const dir = await createRunDir(routing);
  let az: AzServer;
  try {
    az = await startAzServer(dir.socket, { '/curl-trace': pageTraceRoute(dir.traces) });
  } catch (err) {
    await dir.remove();
    throw err;
  }
  const env = environment(dir, az, live);
  const timeoutMs = opts.stepTimeoutMs ?? 120_000;
  let session: BashSession | undefined;

  return {
    async execute(step, ctx) {
      // A new working folder is a new tutorial: a new terminal.
      if (!session || session.cwd !== ctx.workdir || !session.alive) {
        await session?.close();
        session = new BashSession({ cwd: ctx.workdir, env, scratch: dir.steps });
      }
      const text = substitutePlaceholders(step.raw, ctx.values);
      // Each curl call of the step writes a trace of its own there (curl-shim.ts); one the wrapper does
      // not see writes the config's, which sorts first.
      await clearTraces(dir.traces);
      const stepRules = liveRouting ? stepConnectTo(liveRouting, text) : emulatorRoute ? unservedHostRules(emulatorRoute, step, text, ctx.values) : '';
      await dir.prepareCurl(join(dir.traces, '0-config.trace'), stepRules);
      const before = await snapshot(ctx.workdir);
      const scope: AzStepScope = { step, ctx, invocations: [] };
      az.scope = scope;
      const variables = step.kind === 'shell' && step.shell.kind === 'assign' ? [step.shell.variable] : [];
      let result;
      try {
        result = await session.run(text, { timeoutMs, variables });
      } finally {
        az.scope = undefined;
      }
      if (scope.bug !== undefined) throw scope.bug;
      const stdout = result.stdout.toString('utf8');
      const stderr = result.stderr.toString('utf8');
      const traced = await tracedExchanges(dir.traces);
      await clearTraces(dir.traces);
      const curlExchanges = traced ?? exchangesFromStdout(stdout);
      const exchanges = [...scope.invocations.flatMap((i) => i.outcome.exchanges), ...curlExchanges];
      const files = [...scope.invocations.flatMap((i) => i.outcome.files)];
      for (const f of await writtenFiles(ctx.workdir, before)) if (!files.some((x) => x.path === f.path)) files.push(f);
      const captured: Record<string, string> = {};
      for (const [name, value] of Object.entries(result.variables)) {
        captured[`$${name}`] = value;
        ctx.env.set(name, value);
      }
      const outside = emulatorRoute && result.exitCode !== 0 ? outsideHosts(emulatorRoute, step, text, ctx.values) : [];
      const error: ExecutionError | undefined = result.timedOut
        ? { kind: 'timeout', message: `the step did not finish within ${Math.round(timeoutMs / 1000)} s; its terminal was closed` }
        : outside.length > 0
          ? { kind: 'unsupported', unsupported: 'not-emulated', message: outsideMessage(outside) }
          : errorOf(step, exchanges, scope, stderr, result.exitCode);
      // What the live target's IMDS stand-in marked on its answers, as the http engine reports it.
      const substitutions = [...new Set([...scope.invocations.map((i) => i.outcome.substitution), substitutionOf(curlExchanges)].filter((s): s is string => s !== undefined))];
      return outcome({
        engine: 'shell',
        exchanges,
        output: { stdout, stderr, exitCode: result.exitCode },
        files,
        captured,
        ...(error ? { error } : {}),
        ...(substitutions.length > 0 ? { substitution: substitutions.join(' ') } : {}),
      });
    },
    async close() {
      await session?.close();
      await az.close();
      await dir.remove();
    },
  };
}
