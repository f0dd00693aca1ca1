// `tutorial-conformance run [files, folders or globs…]`: a thin front over runTutorials. Parses the
// options (cli/specs.ts), resolves the inputs and checks every output location before anything
// boots, prints one line per step on stderr while the run goes, writes the reports (a run folder
// of its own and `latest`, per-format paths: report/outputs.ts), prints the reporters' result on
// stdout and returns the exit code.
import { appendFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { ToolError } from '../errors.ts';
import { parseFailOn, type FailOn } from '../report/exit-code.ts';
import { normaliseKey } from '../plan/keys.ts';
import { parseCommand } from '../cli/options.ts';
import { runSpec } from '../cli/specs.ts';
import { readCliEnvironment, type CliEnvironment } from '../cli/environment.ts';
import { colourWanted, styleFor } from '../cli/colour.ts';
import { repositoryRoot } from '../cli/repository.ts';
import { toolIdentity } from '../cli/version.ts';
// Only light modules load before the target starts; the run loop, checks and reports load while it boots.
import type { EngineName, RunSecrets } from '../run/index.ts';
import { resolveTutorialFiles } from '../run/files.ts';
import { docsetRootOption } from '../cli/docset-root.ts';
import type { TargetName } from '../run/targets/start.ts';
import type { EarlyStart } from '../run/targets/early.ts';
import type { OutputPlan, PreparedOutputs } from '../report/outputs.ts';
import type { RunSettings } from '../report/schema.ts';
import { installSignalTeardown, type SignalTeardown } from '../live/lifecycle.ts';
import { parseShard, selectShard, type Shard } from '../live/shard.ts';

type RunReporter = (typeof runSpec.options.reporter.choices)[number];

/** Per-format report paths, by the option that names them. */
const REPORT_FILE_OPTIONS = { json: 'report-json', html: 'report-html', junit: 'report-junit' } as const;

export interface RunCommandOptions {
  paths: string[];
  target: TargetName;
  engine: EngineName;
  /** The run folders' root; undefined when only per-format paths were asked for. */
  out: string | undefined;
  keep: number;
  /** `--report-json FILE` …, by format. */
  reportFiles: Partial<Record<keyof typeof REPORT_FILE_OPTIONS, string>>;
  reporters: RunReporter[];
  verbose: boolean;
  grep?: string;
  sets: Record<string, string>;
  failOn: FailOn;
  /** `--shard i/n`: run only this shard of the tutorial list (CI matrices). */
  shard?: Shard;
  /** `--baseline REPORT`: an earlier report.json (or its folder) to compare with; the exit code then counts changes. */
  baseline?: string;
  /** `--source-url TEMPLATE`: links from the HTML report to the page's source. */
  sourceUrl?: string;
  /** `--docset-root DIR`: the folder [!INCLUDE] targets must stay in. */
  docsetRoot?: string;
  /** `--fix-patch FILE`: the corrections the tool is sure of, as a unified diff. */
  fixPatch?: string;
}

function usage(message: string): ToolError {
  return new ToolError('E_USAGE', `${message} (see 'tutorial-conformance help run')`);
}

/** A URL with {file} and {line} to put each step's place into. */
function parseSourceUrl(template: string): string {
  const missing = ['{file}', '{line}'].filter((p) => !template.includes(p));
  let url: URL | undefined;
  try {
    url = new URL(template.replaceAll('{file}', 'f').replaceAll('{line}', '1'));
  } catch {
    url = undefined;
  }
  if (missing.length > 0 || url === undefined || !/^https?:$/.test(url.protocol)) {
    const what = missing.length > 0 ? `has no ${missing.join(' and ')}` : 'is not an http(s) URL';
    throw usage(`--source-url '${template}' ${what}; give a URL template with {file} and {line}, e.g. https://github.com/MicrosoftDocs/azure-docs/blob/main/{file}#L{line}`);
  }
  return template;
}

export function parseRunArgs(argv: string[]): RunCommandOptions {
  const { values, positionals } = parseCommand(runSpec, argv);
  const failOn = parseFailOn(values['fail-on']);
  if ('unknown' in failOn) throw usage(`--fail-on takes a comma-separated set of drift, unsupported (fail always counts), not '${failOn.unknown}'`);
  const sets: Record<string, string> = {};
  for (const pair of values.set) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw usage(`--set needs KEY=VALUE (for <STORAGE ACCOUNT>: --set STORAGE_ACCOUNT=mystorage), got '${pair}'`);
    sets[normaliseKey(pair.slice(0, eq))] = pair.slice(eq + 1);
  }
  if (!/^\d+$/.test(values.keep) || Number(values.keep) < 1) throw usage(`--keep takes a whole number of run folders, 1 or more, not '${values.keep}'`);
  const reportFiles: RunCommandOptions['reportFiles'] = {};
  for (const [format, option] of Object.entries(REPORT_FILE_OPTIONS) as [keyof typeof REPORT_FILE_OPTIONS, (typeof REPORT_FILE_OPTIONS)[keyof typeof REPORT_FILE_OPTIONS]][]) {
    const path = values[option];
    if (path === '') throw usage(`--${option} needs a file name`);
    if (path !== undefined) reportFiles[format] = path;
  }
  // As Hurl and vitest do: per-format paths alone write only there; --out given as well writes both.
  if (values['fix-patch'] === '') throw usage('--fix-patch needs a file name');
  const out = values.out ?? (Object.keys(reportFiles).length > 0 ? undefined : 'reports');
  if (out === '') throw usage('--out needs a folder name');
  return {
    paths: positionals.length > 0 ? positionals : ['tutorials'],
    target: values.target,
    engine: values.engine,
    out,
    keep: Number(values.keep),
    reportFiles,
    reporters: [...new Set(values.reporter)],
    verbose: values.verbose,
    ...(values.grep !== undefined ? { grep: values.grep } : {}),
    sets,
    failOn,
    ...(values.shard !== undefined ? { shard: parseShard(values.shard) } : {}),
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    ...(values['source-url'] !== undefined ? { sourceUrl: parseSourceUrl(values['source-url']) } : {}),
    ...(values['docset-root'] !== undefined ? { docsetRoot: docsetRootOption(values['docset-root'], 'run')! } : {}),
    ...(values['fix-patch'] !== undefined ? { fixPatch: values['fix-patch'] } : {}),
  };
}

