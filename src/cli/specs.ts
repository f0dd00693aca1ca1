// Every command's options, arguments, exit codes and examples: parsed by ./options.ts and printed by
// ./help.ts from this one table. Plain data, so `help` and `--version` load nothing else.
import type { CommandSpec } from './options.ts';

/** Exit codes of `run` and `merge` (design.md, "Decisions shared by the open issues"). */
const RUN_EXIT_CODES = [
  ['0', 'every executed step passed (drift, unsupported, blocked and manual do not fail by default); reports written'],
  ['1', 'a step failed, or drifted with --fail-on drift, or was unsupported with --fail-on unsupported; with --baseline, a step fails now that did not then; reports written'],
  ['2', 'nothing could run: a bad option, no tutorial found or readable, --grep selected no step, an output location that cannot be written (checked before the first step), or a report that cannot be written as rendered (E_OUTPUT: a report.json that would not parse, a secret that cannot be redacted; nothing is written: a bug of the tool to report); latest/ untouched'],
  ['129/130/143', 'interrupted by SIGHUP/SIGINT/SIGTERM; the target was torn down first and no temporary file is left; latest/ untouched'],
] as const;

const USAGE_EXIT = ['2', 'bad arguments, or an input or output that cannot be used'] as const;

/** run and lint --fix-patch. */
const FIX_PATCH =
  "write a unified diff (git apply FILE, from the repository root) with every correction the tool is sure of: look-alike dashes and quotes, no-break and zero-width characters in commands, blanks inside quoted az values, a --scope id missing its only possible child type, a token example's resource without the requested trailing slash, a missing Content-Type or x-ms-version header, a renamed az command, a JSON example missing or with extra commas; each hunk names its finding ids. Never applied by the tool";

export const RUN_REPORTERS = ['default', 'json', 'github'] as const;
export const LINT_REPORTERS = ['default', 'json', 'sarif', 'github'] as const;

export const runSpec = {
  name: 'run',
  summary: 'Plan, run and check the steps of tutorial pages against a target, print the verdicts and write the reports.',
  details: [
    'Progress (one line per step) and diagnostics go to stderr; the result (the --reporter output: by default the table of verdicts per tutorial and the totals) goes to stdout.',
    "Reports: each run writes report.json, index.html and junit.xml into a folder of its own under --out (UTC time and a run id, e.g. reports/20261123-010325-3f9a2c), complete before it becomes visible; then <out>/latest is switched to it in one step. Only the newest --keep run folders are kept. Per-format paths (--report-*) are written each to a temporary name and renamed; when one is given, the --out folder is written only if --out is given too. Every output location is checked writable before the first step.",
  ],
  arguments: {
    name: 'files, folders or globs',
    description:
      "Markdown pages (*.md). Folders are searched recursively; folders named includes (DocFX include files are not pages), node_modules and hidden files and folders are skipped. Quote a glob so that the tool expands it: 'docs/**/*.md' (**: any folders, *: any name part, ?, [abc], {a,b}). Anything that is not a regular file (a pipe, a device, a symlink loop) is refused.",
    defaultText: 'tutorials',
  },
  options: {
    target: { type: 'string', choices: ['emulator', 'azure'], default: 'emulator', description: 'where steps run: the embedded emulator, or a live test subscription configured in .env (see .env.example)' },
    engine: { type: 'string', choices: ['http', 'shell'], default: 'http', description: 'http: requests built from the page as curl and az would send them; shell: bash runs each block as a reader pastes it' },
    grep: { type: 'string', value: 'TEXT', description: 'run only the steps whose text, tutorial title or file contains TEXT (case-insensitive), and the steps they need; the rest are skipped' },
    set: { type: 'string', value: 'KEY=VALUE', multiple: true, default: [], defaultText: 'none', description: "give a placeholder's value, e.g. --set STORAGE_ACCOUNT=mystorage for <STORAGE ACCOUNT> (wins over every other source; secret-looking values are redacted everywhere)" },
    'fail-on': { type: 'string', value: 'LIST', default: 'fail', description: 'comma-separated verdicts that fail the run besides fail: drift, unsupported (also JUnit failures)' },
    shard: { type: 'string', value: 'i/n', description: 'run only the i-th of n equal shares of the tutorial list (CI matrices; join the reports with merge)' },
    baseline: { type: 'string', value: 'REPORT', description: 'an earlier report.json (or its folder, e.g. reports/latest) to compare with: changes are printed and kept, and exit 1 means a step got worse' },
    reporter: { type: 'string', value: 'NAME', choices: RUN_REPORTERS, multiple: true, default: ['default'], description: "what stdout shows: default (the table and totals), json (report.json's content), github (::error/::warning annotations with file and line, and a job summary appended to $GITHUB_STEP_SUMMARY when set)" },
    verbose: { type: 'boolean', short: 'v', description: 'print each step\'s full reason on the terminal (the default lines are cut to one short line; reports always hold the full text)' },
    out: { type: 'string', value: 'DIR', defaultText: 'reports, unless a --report-* path is given', description: 'folder for the run folders and the latest link' },
    keep: { type: 'string', value: 'N', default: '10', description: 'keep the N newest run folders under --out, delete older ones (the one latest points to is always kept)' },
    'report-json': { type: 'string', value: 'FILE', description: 'also write report.json to FILE' },
    'report-html': { type: 'string', value: 'FILE', description: 'also write the HTML report to FILE' },
    'report-junit': { type: 'string', value: 'FILE', description: 'also write the JUnit XML to FILE' },
    'docset-root': { type: 'string', value: 'DIR', defaultText: 'the nearest folder upwards holding docfx.json (up to the git root), else the page\'s folder', description: '[!INCLUDE] targets (relative, and ~/ from this root) are read only inside DIR, checked on their real path; an include outside it, or not a regular file, is not read and is a problem of that page' },
    'fix-patch': { type: 'string', value: 'FILE', description: `${FIX_PATCH}; report.json carries the same corrections as GitHub review suggestions (tutorials[].fixes)` },
    'source-url': { type: 'string', value: 'TEMPLATE', description: 'link each file:line of the HTML report to its source: a URL with {file} and {line}, e.g. https://github.com/MicrosoftDocs/azure-docs/blob/main/{file}#L{line}' },
  },
  exitCodes: RUN_EXIT_CODES,
  examples: [
    ['tutorial-conformance run', 'Every tutorial in tutorials/ against the embedded emulator; reports in reports/latest/'],
    ["tutorial-conformance run 'articles/**/*.md' --reporter default --reporter github", 'Pages of a docs repository in a GitHub Actions job: the table, annotations on the pages and a job summary'],
    ['tutorial-conformance run docs --report-junit junit.xml --report-html report.html', 'Reports at paths of your own (no reports/ folder)'],
    ['tutorial-conformance run tutorials/000-storage.md --grep listKeys --set STORAGE_ACCOUNT=mystorage -v', 'One step and what it needs, with a value of your own and full reasons'],
    ['tutorial-conformance run --target azure --shard 1/3 --out reports/shard-1', 'One shard of a nightly run against a live subscription'],
    ['tutorial-conformance run --fix-patch fixes.patch; git apply --check fixes.patch', 'Run (exit 1 when a step fails), then check that the corrections the tool is sure of apply; review the patch, then git apply fixes.patch'],
  ],
} as const satisfies CommandSpec;

