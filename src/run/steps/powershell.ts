// A PowerShell step (language 'powershell'): its statements run in order through the cmdlets' REST
// equivalents (src/run/powershell/), sharing the page's variables with the steps before and after
// it, and print what PowerShell prints (formatOutput). The page's `<placeholders>` inside it are
// replaced by their bound values first, as the reader would have typed them. A statement PowerShell
// reports an error for ends the step (exit status 1, "<Cmdlet>: message" on stderr); what this tool
// does not model is `unsupported` (reason language), naming it.
import type { ShellStep, PsStatement, UnsupportedReason } from '../../model.ts';
import { allCommands, readPowerShellStatements } from '../../parse/powershell-words.ts';
import { findCommandPlaceholders } from '../../parse/placeholders.ts';
import type { StepContext, StepOutcome } from '../context.ts';
import { outcome } from '../context.ts';
import { formatOutput } from '../powershell/format.ts';
import { commandUnsupported, runStatement, valueUnsupported, type PsRun } from '../powershell/run.ts';
import { PsVariables } from '../powershell/values.ts';
import { substitute } from '../substitute.ts';

/** Commands allowed after the first one of a pipeline (they read its objects). */
const PIPELINE_TAIL = /^(?:Out-Null|Select-Object)$/i;

/** Why the http engine cannot run these statements whatever their values, or undefined when it can try. */
export function powerShellUnsupported(raw: string, statements: readonly PsStatement[] | undefined): string | undefined {
  const read = statements ?? readPowerShellStatements(raw);
  if (read.length === 0) return 'no PowerShell statement was read';
  // The plan binds the page's <placeholders> in a PowerShell statement; `{Name}`, YOUR_NAME and the like it does not: not run with them as written.
  const other = findCommandPlaceholders(raw).filter((p) => !p.spelling.startsWith('<') && !p.spelling.startsWith('$'));
  if (other.length > 0) return `${other.map((p) => p.spelling).join(', ')}, a placeholder the reader replaces, which this tool binds in PowerShell only when written <like-this>`;
  for (const st of read) {
    if (st.keyword) return `the ${st.keyword} statement`;
    if (st.assignOp !== undefined && st.assignOp !== '=') return `the ${st.assignOp} assignment`;
    for (const [k, cmd] of st.pipeline.entries()) {
      if (k > 0 && !PIPELINE_TAIL.test(cmd.name)) return `a pipeline into ${cmd.name || cmd.expression?.text || 'an expression'}`;
      if (cmd.expression) {
        const why = valueUnsupported(cmd.expression);
        if (why) return why;
        continue;
      }
      const why = commandUnsupported(cmd);
      if (why) return why;
      for (const a of cmd.args) {
        const v = a.value && valueUnsupported(a.value);
        if (v) return v;
      }
    }
  }
  // Commands inside ( … ) and $( … ) run too: each must be one this tool models.
  for (const cmd of allCommands(raw, [...read])) {
    const why = commandUnsupported(cmd);
    if (why) return why;
  }
  return undefined;
}

/** `reason`: the target's limit (the emulator dropped the connection), said as that; else the statement is one this tool does not run. */
function unsupported(message: string, run?: PsRun, reason?: UnsupportedReason): StepOutcome {
  const error = reason !== undefined && reason !== 'language' ? { kind: 'unsupported' as const, unsupported: reason, message } : { kind: 'unsupported' as const, unsupported: 'language' as const, message: `a PowerShell statement this tool does not run: ${message}` };
  return outcome({ engine: 'http', exchanges: run?.exchanges ?? [], error });
}

export async function runPowerShellStep(step: ShellStep, ctx: StepContext): Promise<StepOutcome> {
  // Only the page's <placeholders> are replaced: `$names` are PowerShell's own, read by its rules.
  const raw = ctx.values.length === 0 ? step.raw : substitute(step.raw, { values: ctx.values.filter((v) => v.spellings.every((s) => !s.startsWith('$'))), env: new Map(), expands: new Set() });
  const statements = raw === step.raw && step.powershell ? step.powershell : readPowerShellStatements(raw);
  const why = powerShellUnsupported(raw, statements);
  if (why !== undefined) return unsupported(why);
  const run: PsRun = { ctx, vars: ctx.psVariables ?? new PsVariables(), exchanges: [], substitutions: [], stdout: '' };
  let stderr = '';
  for (const st of statements) {
    const ran = await runStatement(st, run);
    if ('unsupported' in ran) return unsupported(ran.unsupported, run, ran.reason);
    if ('error' in ran) {
      stderr = `${ran.error}\n`;
      break;
    }
    run.stdout += formatOutput(ran.values);
  }
  return outcome({
    engine: 'http',
    exchanges: run.exchanges,
    output: { stdout: run.stdout, stderr, exitCode: stderr === '' ? 0 : 1 },
    ...(run.substitutions.length > 0 ? { substitution: run.substitutions.join(' ') } : {}),
  });
}
