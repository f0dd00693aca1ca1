// The `curl` a shell-engine run puts first on PATH (bin/curl in the run's folder). The engine's
// evidence is curl's own `--trace` of every call, but curl writes one trace only: a page's `-v`,
// `--trace FILE` or `--trace-ascii -` used to displace the engine's (the step "produced no
// response" although curl got 200), and a step of two curls kept the last one's. So every call gets
// a trace file of its own, named by the time it started, added last on its command line (it wins
// over the page's and over the config's); when the page asked for a trace of its own, curl's is
// rendered from the engine's once curl ends (trace-render.ts), through bin/curl-shim.mjs and the
// run's shim socket. A call the wrapper does not see (`/usr/bin/curl`, `command curl`) still writes
// the .curlrc's trace.
import { writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRealCurl } from '../curl/installed.ts';
import { readCapped } from '../output-cap.ts';
import type { ShimRoute } from './az-server.ts';
import { pageTrace, renderAscii, renderPlain, writePageTrace } from './trace-render.ts';
import { TRACE_BYTES, traceEntries } from './trace.ts';

export const CURL_SHIM = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bin/curl-shim.mjs');

function shellQuoted(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * bin/curl: bash, so a call costs no Node start. Only a call whose words may ask for a trace of
 * their own (`-v`, a short-option cluster with v, --verbose, --trace…) goes through curl-shim.mjs.
 */
export function curlWrapper(realCurl: string): string {
  return `#!/bin/bash
# tutorial-conformance: the machine's curl, with a --trace of this call for the step's evidence (src/run/shell/curl-shim.ts)
real=${shellQuoted(realCurl)}
trace="$TC_CURL_TRACES/\${EPOCHREALTIME/[.,]/}-$$-$RANDOM.trace"
slow=
for word in "$@"; do
  case $word in
    --verbose|--trace|--trace-ascii) slow=1 ;;
    --*) ;;
    -*v*) slow=1 ;;
  esac
done
[ -z "$slow" ] || exec ${shellQuoted(process.execPath)} ${shellQuoted(CURL_SHIM)} "$real" "$trace" "$@"
args=()
ended=0
for word in "$@"; do
  if [ $ended = 0 ] && [ "$word" = -- ]; then args+=(--trace "$trace"); ended=1; fi
  args+=("$word")
done
[ $ended = 1 ] || args+=(--trace "$trace")
exec "$real" "\${args[@]}"
`;
}

interface TraceRequest {
  argv: string[];
  trace: string;
  cwd: string;
}

function isTraceRequest(v: unknown): v is TraceRequest {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return Array.isArray(o.argv) && o.argv.every((a) => typeof a === 'string') && typeof o.trace === 'string' && typeof o.cwd === 'string';
}

/** The shim's errand once curl ended: the page's own trace, printed by the shim (stdout, stderr) or written here (a file). */
export function pageTraceRoute(traceDir: string): ShimRoute {
  return async (request) => {
    const none = { stdout: '', stderr: '', exitCode: 0 };
    // Only a trace of this run's own folder is read.
    if (!isTraceRequest(request) || dirname(resolve(request.trace)) !== resolve(traceDir)) return { ...none, stderr: 'curl shim: malformed request\n', exitCode: 1 };
    const wanted = pageTrace(request.argv);
    if (!wanted) return none;
    if (wanted.dest !== '-' && wanted.dest !== '%') {
      const path = isAbsolute(wanted.dest) ? wanted.dest : join(request.cwd, wanted.dest);
      try {
        await writePageTrace(request.trace, wanted.format, path);
      } catch (err) {
        return { ...none, stderr: `Warning: Failed to create the file ${wanted.dest}: ${(err as NodeJS.ErrnoException).code ?? 'error'}\n` };
      }
      return none;
    }
    const read = await readCapped(request.trace, TRACE_BYTES);
    const latin1 = read.bytes.toString('latin1');
    const text = wanted.format === 'hex' ? latin1 : wanted.format === 'ascii' ? renderAscii(traceEntries(latin1)) : renderPlain(traceEntries(latin1));
    // JSON carries text: the bytes curl would print, as latin1 code points (the shim writes them back as bytes).
    return wanted.dest === '-' ? { ...none, stdout: text } : { ...none, stderr: text };
  };
}

/** Writes bin/curl when the machine has a curl; returns the folder the engine's per-call traces go to. */
export async function installCurlWrapper(bin: string, pathEnv: string | undefined): Promise<boolean> {
  const real = findRealCurl(pathEnv, bin);
  if (real === undefined) return false;
  await writeFile(join(bin, 'curl'), curlWrapper(real), { mode: 0o755 });
  return true;
}
