// `tutorial-conformance run [files or folders…]`: a thin front over runTutorials. Parses the
// options, prints one line per step while the run goes, writes the reports to <out>/latest and a
// timestamped copy, prints the summary table and the HTML report's path, and returns the exit code.
import { parseArgs } from 'node:util';
import { copyFile, mkdir } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { ToolError } from '../errors.ts';
import { parseFailOn, type FailOn } from '../report/exit-code.ts';
import { normaliseKey } from '../plan/keys.ts';
// Only light modules load before the target starts; the run loop, checks and reports load while it boots.
import type { EngineName, RunSecrets } from '../run/index.ts';
import { resolveTutorialFiles } from '../run/files.ts';
import type { TargetName } from '../run/targets/start.ts';
import type { EarlyStart } from '../run/targets/early.ts';
import { installSignalTeardown } from '../live/lifecycle.ts';
import { parseShard, selectShard, type Shard } from '../live/shard.ts';

const USAGE = `usage: tutorial-conformance run [files or folders…] [--target emulator|azure] [--engine http|shell] [--out DIR]
                                 [--grep TEXT] [--set KEY=VALUE]… [--fail-on drift,unsupported] [--shard i/n] [--baseline REPORT]`;

export interface RunCommandOptions {
  paths: string[];
  target: TargetName;
  engine: EngineName;
  out: string;
  grep?: string;
  sets: Record<string, string>;
  failOn: FailOn;
  /** `--shard i/n`: run only this shard of the tutorial list (CI matrices). */
  shard?: Shard;
  /** `--baseline REPORT`: an earlier report.json (or its folder) to compare with; the exit code then counts changes. */
  baseline?: string;
}

