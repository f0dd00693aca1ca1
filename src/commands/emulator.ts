// `tutorial-conformance emulator`: serve the embedded Azure emulator until SIGTERM/SIGINT/SIGHUP or
// until whatever started it ends (npx, npm exec, a shell: see emulator/parent-watch.ts; --keep-alive
// opts out), and say how to point curl and SDKs at it. `--json` prints exactly one line when ready.
// Never prints tokens, keys or secrets: only endpoints, the CA file, the curl config and the values
// a reader would type.
import { parseArgs } from 'node:util';
import { ToolError } from '../errors.ts';
import { startEmulator } from '../emulator/index.ts';
import { loadScenarioFile } from '../emulator/scenario-file.ts';
import { watchAncestors } from '../emulator/parent-watch.ts';

const USAGE = `usage: tutorial-conformance emulator [--json] [--scenario FILE] [--state-dir DIR] [--legacy-msi] [--realistic-timing] [--keep-alive]

  --json              print one JSON line when ready: {"http","https","ca","curlConfig","values"}
  --scenario FILE     start from this scenario (JSON, see src/emulator/scenario.ts); default: the tutorials' scenario
  --state-dir DIR     where the CA and certificates are cached
  --legacy-msi        also serve the retired VM-extension endpoint on localhost:50342
  --realistic-timing  Azure's pace: long-running operations take 3 polls at Retry-After 15,
                      a new role assignment applies after 30 s (the scenario's "timing" overrides)
  --keep-alive        keep serving after the process that started it ends (by default the
                      emulator stops with its parent: npx, npm exec, a shell, a CI step)`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean' },
        scenario: { type: 'string' },
        'state-dir': { type: 'string' },
        'legacy-msi': { type: 'boolean' },
        'realistic-timing': { type: 'boolean' },
        'keep-alive': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new ToolError('E_USAGE', `${(err as Error).message}\n${USAGE}`);
  }
  const opts = parsed.values;
  if (opts.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let scenario = opts.scenario !== undefined ? await loadScenarioFile(opts.scenario) : undefined;
  if (opts['legacy-msi'] === true || opts['realistic-timing'] === true) {
    const { defaultScenario } = await import('../emulator/default-scenario.ts');
    const { REALISTIC_TIMING } = await import('../emulator/scenario.ts');
    const base = scenario ?? defaultScenario();
    scenario = {
      ...base,
      ...(opts['legacy-msi'] === true ? { legacyMsiEndpoint: true } : {}),
      ...(opts['realistic-timing'] === true ? { timing: { ...REALISTIC_TIMING, ...base.timing } } : {}),
    };
  }
  // Listen for the stop signals (and watch the parent) before starting, so a stop during start-up
  // still closes cleanly.
  let stopRequested = false;
  const signals = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
  let unwatch = (): void => undefined;
  const stopped = new Promise<void>((resolve) => {
    const stop = (): void => {
      stopRequested = true;
      for (const s of signals) process.off(s, stop);
      unwatch();
      resolve();
    };
    for (const s of signals) process.on(s, stop);
    if (opts['keep-alive'] !== true) unwatch = watchAncestors(stop);
  });
  let emulator;
  try {
    emulator = await startEmulator({ ...(scenario !== undefined ? { scenario } : {}), ...(opts['state-dir'] !== undefined ? { stateDir: opts['state-dir'] } : {}) });
  } catch (err) {
    throw new ToolError('E_TARGET', `the emulator could not start: ${(err as Error).message}`, { cause: err });
  }

  if (stopRequested) {
    await emulator.close();
    return 0;
  }
  if (opts.json === true) {
    process.stdout.write(`${JSON.stringify({ http: emulator.httpUrl, https: emulator.httpsUrl, ca: emulator.caPath, curlConfig: emulator.curlConfigPath, values: emulator.values })}\n`);
  } else {
    const width = Math.max(...Object.keys(emulator.values).map((k) => k.length));
    process.stdout.write(
      [
        `tutorial-conformance emulator is running (Ctrl-C or SIGTERM to stop${opts['keep-alive'] === true ? '' : '; it also stops when the process that started it ends'})`,
        '',
        `  HTTP  (IMDS 169.254.169.254, proxy mode)  ${emulator.httpUrl}`,
        `  HTTPS (management.azure.com, *.blob…, …)  ${emulator.httpsUrl}`,
        `  CA certificate                            ${emulator.caPath}`,
        `  curl config                               ${emulator.curlConfigPath}`,
        '',
        'Use it:',
        `  curl -K ${emulator.curlConfigPath} -H Metadata:true 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/'`,
        `  HTTPS_PROXY=${emulator.httpUrl} NODE_EXTRA_CA_CERTS=${emulator.caPath} node your-sdk-script.js`,
        '',
        'Values a reader would type:',
        ...Object.entries(emulator.values).map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
        '',
      ].join('\n'),
    );
  }

  await stopped;
  await emulator.close();
  return 0;
}