/** What report.json records of how the run was asked for (never a --set value). */
export function runSettings(opts: RunCommandOptions): RunSettings {
  return {
    tool: toolIdentity(),
    failOn: [...opts.failOn],
    ...(opts.grep !== undefined ? { grep: opts.grep } : {}),
    ...(Object.keys(opts.sets).length > 0 ? { setKeys: Object.keys(opts.sets) } : {}),
    ...(opts.shard !== undefined ? { shard: `${opts.shard.index}/${opts.shard.count}` } : {}),
    ...(opts.sourceUrl !== undefined ? { sourceUrl: opts.sourceUrl } : {}),
  };
}

function outputPlan(opts: RunCommandOptions): OutputPlan {
  const files: Record<string, string> = {};
  for (const [format, path] of Object.entries(opts.reportFiles)) files[`--${REPORT_FILE_OPTIONS[format as keyof typeof REPORT_FILE_OPTIONS]}`] = path;
  if (opts.fixPatch !== undefined) files['--fix-patch'] = opts.fixPatch;
  return { ...(opts.out !== undefined ? { runFolders: { root: opts.out, keep: opts.keep, option: '--out' } } : {}), files };
}

export interface RunCommandIo {
  /** The result (the reporters' output). */
  stdout(text: string): void;
  /** Progress and diagnostics (already redacted). */
  stderr(text: string): void;
  /** Whether each stream is a terminal (colour); false when not given. */
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  /** The environment the CLI reads (colour, GitHub Actions); the process's when not given. */
  env?: CliEnvironment;
  /** Pass one to inspect the secrets the run saw (tests). */
  secrets?: RunSecrets;
}

export async function run(argv: string[]): Promise<number> {
  return runCommand(argv, {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  });
}