export const lintSpec = {
  name: 'lint',
  summary: 'Report static defects of tutorial pages (look-alike characters, broken commands, examples that contradict the page); no request is sent.',
  details: ['Rules: src/lint/README.md. The findings go to stdout (or --output), diagnostics to stderr.'],
  arguments: { name: 'files, folders or globs', description: 'Markdown pages, folders (searched recursively, as for run) or quoted globs.', defaultText: 'tutorials' },
  options: {
    reporter: { type: 'string', value: 'NAME', choices: LINT_REPORTERS, defaultText: 'default', description: 'default (file:line:col rule severity message), json ({rules, results}), sarif (SARIF 2.1.0 for code scanning, paths relative to the repository root), github (::error/::warning annotations, and a job summary appended to $GITHUB_STEP_SUMMARY when set)' },
    format: { type: 'string', short: 'f', choices: ['text', 'json', 'sarif'], aliasOf: '--reporter (text = default)', description: 'the output format' },
    output: { type: 'string', short: 'o', value: 'FILE', description: 'write the reporter\'s output to FILE instead of stdout' },
    'report-json': { type: 'string', value: 'FILE', description: 'also write the JSON findings to FILE' },
    'report-sarif': { type: 'string', value: 'FILE', description: 'also write the SARIF log to FILE' },
    'docset-root': { type: 'string', value: 'DIR', defaultText: 'the nearest folder upwards holding docfx.json (up to the git root), else the page\'s folder', description: '[!INCLUDE] targets (relative, and ~/ from this root) are read only inside DIR, checked on their real path; an include outside it, or not a regular file, is not read and is a problem of that page' },
    'fix-patch': { type: 'string', value: 'FILE', description: FIX_PATCH },
  },
  exitCodes: [['0', 'no error-severity finding'], ['1', 'an error-severity finding exists'], USAGE_EXIT],
  examples: [
    ['tutorial-conformance lint', 'Lint every tutorial in tutorials/'],
    ["tutorial-conformance lint 'articles/**/*.md' --reporter github --report-sarif lint.sarif", 'Annotations in a GitHub Actions job, and a SARIF file for code scanning'],
    ['tutorial-conformance lint docs --fix-patch fixes.patch; git apply --check fixes.patch', 'The corrections lint is sure of as a patch, checked against the working tree'],
  ],
} as const satisfies CommandSpec;

