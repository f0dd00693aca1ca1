// The per-run folder of the shell engine (mode 0700: traces and the az socket carry tokens):
//   bin/az         first on PATH: execs bin/az-shim.mjs, which asks this run's az server
//   bin/curl       the machine's curl with a trace of every call (curl-shim.ts)
//   curl/.curlrc   CURL_HOME: the target's routing and CA (emulator only) plus this step's trace file
//   home/          HOME, so nothing of the machine's own ~/.curlrc or ~/.azure is read
//   steps/, trace/ the text each step ran and what curl did
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { liveCaBundle, liveCurlConfig, type LiveRouting } from './live-curl.ts';
import { makeTempFolder, removeTempFolder } from '../../temp-folders.ts';
import { installCurlWrapper } from './curl-shim.ts';

export const AZ_SHIM = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bin/az-shim.mjs');

export interface RunDir {
  root: string;
  bin: string;
  curlHome: string;
  home: string;
  steps: string;
  traces: string;
  socket: string;
  /** Point curl's config at the next step's trace file; `stepRules` (config lines) go first, as curl takes the first matching rule. */
  prepareCurl(traceFile: string, stepRules?: string): Promise<void>;
  remove(): Promise<void>;
}

/** curl config values are quoted strings with backslash escapes. */
function quoted(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function shellQuoted(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Where curl's routing comes from: the emulator's generated config file, or the live target's redirections. */
export type CurlRouting = { kind: 'config-file'; path: string } | ({ kind: 'live' } & LiveRouting);

export async function createRunDir(routing: CurlRouting): Promise<RunDir> {
  const root = await makeTempFolder('tc-shell-');
  await chmod(root, 0o700);
  const dir = { bin: join(root, 'bin'), curlHome: join(root, 'curl'), home: join(root, 'home'), steps: join(root, 'steps'), traces: join(root, 'trace') };
  for (const d of Object.values(dir)) await mkdir(d, { recursive: true });
  const az = join(dir.bin, 'az');
  await writeFile(az, `#!/bin/sh\nexec ${shellQuoted(process.execPath)} ${shellQuoted(AZ_SHIM)} "$@"\n`, { mode: 0o755 });
  await installCurlWrapper(dir.bin, process.env.PATH);
  let base: string;
  if (routing.kind === 'config-file') base = await readFile(routing.path, 'utf8');
  else {
    const bundle = liveCaBundle(routing);
    const bundlePath = bundle === undefined ? undefined : join(dir.curlHome, 'ca-bundle.pem');
    if (bundle !== undefined && bundlePath !== undefined) await writeFile(bundlePath, bundle, { mode: 0o600 });
    base = liveCurlConfig(routing, bundlePath);
  }
  const curlrc = join(dir.curlHome, '.curlrc');
  return {
    root,
    ...dir,
    socket: join(root, 'az.sock'),
    async prepareCurl(traceFile: string, stepRules = '') {
      // --trace in the config, not on the command line: the tutorial's text stays as written, and a
      // -v the page itself passes still wins (the command line is read after the config).
      await writeFile(curlrc, `${stepRules}${base}${base.endsWith('\n') || base === '' ? '' : '\n'}trace = ${quoted(traceFile)}\n`, { mode: 0o600 });
    },
    async remove() {
      await removeTempFolder(root);
    },
  };
}
