// What the engine cannot run whatever values its placeholders get: an az command with no REST
// equivalent here (one that left the reference, an extension's, a real one not modelled) and, in
// the http engine, a shell construct it does not model. Decided from the step's text alone, before
// anything runs, so the planner can say `unsupported` instead of asking for a `--set` that would not
// make the step run (a new user adding --set APP_NAME=… to `az webapp deploy` still gets unsupported).
// The run-time steps (az.ts, shell.ts) say the same in the same words.
import type { ShellAction, Step, UnsupportedReason } from '../../model.ts';
import { azRejection } from '../../reference/az-command-validators.ts';
import { extensionMessage, lookupAz, retiredRunMessage } from '../az/index.ts';
import { powerShellUnsupported } from './powershell.ts';

export interface StaticUnsupported {
  reason: UnsupportedReason;
  why: string;
}

/** A real az command this tool has no REST equivalent for. */
export function unmodelledMessage(path: string): string {
  return `'az ${path}' is a real az command this tool has no REST equivalent for`;
}

/**
 * var=$(az …) runs through the az command's REST equivalent: without one, bash (the shell engine)
 * is what runs the capture, as for any other command substitution.
 */
function azCaptureMessage(argv: string[]): string | undefined {
  const why = azUnsupported(argv);
  return why === undefined ? undefined : `the http engine runs var=$(az …) through the command's REST equivalent, and ${why.why}`;
}

/** Why the http engine cannot run this az command line, or undefined when it has an equivalent (or az rejects the line first). */
function azUnsupported(argv: string[]): StaticUnsupported | undefined {
  const found = lookupAz(argv);
  switch (found.kind) {
    case 'retired':
      return { reason: 'az-no-equivalent', why: retiredRunMessage(found.retired) };
    case 'help':
      return { reason: 'az-no-equivalent', why: found.message };
    case 'extension':
      return { reason: 'az-extension', why: extensionMessage(found.command, found.extension) };
    case 'unmodelled':
      // az rejects bad arguments before it calls anything: such a step runs (and fails) as written.
      if (azRejection(argv) !== undefined) return undefined;
      return { reason: 'az-no-equivalent', why: unmodelledMessage(found.command.path) };
    default:
      return undefined;
  }
}

/**
 * `$name` and `${name}` in a literal value: the plan binds them like any placeholder of the page (a
 * variable an earlier step set), so `rg="msdocs-rg-$randomIdentifier"` is set as bash sets it.
 * $RANDOM and the other specials are bash's own, never bound: the value stays a construct.
 */
export const SIMPLE_EXPANSION = /\$(?!(?:RANDOM|SECONDS|LINENO|BASHPID|EPOCHSECONDS|EPOCHREALTIME|SRANDOM)\b)(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})/g;

/** The http engine's message for a shell action it does not model (undefined: it models it). */
export function shellConstructMessage(action: ShellAction): string | undefined {
  switch (action.kind) {
    case 'assign':
      if (action.generator) return undefined;
      if (action.literal && /[`$]/.test(action.pipeline.replace(SIMPLE_EXPANSION, ''))) return `the http engine sets var=value only for a value whose expansions are $name or \${name}, not ${action.variable}=${action.pipeline}`;
      if (action.az) return azCaptureMessage(action.az.argv);
      if (!action.literal && !action.curl) return `the http engine runs var=$(curl … | jq …) and var=$(az … [| tr -d …]) assignments only, not $(${action.pipeline})`;
      return undefined;
    case 'other':
      return `the http engine models echo > file, var=$(curl … | jq …), var=$(az … [| tr -d …]) and comments, not "${action.argv.join(' ')}"`;
    default:
      return undefined;
  }
}

/** Loopback and IMDS: the reader's own machine, never "another host". */
const MACHINE_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|169\.254\.169\.254)$/;

/**
 * A request whose host the target does not serve, whatever the placeholders in its host label become
 * (`https://<app_name>.scm.azurewebsites.net/…` on the emulator): the domain decides.
 */
function hostNotServed(step: Step, serves: ((host: string, port: number) => boolean) | undefined): StaticUnsupported | undefined {
  if (serves === undefined) return undefined;
  const curl = step.kind === 'http' ? step.curl : step.kind === 'shell' && step.shell.kind === 'assign' ? step.shell.curl : undefined;
  if (curl === undefined) return undefined;
  // A placeholder in the host stands for a name under the same domain; a shell variable may be any host.
  const url = curl.url.replace(/<[^<>\s]*>|\{[^{}\s]*\}/g, 'x');
  const m = /^(https?):\/\/([^/?#:@\s]+)(?::(\d+))?(?:[/?#]|$)/i.exec(url);
  if (!m || /[$`]/.test(m[2]!)) return undefined;
  const host = m[2]!.toLowerCase();
  if (MACHINE_HOST.test(host) || !host.includes('.')) return undefined;
  const port = m[3] ? Number(m[3]) : m[1]!.toLowerCase() === 'https' ? 443 : 80;
  if (serves(host, port)) return undefined;
  const domain = host.split('.').slice(1).join('.');
  return { reason: 'not-emulated', why: `the emulator does not serve *.${domain}, so this request would not be judged here whatever its placeholders become; a live subscription (--target azure) runs it` };
}

/** The http engine's message for a command bash runs with something around it (a pipe, `&&`, a redirect to a file). */
export function stepConstructMessage(step: Step): string | undefined {
  if (step.kind === 'manual' || step.shellConstruct === undefined) return undefined;
  return `bash runs ${step.shellConstruct} here; the http engine runs the step's one ${step.kind === 'http' ? 'curl' : step.kind === 'az' ? 'az' : ''} command only`;
}

/** Why `engine` cannot run this step with any values (on a target serving `serves`), or undefined when it might. */
export function staticUnsupported(step: Step, engine: 'http' | 'shell', serves?: (host: string, port: number) => boolean): StaticUnsupported | undefined {
  if (step.kind === 'shell' && step.language === 'powershell') {
    if (engine === 'shell') return { reason: 'language', why: `a PowerShell statement (\`\`\`${step.fence ?? 'powershell'} block): the shell engine runs bash; the http engine runs the Az cmdlets it has equivalents for` };
    const why = powerShellUnsupported(step.raw, step.powershell);
    return why === undefined ? undefined : { reason: 'language', why: `a PowerShell statement this tool does not run (\`\`\`${step.fence ?? 'powershell'} block): ${why}` };
  }
  const host = hostNotServed(step, serves);
  if (host) return host;
  // Whatever its placeholders become, the http engine would not run it: say so rather than ask for a --set.
  const construct = engine === 'http' ? stepConstructMessage(step) : undefined;
  if (construct !== undefined) return { reason: 'shell-construct', why: construct };
  if (step.kind === 'az') return azUnsupported(step.az.argv);
  if (step.kind === 'shell' && engine === 'http') {
    const message = shellConstructMessage(step.shell);
    return message === undefined ? undefined : { reason: 'shell-construct', why: message };
  }
  return undefined;
}
