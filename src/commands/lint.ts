// `tutorial-conformance lint [files…] [--format text|json|sarif] [--output FILE]`: static findings,
// no request sent. Exit 0 when no error-severity finding, 1 when there is one, 2 on bad input.
import { readdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ToolError } from '../errors.ts';
import { tutorialsDir } from '../tutorials/manifest.ts';
import { formatText, lintFiles, rules, toSarif, type RuleMeta } from '../lint/index.ts';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

interface LintArgs {
  files: string[];
  format: Format;
  output: string | undefined;
}

const USAGE = 'usage: tutorial-conformance lint [files or folders…] [--format text|json|sarif] [--output FILE]';

function parseArgs(argv: readonly string[]): LintArgs {
  const files: string[] = [];
  let format: Format = 'text';
  let output: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--format' || flag === '-f') {
      const v = inline ?? argv[++i];
      if (!FORMATS.includes(v as Format)) throw new ToolError('E_USAGE', `--format must be one of ${FORMATS.join(', ')} (got ${JSON.stringify(v)})\n${USAGE}`);
      format = v as Format;
    } else if (flag === '--output' || flag === '-o') {
      output = inline ?? argv[++i];
      if (!output) throw new ToolError('E_USAGE', `--output needs a file name\n${USAGE}`);
    } else if (flag === '--help' || flag === '-h') {
      throw new ToolError('E_USAGE', USAGE, { exitCode: 0 });
    } else if (a.startsWith('-')) {
      throw new ToolError('E_USAGE', `unknown option ${a}\n${USAGE}`);
    } else files.push(a);
  }
  return { files, format, output };
}

/** Folders expand to their .md files (sorted); no argument means every tutorial in tutorials/. */
function expand(paths: readonly string[]): string[] {
  const inputs = paths.length ? paths : [tutorialsDir];
  const out: string[] = [];
  for (const p of inputs) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch (err) {
      throw new ToolError('E_TUTORIAL_UNREADABLE', `no such file or folder: ${p}`, { cause: err });
    }
    if (!isDir) {
      out.push(p);
      continue;
    }
    const md = readdirSync(p).filter((f) => f.endsWith('.md')).sort();
    if (!md.length) throw new ToolError('E_TUTORIAL_UNREADABLE', `no .md tutorial in ${p}`);
    out.push(...md.map((f) => join(p, f)));
  }
  return out;
}

/** The rules' metadata without their check functions, for JSON consumers (HTML report, CI). */
function ruleMeta(r: RuleMeta): RuleMeta {
  const { id, name, severity, shortDescription, fullDescription, help } = r;
  return { id, name, severity, shortDescription, fullDescription, help };
}

export async function run(argv: string[]): Promise<number> {
  let args: LintArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof ToolError && err.exitCode === 0) {
      process.stdout.write(`${err.message}\n`);
      return 0;
    }
    throw err;
  }
  const results = await lintFiles(expand(args.files));
  const body =
    args.format === 'text'
      ? formatText(results)
      : `${JSON.stringify(args.format === 'json' ? { rules: rules.map(ruleMeta), results } : toSarif(results), null, 2)}\n`;
  if (args.output) await writeFile(args.output, body);
  else process.stdout.write(body);
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