export const extractSpec = {
  name: 'extract',
  summary: 'Print the parsed model of one tutorial (steps, expected responses, placeholders, captures, each with its lines) as JSON.',
  arguments: { name: 'file', description: 'one markdown page', exactlyOne: true },
  options: {
    compact: { type: 'boolean', description: 'one line of JSON instead of indented' },
    'docset-root': { type: 'string', value: 'DIR', defaultText: 'the nearest folder upwards holding docfx.json (up to the git root), else the page\'s folder', description: '[!INCLUDE] targets (relative, and ~/ from this root) are read only inside DIR, checked on their real path; an include outside it, or not a regular file, is not read and is a problem of that page' },
  },
  exitCodes: [['0', 'the model was printed'], USAGE_EXIT],
  examples: [['tutorial-conformance extract tutorials/000-storage-sas.md', 'The model of one page']],
} as const satisfies CommandSpec;

export const emulatorSpec = {
  name: 'emulator',
  summary: 'Serve the embedded Azure emulator until SIGTERM, SIGINT or SIGHUP, or until the process that started it ends; print its endpoints, CA file, a curl config and the values a reader would type.',
  options: {
    json: { type: 'boolean', description: 'print exactly one JSON line when ready: {"http","https","ca","curlConfig","values"}' },
    scenario: { type: 'string', value: 'FILE', defaultText: "the tutorials' scenario", description: 'start from this scenario (JSON, see src/emulator/scenario.ts)' },
    'state-dir': { type: 'string', value: 'DIR', defaultText: 'node_modules/.cache/tutorial-conformance', description: 'where the CA and certificates are kept' },
    'legacy-msi': { type: 'boolean', description: 'also serve the retired VM-extension endpoint on localhost:50342' },
    'realistic-timing': { type: 'boolean', description: "Azure's pace: long-running operations take 3 polls at Retry-After 15, a new role assignment applies after 30 s (a scenario's \"timing\" overrides)" },
    'keep-alive': { type: 'boolean', description: 'keep serving after the process that started it ends (by default it stops with its parent: npx, npm exec, a shell, a CI step)' },
  },
  exitCodes: [['0', 'stopped by a signal, or its parent ended, after serving'], ['2', 'bad arguments, an invalid scenario, or the emulator could not start']],
  examples: [
    ['tutorial-conformance emulator', 'Serve it and print how to use it'],
    ['tutorial-conformance emulator --json', 'One ready line for scripts'],
  ],
} as const satisfies CommandSpec;

export const sweepSpec = {
  name: 'sweep',
  summary: 'Live target: delete the resource groups earlier runs tagged and left behind. Reads the same configuration as the live target (.env, environment).',
  options: {
    'older-than': { type: 'string', value: 'AGE', required: true, description: 'only groups created more than AGE ago: 30m, 24h, 7d, 0s' },
    prefix: { type: 'string', value: 'P', description: 'only groups whose generated names start with this prefix (2–8 lower-case letters or digits)' },
    'run-id': { type: 'string', value: 'ID', description: 'only the groups of this run' },
    'dry-run': { type: 'boolean', description: 'list what would be deleted, delete nothing' },
  },
  exitCodes: [['0', 'everything matched was deleted (or listed, with --dry-run)'], ['1', 'a group could not be deleted'], ['2', 'bad arguments or configuration']],
  examples: [['tutorial-conformance sweep --older-than 24h --dry-run', 'What a nightly sweep would delete']],
} as const satisfies CommandSpec;

export const mergeSpec = {
  name: 'merge',
  summary: 'Join shard reports into one report and write it in every format (report.json, index.html, junit.xml).',
  arguments: { name: 'shard folders or report.json files', description: "each shard's report (its folder, e.g. reports/shard-1/latest, or the report.json); a missing one is named and the rest are merged" },
  options: {
    out: { type: 'string', value: 'DIR', required: true, description: 'the folder to write the merged reports into' },
    summary: { type: 'string', value: 'FILE', description: 'append a Markdown summary to FILE (e.g. "$GITHUB_STEP_SUMMARY")' },
    baseline: { type: 'string', value: 'REPORT', description: 'an earlier report to compare with (as for run): exit 1 then means a step got worse' },
  },
  exitCodes: [...RUN_EXIT_CODES.slice(0, 2), ['1 (also)', 'a shard report is missing'], ['2', 'bad arguments, an unreadable baseline, or an output location that cannot be written']],
  examples: [['tutorial-conformance merge shards/* --out reports/nightly --summary "$GITHUB_STEP_SUMMARY"', 'Join the shards of a nightly run']],
} as const satisfies CommandSpec;

export const COMMAND_SPECS = { run: runSpec, extract: extractSpec, lint: lintSpec, emulator: emulatorSpec, sweep: sweepSpec, merge: mergeSpec } as const;
export type CommandName = keyof typeof COMMAND_SPECS;

/** Environment variables the CLI reads, for the overview help. */
export const ENVIRONMENT = [
  ['NO_COLOR', 'set (non-empty): no colour on a terminal'],
  ['FORCE_COLOR', 'set: colour even when not on a terminal (0 or false: never); wins over NO_COLOR'],
  ['GITHUB_STEP_SUMMARY', '--reporter github appends a Markdown job summary to this file'],
  ['GITHUB_WORKSPACE', 'file paths in annotations and SARIF are relative to it (else to the git root, else the working folder)'],
  ['TC_FROM_SOURCE', '1: run the TypeScript sources instead of the bundle in dist/'],
] as const;