interface Session {
  opts: RunCommandOptions;
  io: RunCommandIo;
  env: CliEnvironment;
  outputs: PreparedOutputs;
  wall: number;
  paths: string[];
  /** The signal handler of the command (the emulator's from the start; the live target's own until it closes). */
  signals: SignalTeardown | undefined;
}

export async function runCommand(argv: string[], io: RunCommandIo): Promise<number> {
  const opts = parseRunArgs(argv);
  const env = io.env ?? readCliEnvironment();
  const wall = performance.now();
  // A missing file stops the run before anything boots; what a folder search skipped is said.
  const files = resolveTutorialFiles(opts.paths, { onSkip: (s) => io.stderr(`warning: skipped ${s.path}: ${s.why}\n`) });
  const paths = opts.shard !== undefined ? selectShard(files, opts.shard.index, opts.shard.count) : files;
  if (paths.length === 0) throw new ToolError('E_USAGE', `--shard ${opts.shard?.index}/${opts.shard?.count} selects none of the ${files.length} tutorial(s); use fewer shards`);
  // Every output location is checked (and the run folder's staging made) before anything boots.
  const { prepareOutputs, checkAppendable } = await import('../report/outputs.ts');
  const outputs = await prepareOutputs(outputPlan(opts));
  let session: Session | undefined;
  try {
    if (opts.reporters.includes('github') && env.githubStepSummary !== undefined) await checkAppendable('GITHUB_STEP_SUMMARY', env.githubStepSummary);
    // Begin the target before anything else loads (the emulator's Azurite child, another process,
    // then compiles while this one loads the tool); stopped at the end unless the target took it over.
    const early = await (await import('../run/targets/early.ts')).beginTarget(opts.target);
    // Ctrl-C, a termination or a hang-up ends an emulator run at once with 130/143/129 and no report:
    // its temporary folders, the report staging folder included, go with the process
    // (src/temp-folders.ts) and Azurite follows its parent. The live target installs its own
    // handler, which first deletes what it provisioned.
    session = { opts, io, env, outputs, wall, paths, signals: opts.target === 'emulator' ? installSignalTeardown(async () => undefined) : undefined };
    try {
      return await runWithTarget(session, early);
    } finally {
      early.dispose();
      session.signals?.dispose();
    }
  } finally {
    // Nothing published (nothing selected, an error): the staging folder and the folders the check made go.
    await outputs.discard();
  }
}