export function parseRunArgs(argv: string[]): RunCommandOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        target: { type: 'string', default: 'emulator' },
        engine: { type: 'string', default: 'http' },
        out: { type: 'string', default: 'reports' },
        grep: { type: 'string' },
        set: { type: 'string', multiple: true, default: [] },
        'fail-on': { type: 'string', default: 'fail' },
        shard: { type: 'string' },
        baseline: { type: 'string' },
      },
    });
  } catch (err) {
    throw new ToolError('E_USAGE', `${(err as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.target !== 'emulator' && values.target !== 'azure') throw new ToolError('E_USAGE', `--target must be emulator or azure, not '${values.target}'\n${USAGE}`);
  if (values.engine !== 'http' && values.engine !== 'shell') throw new ToolError('E_USAGE', `--engine must be http or shell, not '${values.engine}'\n${USAGE}`);
  const failOn = parseFailOn(values['fail-on'] ?? 'fail');
  if ('unknown' in failOn) throw new ToolError('E_USAGE', `--fail-on takes a comma-separated set of drift, unsupported (fail always counts), not '${failOn.unknown}'\n${USAGE}`);
  const sets: Record<string, string> = {};
  for (const pair of values.set ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new ToolError('E_USAGE', `--set needs KEY=VALUE (for <STORAGE ACCOUNT>: --set STORAGE_ACCOUNT=mystorage), got '${pair}'`);
    sets[normaliseKey(pair.slice(0, eq))] = pair.slice(eq + 1);
  }
  return {
    paths: positionals.length > 0 ? positionals : ['tutorials'],
    target: values.target,
    engine: values.engine,
    out: values.out ?? 'reports',
    ...(values.grep !== undefined ? { grep: values.grep } : {}),
    sets,
    failOn,
    ...(values.shard !== undefined ? { shard: parseShard(values.shard) } : {}),
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
  };
}

/** 20261122-221338, in UTC, for the timestamped report folder. */
export function runStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export interface RunCommandIo {
  /** Receives every terminal line (already redacted). */
  print(line: string): void;
  /** Pass one to inspect the secrets the run saw (tests). */
  secrets?: RunSecrets;
}

export async function run(argv: string[]): Promise<number> {
  // `run … | head` closes stdout early: the run still finishes, writes its reports and closes the emulator.
  let stdoutOpen = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    stdoutOpen = false;
  });
  return runCommand(argv, { print: (line) => void (stdoutOpen && process.stdout.write(`${line}\n`)) });
}

export async function runCommand(argv: string[], io: RunCommandIo): Promise<number> {
  const { print } = io;
  if (argv.includes('--help') || argv.includes('-h')) {
    print(USAGE);
    return 0;
  }
  const opts = parseRunArgs(argv);
  const started = new Date();
  const wall = performance.now();
  // A missing file stops the run before anything boots.
  const files = resolveTutorialFiles(opts.paths);
  const paths = opts.shard !== undefined ? selectShard(files, opts.shard.index, opts.shard.count) : files;
  // Begin the target before anything else loads (the emulator's Azurite child, another process,
  // then compiles while this one loads the tool); stopped at the end unless the target took it over.
  const early = await (await import('../run/targets/early.ts')).beginTarget(opts.target);
  // Ctrl-C or a termination ends an emulator run at once with 130/143 and no report: its temporary
  // folders go with the process (src/temp-folders.ts) and Azurite follows its parent. The live
  // target installs its own handler, which first deletes what it provisioned.
  const signals = opts.target === 'emulator' ? installSignalTeardown(async () => undefined) : undefined;
  try {
    return await runWithTarget(opts, io, early, { started, wall, paths });
  } finally {
    early.dispose();
    signals?.dispose();
  }
}

async function runWithTarget(opts: RunCommandOptions, io: RunCommandIo, early: EarlyStart, at: { started: Date; wall: number; paths: string[] }): Promise<number> {
  const { print } = io;
  const { started, wall, paths } = at;
  // Boot the target first: its start overlaps loading the rest.
  const { startTarget } = await import('../run/targets/start.ts');
  const booting = startTarget(opts.target, early);
  booting.catch(() => undefined); // observed by runTutorials
  let modules;
  let baseline;
  try {
    modules = await Promise.all([import('../run/index.ts'), import('../report/index.ts'), import('../run/progress.ts')]);
    // Read before the run: it is often the folder this run is about to overwrite (reports/latest),
    // and a wrong path should stop the run before any request (exit 2).
    if (opts.baseline !== undefined) baseline = (await modules[1].readReport(opts.baseline, 'baseline')).report;
  } catch (err) {
    await booting.then((t) => t.close()).catch(() => undefined);
    throw err;
  }
  const [{ RunSecrets: Secrets, runTutorials }, { compareReports, exitCodeFor, writeReports }, { comparisonLines, progressLine, summaryTable }] = modules;
  const secrets = io.secrets ?? new Secrets();
  const { report } = await runTutorials({
    secrets,
    paths,
    startedTarget: booting,
    target: opts.target,
    engine: opts.engine,
    sets: opts.sets,
    ...(opts.grep !== undefined ? { grep: opts.grep } : {}),
    onEvent: (event) => {
      const line = progressLine(event);
      if (line !== undefined) print(secrets.redactor.redact(line));
    },
  });
  if (baseline !== undefined) report.comparison = compareReports(report, baseline);
  // --fail-on makes drift or unsupported a failure everywhere it is judged: the exit code and junit.xml alike.
  const options = { redactor: secrets.redactor, failOn: opts.failOn, onWarning: (w: string) => void process.stderr.write(`warning: ${w}\n`) };
  const latest = join(opts.out, 'latest');
  const written = await writeReports(report, latest, undefined, options);
  // The timestamped copy holds the same bytes: copied, not rendered (and checked for secrets) twice.
  const stamped = join(opts.out, runStamp(started));
  await mkdir(stamped, { recursive: true });
  await Promise.all(Object.values(written).map((file) => copyFile(file, join(stamped, basename(file)))));
  print('');
  for (const line of summaryTable(report).split('\n')) print(line);
  print('');
  for (const line of comparisonLines(report)) print(secrets.redactor.redact(line));
  print(`${report.tutorials.length} tutorials, ${Object.values(report.summary).reduce((a, b) => a + b, 0)} steps in ${((performance.now() - wall) / 1000).toFixed(1)} s on the ${report.target} (boot, run and reports)`);
  print(`HTML report: ${relative(process.cwd(), resolve(written.html ?? join(latest, 'index.html')))}  (also ${relative(process.cwd(), resolve(stamped))}/)`);
  return exitCodeFor(report, { failOn: opts.failOn });
}
