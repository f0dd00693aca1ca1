// A `shell` step in the run's working folder: `echo … > file` writes the file, `var=$(curl … | jq -r
// '.x')` runs the curl as an http request and keeps jq's output in the variable (and runs the curl
// commands the line runs after it: command-list.ts), `var=$(az … [| tr -d …])` runs the az command
// through its equivalent and keeps what az prints, `var=value` sets it, comments do nothing.
// Other commands are not run (no general shell), and the outcome says so.
import { randomBytes, randomInt } from 'node:crypto';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { AzCommand, ShellStep } from '../../model.ts';
import { runAzStep } from './az.ts';
import type { StepContext, StepOutcome } from '../context.ts';
import { outcome } from '../context.ts';
import { buildCurl, CurlInputError } from '../curl/build.ts';
import { executeCurl } from '../curl/execute.ts';
import { withFollowingCurls } from './command-list.ts';
import { evaluatePath, rawOutput, UnsupportedJqFilter } from '../jq.ts';
import { substitute } from '../substitute.ts';
import { shellConstructMessage, SIMPLE_EXPANSION } from './support.ts';

/** Strip one layer of matching quotes from a jq filter argument as bash would have. */
function unquote(filter: string): string {
  const m = /^'(.*)'$|^"(.*)"$/s.exec(filter.trim());
  return m ? (m[1] ?? m[2] ?? '') : filter.trim();
}

/**
 * var=$(az … [| tr -d SET]): the az command runs through its equivalent (runAzStep, which prints
 * what az would through --query and -o), tr deletes its characters, and $( … ) drops the trailing
 * newlines. A command az fails is the step's failure, with az's error; what this tool cannot print as
 * az would leaves the capture to bash (unsupported, shell-construct), with the reason.
 */
async function runAzCapture(step: ShellStep, az: AzCommand, variable: string, trDelete: string | undefined, ctx: StepContext): Promise<StepOutcome> {
  const ran = await runAzStep({ ...step, kind: 'az', az }, ctx);
  if (ran.error?.kind === 'unsupported') {
    return { ...ran, error: { kind: 'unsupported', unsupported: 'shell-construct', message: `the http engine runs var=$(az …) through the command's REST equivalent, and ${ran.error.message}` } };
  }
  if (ran.error !== undefined || !ran.output || ran.output.exitCode !== 0) return ran;
  let value = ran.output.stdout;
  if (trDelete !== undefined) value = [...value].filter((c) => !trDelete.includes(c)).join('');
  value = value.replace(/\n+$/, '');
  ctx.env.set(variable, value);
  // The assignment prints nothing: what az printed went into the variable; its stderr (warnings) stays.
  return { ...ran, output: { ...ran.output, stdout: '' }, captured: { [`$${variable}`]: value } };
}

/** A value as new as bash or openssl would make it: `openssl rand -hex N` (N random bytes in hex) or bash arithmetic over $RANDOM (0…32767 each) and digits. */
function generated(kind: 'openssl-rand-hex' | 'bash-random', pipeline: string): string {
  if (kind === 'openssl-rand-hex') return randomBytes(Number(/\d+\s*$/.exec(pipeline)?.[0] ?? '3')).toString('hex');
  const terms = pipeline.split('+').map((product) => product.split('*').reduce((acc, f) => acc * (f === '$RANDOM' ? randomInt(32768) : Number(f)), 1));
  return String(terms.reduce((a, b) => a + b, 0));
}

export async function runShellStep(step: ShellStep, ctx: StepContext): Promise<StepOutcome> {
  const action = step.shell;
  switch (action.kind) {
    case 'comment':
      return outcome({ engine: 'shell', output: { stdout: '', stderr: '', exitCode: 0 } });
    case 'write-file': {
      const file = substitute(action.file, ctx);
      // The model's content is what echo writes, its trailing newline included.
      const content = substitute(action.content, ctx);
      const path = isAbsolute(file) ? file : join(ctx.workdir, file);
      if (action.append) await appendFile(path, content);
      else await writeFile(path, content);
      return outcome({ engine: 'shell', output: { stdout: '', stderr: '', exitCode: 0 }, files: [{ path: file, content: await readFile(path, 'utf8') }] });
    }
    case 'assign': {
      if (action.generator) {
        const value = generated(action.generator, action.pipeline);
        ctx.env.set(action.variable, value);
        return outcome({ engine: 'shell', output: { stdout: '', stderr: '', exitCode: 0 }, captured: { [`$${action.variable}`]: value } });
      }
      if (action.literal && !/[`$]/.test(action.pipeline.replace(SIMPLE_EXPANSION, ''))) {
        // name=value: bash sets the variable (placeholders in the value are the page's, bound by the plan).
        const value = substitute(action.pipeline, ctx);
        ctx.env.set(action.variable, value);
        return outcome({ engine: 'shell', output: { stdout: '', stderr: '', exitCode: 0 }, captured: { [`$${action.variable}`]: value } });
      }
      const construct = shellConstructMessage(action);
      if (construct === undefined && action.az) return runAzCapture(step, action.az, action.variable, action.trDelete, ctx);
      if (construct !== undefined || !action.curl) {
        return outcome({ engine: 'shell', error: { kind: 'unsupported', unsupported: 'shell-construct', message: construct ?? `$(${action.pipeline})` } });
      }
      let plan;
      try {
        plan = await buildCurl(action.curl, ctx, ctx.workdir);
      } catch (err) {
        if (err instanceof CurlInputError) return outcome({ engine: 'shell', error: { kind: 'invalid-command', message: err.message } });
        throw err;
      }
      const run = await executeCurl(ctx.connector, plan);
      // curl in a pipeline without -s prints its progress meter on stderr; the reader sees it, jq does not.
      let value = run.stdout;
      let stderr = run.stderr;
      if (action.jqFilter !== undefined) {
        try {
          value = run.stdout === '' ? '' : rawOutput(evaluatePath(JSON.parse(run.stdout), unquote(action.jqFilter)));
        } catch (err) {
          const message = err instanceof UnsupportedJqFilter ? err.message : `jq: error: ${(err as Error).message}`;
          stderr += `${message}\n`;
          return outcome({ engine: 'shell', exchanges: run.exchanges, output: { stdout: '', stderr, exitCode: err instanceof UnsupportedJqFilter ? 3 : 5 }, error: { kind: 'shell', message } });
        }
      }
      // $(…) drops trailing newlines.
      value = value.replace(/\n+$/, '');
      ctx.env.set(action.variable, value);
      const assigned = outcome({
        engine: 'shell',
        exchanges: run.exchanges,
        output: { stdout: '', stderr, exitCode: 0 },
        captured: { [`$${action.variable}`]: value },
        ...(run.error ? { error: run.error } : {}),
      });
      return withFollowingCurls(step.raw, ctx, assigned);
    }
    case 'other':
      return outcome({ engine: 'shell', error: { kind: 'unsupported', unsupported: 'shell-construct', message: shellConstructMessage(action) ?? action.argv.join(' ') } });
    default: {
      const never: never = action;
      return never;
    }
  }
}
