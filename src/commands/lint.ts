// `tutorial-conformance lint [files, folders or globs…]`: static findings, no request sent. The
// --reporter's output goes to stdout (or --output FILE); --report-json/--report-sarif write those
// formats to files as well. Every output location is checked before linting. Exit 0 when no
// error-severity finding, 1 when there is one, 2 on bad input or an unusable output.
import { appendFile } from 'node:fs/promises';
import { ToolError } from '../errors.ts';
import { parseCommand } from '../cli/options.ts';
import { lintSpec } from '../cli/specs.ts';
import { readCliEnvironment } from '../cli/environment.ts';
import { colourWanted, styleFor } from '../cli/colour.ts';
import { repositoryRoot } from '../cli/repository.ts';
import { toolIdentity } from '../cli/version.ts';
import { projectRoot, tutorialsDir } from '../tutorials/manifest.ts';
import { lintFiles } from '../lint/index.ts';
import { docsetRootOption } from '../cli/docset-root.ts';
import { resolveTutorialFiles } from '../run/files.ts';
import { checkAppendable, prepareOutputs } from '../report/outputs.ts';
import { lintJson, lintSarif, REPORTERS } from '../report/reporters/index.ts';
import { collectFixes } from '../report/fixes/index.ts';

type LintReporter = (typeof lintSpec.options.reporter.choices)[number];

/** --reporter, or its older spelling --format (text is the default reporter). */
function chosenReporter(reporter: LintReporter | undefined, format: 'text' | 'json' | 'sarif' | undefined): LintReporter {
  const fromFormat = format === undefined ? undefined : format === 'text' ? 'default' : format;
  if (reporter !== undefined && fromFormat !== undefined && reporter !== fromFormat) {
    throw new ToolError('E_USAGE', `--format ${format} and --reporter ${reporter} disagree; give one of them (see 'tutorial-conformance help lint')`);
  }
  return reporter ?? fromFormat ?? 'default';
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(lintSpec, argv);
  const reporter = chosenReporter(values.reporter, values.format);
  const env = readCliEnvironment();
  const docsetRoot = docsetRootOption(values['docset-root'], 'lint');
  const files = resolveTutorialFiles(positionals.length > 0 ? positionals : [tutorialsDir], {
    onSkip: (s) => void process.stderr.write(`warning: skipped ${s.path}: ${s.why}\n`),
  });
  const targets: Record<string, string> = {};
  for (const option of ['output', 'report-json', 'report-sarif', 'fix-patch'] as const) {
    const path = values[option];
    if (path === '') throw new ToolError('E_USAGE', `--${option} needs a file name (see 'tutorial-conformance help lint')`);
    if (path !== undefined) targets[`--${option}`] = path;
  }
  const outputs = await prepareOutputs({ files: targets });
  try {
    if (reporter === 'github' && env.githubStepSummary !== undefined) await checkAppendable('GITHUB_STEP_SUMMARY', env.githubStepSummary);
    const results = await lintFiles(files, docsetRoot !== undefined ? { docsetRoot } : {});
    const ctx = {
      style: styleFor(values.output === undefined && colourWanted(env, process.stdout.isTTY === true)),
      verbose: false,
      root: repositoryRoot(env, process.cwd()),
      projectRoot,
      failOn: ['fail'] as const,
      tool: toolIdentity(),
    };
    const out = REPORTERS[reporter].lint(results, ctx);
    const fixPatch = (): string => {
      const fixes = collectFixes(results.map((r) => ({ file: r.tutorial, findings: r.findings })), { root: ctx.root, projectRoot });
      process.stderr.write(`--fix-patch: ${fixes.corrections} correction(s) the tool is sure of (git apply ${values['fix-patch']})\n`);
      return fixes.patch;
    };
    const render: Record<string, () => string> = { '--output': () => out.stdout, '--report-json': () => lintJson(results), '--report-sarif': () => lintSarif(results, ctx), '--fix-patch': fixPatch };
    await outputs.publish({ files: Object.fromEntries(Object.keys(targets).map((option) => [option, render[option]?.() ?? ''])) });
    if (values.output === undefined) process.stdout.write(out.stdout);
    if (out.jobSummary !== undefined && env.githubStepSummary !== undefined) await appendFile(env.githubStepSummary, out.jobSummary, 'utf8');
    return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  } finally {
    await outputs.discard();
  }
}