async function runWithTarget(session: Session, early: EarlyStart): Promise<number> {
  const { opts, io, env, wall, paths } = session;
  // Boot the target first: its start overlaps loading the rest.
  const { startTarget } = await import('../run/targets/start.ts');
  const booting = startTarget(opts.target, early);
  booting.catch(() => undefined); // observed by runTutorials
  let modules;
  let baseline;
  try {
    modules = await Promise.all([import('../run/index.ts'), import('../report/index.ts'), import('../run/progress.ts'), import('../report/reporters/index.ts')]);
    // Read before the run: it is often the folder this run is about to replace (reports/latest),
    // and a wrong path should stop the run before any request (exit 2).
    if (opts.baseline !== undefined) baseline = (await modules[1].readReport(opts.baseline, 'baseline')).report;
  } catch (err) {
    await booting.then((t) => t.close()).catch(() => undefined);
    throw err;
  }
  const [{ RunSecrets: Secrets, runTutorials }, { compareReports, exitCodeFor, renderReports }, { progressLine }, { REPORTERS }] = modules;
  const secrets = io.secrets ?? new Secrets();
  const errStyle = styleFor(colourWanted(env, io.stderrIsTTY === true));
  const { projectRoot } = await import('../tutorials/manifest.ts');
  // A path as the user would type it: relative to the working folder when inside it, else absolute.
  const shown = (p: string, base = process.cwd()): string => {
    const abs = resolve(base, p);
    const rel = relative(process.cwd(), abs);
    return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
  };
  const { report } = await runTutorials({
    secrets,
    paths,
    startedTarget: booting,
    target: opts.target,
    engine: opts.engine,
    sets: opts.sets,
    ...(opts.grep !== undefined ? { grep: opts.grep } : {}),
    ...(opts.docsetRoot !== undefined ? { docsetRoot: opts.docsetRoot } : {}),
    onEvent: (event) => {
      const line = progressLine(event, { style: errStyle, verbose: opts.verbose, path: (file) => shown(file, projectRoot) });
      if (line !== undefined) io.stderr(`${secrets.redactor.redact(line)}\n`);
    },
  });
  // The live target has closed (torn down) and dropped its handler: a signal while the reports are
  // written still ends the command cleanly, its staging folder removed.
  session.signals ??= installSignalTeardown(async () => undefined);
  report.settings = runSettings(opts);
  if (baseline !== undefined) report.comparison = compareReports(report, baseline);
  // The corrections the tool is sure of: in report.json as review suggestions, and as --fix-patch.
  const root = repositoryRoot(env, process.cwd());
  const { collectFixes, tutorialFixes } = await import('../report/fixes/index.ts');
  const fixes = collectFixes(
    report.tutorials.map((t) => ({ file: t.file, findings: t.findings })),
    { root, projectRoot, redact: (text) => secrets.redactor.redact(text) },
  );
  for (const t of report.tutorials) {
    const f = tutorialFixes(fixes.byFile, t);
    if (f.fixes.length > 0) t.fixes = f.fixes;
    if (f.leftOut.length > 0) t.fixesLeftOut = f.leftOut;
  }
  // --fail-on makes drift or unsupported a failure everywhere it is judged: the exit code and junit.xml alike.
  const rendered = renderReports(report, undefined, { redactor: secrets.redactor, failOn: opts.failOn, onWarning: (w: string) => io.stderr(`warning: ${w}\n`) });
  const contents = Object.values(rendered.files);
  const published = await session.outputs.publish(
    {
      runFolder: Object.fromEntries(contents.map((r) => [r.file, r.text])),
      files: {
        ...Object.fromEntries(Object.entries(rendered.files).map(([format, r]) => [`--${REPORT_FILE_OPTIONS[format as keyof typeof REPORT_FILE_OPTIONS]}`, r.text])),
        ...(opts.fixPatch !== undefined ? { '--fix-patch': fixes.patch } : {}),
      },
    },
    env.holdReportWriting ? { whileWriting: () => holdForTest(io) } : {},
  );

  const ctx = {
    style: styleFor(colourWanted(env, io.stdoutIsTTY === true)),
    verbose: opts.verbose,
    root,
    projectRoot,
    failOn: opts.failOn,
    tool: toolIdentity(),
    elapsedMs: performance.now() - wall,
  };
  for (const name of opts.reporters) {
    const out = REPORTERS[name].run(rendered.report, ctx);
    io.stdout(secrets.redactor.redact(out.stdout));
    if (out.jobSummary !== undefined && env.githubStepSummary !== undefined) await appendFile(env.githubStepSummary, secrets.redactor.redact(out.jobSummary), 'utf8');
  }
  if (published.latest !== undefined && published.runFolder !== undefined) {
    io.stderr(`HTML report: ${shown(`${published.latest}/index.html`)}  (run folder ${shown(published.runFolder)}/${published.pruned.length > 0 ? `; ${published.pruned.length} older run folder(s) removed, --keep ${opts.keep}` : ''})\n`);
  }
  for (const [option, path] of Object.entries(published.files)) {
    io.stderr(`${option}: ${shown(path)}${option === '--fix-patch' ? `  (${fixes.corrections} correction(s) the tool is sure of; review, then git apply ${shown(path)} from ${shown(root)})` : ''}\n`);
  }
  return exitCodeFor(report, { failOn: opts.failOn });
}

/** TC_TEST_HOLD_REPORT_WRITING=1: the reports wait, half written, until a signal ends the process. */
async function holdForTest(io: RunCommandIo): Promise<void> {
  io.stderr('test hook: report writing held (TC_TEST_HOLD_REPORT_WRITING=1)\n');
  await new Promise((resolve) => setTimeout(resolve, 120_000));
}
