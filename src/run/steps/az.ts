// An `az` step: found in the Azure CLI's command table, checked as az checks its arguments, then run
// as the REST calls az would make — or `unsupported` when this tool has no equivalent (a real command
// without one, an extension's command, one that left the reference), said with what would run it.
import type { AzStep } from '../../model.ts';
import { azRejection } from '../../reference/az-command-validators.ts';
import type { StepContext, StepOutcome } from '../context.ts';
import { outcome } from '../context.ts';
import { azError } from '../az/command.ts';
import { readSubscription } from '../az/subscription.ts';
import type { UnsupportedReason } from '../../model.ts';
import { parseArgs } from '../az/args.ts';
import { extensionMessage, lookupAz, retiredRunMessage } from '../az/index.ts';
import { substitute, type SubstitutionScope } from '../substitute.ts';
import { unmodelledMessage } from './support.ts';
import { sideLoadedMessage } from '../az/side-loaded.ts';
import { defaultAnswers } from '../az/configured-defaults.ts';
import { azOutputFormat, azPrint } from '../../reference/az-output.ts';

function usageError(message: string, exitCode = 2): StepOutcome {
  return outcome({ engine: 'http', output: { stdout: '', stderr: `ERROR: ${message}\n`, exitCode }, error: { kind: 'az-usage', message } });
}

function unsupported(reason: UnsupportedReason, message: string): StepOutcome {
  return outcome({ engine: 'http', error: { kind: 'unsupported', unsupported: reason, message } });
}

/**
 * Whether az rejects this command line before it calls anything (an unknown word, its argument
 * parser, the command's own validator): such a step fails as written even when a step it waits on
 * failed, because the world it would have needed plays no part in the rejection.
 */
export function azRejectsBeforeAnyRequest(step: AzStep, scope: SubstitutionScope, sideLoaded?: string, defaults?: ReadonlyMap<string, number>): boolean {
  // An extension the page installs from a file may accept what the table rejects (run/az/side-loaded.ts).
  if (sideLoaded !== undefined || step.azStandIn !== undefined) return false;
  const argv = step.az.argv;
  const found = lookupAz(argv);
  const show = (word: string): string => substitute(word, scope);
  // A default the page configured may answer what the table says is missing (run/az/configured-defaults.ts).
  const rejects = (message: string): boolean => defaultAnswers(message, defaults, step.source.startLine) === undefined;
  switch (found.kind) {
    case 'usage':
      return true;
    case 'unmodelled': {
      const error = azRejection(argv, show);
      return error !== undefined && rejects(error.message);
    }
    case 'command': {
      const args = parseArgs(step.az, found.module.options, scope, { command: found.command, path: found.module.path });
      if (!args.ok) return args.kind === 'usage' && rejects(args.message);
      return found.module.validate?.(args.values, args.flags) !== undefined;
    }
    default:
      return false;
  }
}

/**
 * The equivalents print az's JSON. What az prints from it through --query and -o is computed by the
 * one implementation of az's printing (reference/az-output.ts, which lint's az-output-form also
 * reads): `-o none` prints nothing; a query printed as json or tsv is printed when it selects
 * something whole in the equivalent's answer. A query that selects nothing there (the equivalent
 * may lack the field), `-o table`/`yaml`, or tsv without a query print what this tool does not
 * compute: a step that succeeded says so (unsupported) rather than let a later step use or compare
 * output az would not have printed.
 */
function printedAsAzWould(ran: StepOutcome, values: Readonly<Record<string, string>>): StepOutcome {
  const written = values['output'];
  const format = azOutputFormat(written);
  if (format === 'none' && ran.output) return { ...ran, output: { ...ran.output, stdout: '' } };
  const query = values['query'];
  if ((query === undefined && (format === 'json' || format === 'jsonc')) || ran.error !== undefined || !ran.output || ran.output.exitCode !== 0) return ran;
  const printed = format ? azPrint(ran.output.stdout, query, format, false) : { unknown: `-o ${written} is not an output format` };
  if ('stdout' in printed) return { ...ran, output: { ...ran.output, stdout: printed.stdout } };
  const what = [query !== undefined ? `--query ${query}` : '', written !== undefined && format !== 'json' ? `-o ${written}` : ''].filter(Boolean).join(' ');
  return { ...ran, error: { kind: 'unsupported', unsupported: 'az-no-equivalent', message: `the REST calls succeeded, but az would print their answer through ${what}, which this tool does not compute here (${printed.unknown}): what the page shows or captures from this command is not judged` } };
}

export async function runAzStep(step: AzStep, ctx: StepContext): Promise<StepOutcome> {
  // The page's own alias (the alias extension) or a stand-in for any command: not the Azure CLI's, not run.
  if (step.azStandIn !== undefined) return unsupported(step.azStandIn.kind === 'alias' ? 'az-extension' : 'az-no-equivalent', step.azStandIn.message);
  const argv = step.az.argv;
  const found = lookupAz(argv);
  const show = (word: string): string => (ctx.expanded === true ? word : substitute(word, ctx));
  // On a page that installs an extension from a file, az's argument check is the extension's, which this tool does not know.
  const sideLoaded = ctx.sideLoadedExtension;
  const usage = (message: string): StepOutcome => {
    if (sideLoaded !== undefined) return unsupported('az-extension', sideLoadedMessage(sideLoaded, step.az.path, message));
    const configured = defaultAnswers(message, ctx.configuredDefaults, step.source.startLine);
    if (configured !== undefined) return unsupported('az-no-equivalent', `the page sets az's default for what this command omits (az config set defaults.… on line ${configured}), which az reads from its configuration and this tool does not keep; without it az would stop with "${message}"`);
    return usageError(message);
  };
  switch (found.kind) {
    case 'usage':
      return usage(found.message);
    case 'retired':
      return unsupported('az-no-equivalent', retiredRunMessage(found.retired));
    case 'help':
      return unsupported('az-no-equivalent', found.message);
    case 'extension':
      return unsupported('az-extension', extensionMessage(found.command, found.extension));
    case 'unmodelled': {
      // az checks the arguments, then the command's own code its usage, before it calls anything: what it would reject fails here too.
      const error = azRejection(argv, show);
      if (error) return error.kind === 'parse' || sideLoaded !== undefined ? usage(error.message) : azError(error.message);
      return unsupported('az-no-equivalent', unmodelledMessage(found.command.path));
    }
    case 'command': {
      const args = parseArgs(step.az, found.module.options, ctx, { expand: ctx.expanded !== true, command: found.command, path: found.module.path });
      if (!args.ok) return args.kind === 'usage' ? usage(args.message) : unsupported('az-no-equivalent', args.message);
      const invalid = found.module.validate?.(args.values, args.flags);
      if (invalid !== undefined) return usage(invalid);
      const subscription = args.values['subscription'];
      if (subscription !== undefined && found.module.noManagementClient !== true) {
        const read = readSubscription(subscription, ctx.cliAccount);
        if (read.kind === 'not-found') return read.outcome;
        args.values['subscription'] = read.id;
      }
      const ran = await found.module.run({ step, args: args.values, lists: args.lists, flags: args.flags, ctx });
      return printedAsAzWould(ran, args.values);
    }
    default: {
      const never: never = found;
      return never;
    }
  }
}
