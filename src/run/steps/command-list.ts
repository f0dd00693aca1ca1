// A step of several commands on one line, `token=$(curl … | jq -r .access_token) && curl … -H
// "Authorization: Bearer $token"`: the model describes the first command; the http engine then runs
// the curl commands that follow it, in order, as bash would (`&&` only after success, `;` and a new
// line always), with the variables the first one set. A list holding anything else (`||`, `&`, a
// pipeline, another command) is not modelled here: the first command's outcome stands, as before.
import { parseCurlArgv, tokenizeShell, toPipelines } from '../../parse/index.ts';
import type { StepContext, StepOutcome } from '../context.ts';
import { buildCurl, CurlInputError } from '../curl/build.ts';
import { executeCurl } from '../curl/execute.ts';

interface Following {
  /** The operator between the previous command and this one. */
  op: '&&' | ';' | '\n';
  argv: string[];
}

/** The curl commands after the first command of `raw`, or undefined when the list holds anything else. */
export function followingCurls(raw: string): Following[] | undefined {
  const pipelines = toPipelines(tokenizeShell(raw).tokens);
  const out: Following[] = [];
  for (let k = 1; k < pipelines.length; k++) {
    const op = pipelines[k - 1]!.terminator;
    const commands = pipelines[k]!.commands;
    if ((op !== '&&' && op !== ';' && op !== '\n') || commands.length !== 1 || commands[0]!.words[0] !== 'curl' || commands[0]!.redirects.length > 0) return undefined;
    out.push({ op, argv: commands[0]!.words.slice(1) });
  }
  return out;
}

/** `first` (the outcome of the step's first command) followed by the curl commands the step's text runs after it. */
export async function withFollowingCurls(raw: string, ctx: StepContext, first: StepOutcome): Promise<StepOutcome> {
  const following = followingCurls(raw);
  if (!following || following.length === 0) return first;
  const out: StepOutcome = { ...first, exchanges: [...first.exchanges], output: { ...(first.output ?? { stdout: '', stderr: '', exitCode: first.error ? 1 : 0 }) } };
  const output = out.output!;
  for (const command of following) {
    if (command.op === '&&' && output.exitCode !== 0) break;
    try {
      const run = await executeCurl(ctx.connector, await buildCurl(parseCurlArgv(command.argv), ctx, ctx.workdir));
      out.exchanges.push(...run.exchanges);
      output.stdout += run.stdout;
      output.stderr += run.stderr;
      output.exitCode = run.exitCode;
      if (run.error) out.error ??= run.error;
    } catch (err) {
      if (!(err instanceof CurlInputError)) throw err;
      output.stderr += `${err.message}\n`;
      output.exitCode = Number(/\((\d+)\)/.exec(err.message)?.[1] ?? 26);
      out.error ??= { kind: 'invalid-command', message: err.message };
    }
  }
  return out;
}
