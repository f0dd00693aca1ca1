// `tutorial-conformance emulator`: serve the embedded Azure emulator until SIGTERM/SIGINT/SIGHUP or
// until whatever started it ends (npx, npm exec, a shell: see emulator/parent-watch.ts; --keep-alive
// opts out), and say how to point curl and SDKs at it. `--json` prints exactly one line when ready.
// Never prints tokens, keys or secrets: only endpoints, the CA file, the curl config and the values
// a reader would type.
import { ToolError } from '../errors.ts';
import { parseCommand } from '../cli/options.ts';
import { emulatorSpec } from '../cli/specs.ts';
import { startEmulator } from '../emulator/index.ts';
import { loadScenarioFile } from '../emulator/scenario-file.ts';
import { watchAncestors } from '../emulator/parent-watch.ts';

export async function run(argv: string[]): Promise<number> {
  const opts = parseCommand(emulatorSpec, argv).values;
  let scenario = opts.scenario !== undefined ? await loadScenarioFile(opts.scenario) : undefined;
  if (opts['legacy-msi'] === true || opts['realistic-timing'] === true) {
    const { defaultScenario } = await import('../tutorials/scenario.ts');
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
    // A closed terminal (SIGHUP) stops it as Ctrl-C does: nothing is left listening.
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
        `tutorial-conformance emulator is running (Ctrl-C, SIGTERM or SIGHUP to stop${opts['keep-alive'] === true ? '' : '; it also stops when the process that started it ends'})`,
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
