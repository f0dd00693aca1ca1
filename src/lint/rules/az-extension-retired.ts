// An Azure CLI extension whose support has ended, installed (az extension add/update --name X) or used
// (a command only X defines): the Azure Machine Learning CLI v1, azure-cli-ml, whose support ended on
// 30 September 2025. az may still install and run it (Learn: "Your existing workflows using CLI v1
// will continue to operate"), so this is a warning; az-extension-removed is for extensions the
// index no longer has, which az refuses.
// The extension of each command comes from the generated command table (src/reference/az-commands.json,
// MicrosoftDocs/azure-docs-cli): only commands the retired extension alone defines are reported, so
// the v2 commands of the same group (az ml job create) and the commands both define (az ml workspace
// create) stay silent unless the page installs the retired extension.
import type { LintDocument } from '../document.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { azOption } from '../commands.ts';
import { eachAz } from '../each.ts';
import { azArgumentError, readAzArgv, unrecognized } from '../../reference/az-args.ts';
import { azCommandAs, findCommand, type AzCommandInfo } from '../../reference/az-table.ts';
import { azPathWords } from '../../reference/az-status.ts';
import { pageVariant } from '../installed-extensions.ts';

interface Retired {
  /** What the extension is, for the message. */
  what: string;
  ended: string;
  successor: string;
  instead: string;
  source: string;
}

// One entry per extension whose end of support is recorded, with where it is recorded.
const RETIRED: Readonly<Record<string, Retired>> = {
  'azure-cli-ml': {
    what: 'the Azure Machine Learning CLI v1 extension',
    ended: '2025-09-30',
    successor: 'ml',
    instead:
      'install the v2 extension (az extension remove -n azure-cli-ml; az extension add -n ml) and use its commands (az ml workspace create -n <name> -g <group>, az ml job create --file job.yml, az ml compute create …), which take YAML files instead of the v1 run configurations',
    source:
      'Learn "Support for CLI v1 ended on September 30, 2025 … We recommend that you transition to the ml, or v2, extension" (MicrosoftDocs/azure-ai-docs articles/machine-learning/includes/machine-learning-cli-v1-deprecation.md @19fa85dd); the az reference of azure-cli-ml: "Azure ML CLI v1 is getting retired on September 30, 2025. Users are recommended to adopt CLI v2" (MicrosoftDocs/azure-docs-cli docs-ref-autogen/Latest-version/latest/ml[v1].yml @e97b361d)',
  },
};

/** The day as YYYY-MM-DD on which the lint runs: an end of support announced for later is not yet one. */
const today = (): string => new Date().toISOString().slice(0, 10);

/** The extension's support has ended (by the day the lint runs): never the one to tell a reader to install. */
export const extensionRetired = (name: string): boolean => {
  const r = RETIRED[name.toLowerCase()];
  return r !== undefined && r.ended <= today();
};

const message = (name: string, r: Retired, how: string): string =>
  `${how} ${r.what} (${name}), whose support ended on ${r.ended}: Microsoft no longer fixes or updates it, and readers who follow the page build on a CLI that can break with any service change. Instead, ${r.instead} (${r.source}).`;

const argvOf = (words: ReadonlyArray<{ value: string }>): string[] => words.slice(1).map((w) => w.value);

/**
 * A command both the retired extension and its successor define (az ml workspace create), on a page
 * that installs the retired one: the options only the retired definition takes are refused by the
 * successor's ("unrecognized arguments: -w"), which a reader who moves to it meets first
 * (MicrosoftDocs/azure-docs#98525). One finding per command line, on the first such option.
 */
function sharedCommandHit(doc: LintDocument, command: AzCommandInfo, argv: string[], words: ReadonlyArray<{ line: number; column: number }>): Omit<RuleHit, 'stepId'> | undefined {
  const variant = pageVariant(doc, command);
  const retired = variant ? RETIRED[variant.install.name] : undefined;
  if (!variant || !retired || retired.ended > today()) return undefined;
  const successor = azCommandAs(command, retired.successor);
  if (!successor) return undefined;
  const mine = readAzArgv(argv, variant.command);
  const theirs = readAzArgv(argv, successor);
  const refused = new Set(unrecognized(theirs));
  const only = mine.options.filter((o) => o.lookup.kind === 'parameter' && o.lookup.parameter.extension === variant.install.name && refused.has(o.at));
  const first = only[0];
  if (!first || first.lookup.kind !== 'parameter') return undefined;
  const at = words[first.at + 1];
  // What the successor's argparse prints first: a missing required argument (--name/-n) comes before the unrecognized ones.
  const error = azArgumentError(argv, theirs) ?? `unrecognized arguments: ${first.written}`;
  const options = only.map((o) => o.written).join(', ');
  return {
    line: at?.line ?? 1,
    column: at?.column ?? 1,
    message: `"az ${command.path}" ${options} ${only.length > 1 ? 'are options' : 'is an option'} only ${variant.install.name}, the retired ${retired.what.replace(/^the /, '')}, takes (support ended on ${retired.ended}): the ${retired.successor} extension that replaces it defines the same command without ${only.length > 1 ? 'them' : 'it'}, and az stops with "${error}". Write the command for ${retired.successor} (see az ${command.path} --help with ${retired.successor} installed; a reader who followed the v1 form reported it: https://github.com/MicrosoftDocs/azure-docs/issues/98525).`,
    suggestion: retired.successor,
  };
}

export const azExtensionRetired: Rule = {
  id: 'az-extension-retired',
  name: 'AzExtensionRetired',
  severity: 'warning',
  shortDescription: 'The page installs or uses an Azure CLI extension whose support has ended (the Azure Machine Learning CLI v1, azure-cli-ml).',
  fullDescription:
    'Support for the Azure Machine Learning CLI v1 extension (azure-cli-ml) ended on 30 September 2025: "Support for CLI v1 ended on September 30, 2025. Microsoft will no longer provide technical support or updates for this service. Your existing workflows using CLI v1 will continue to operate after the end-of-support date. However, they could be exposed to security risks or breaking changes" (Learn, MicrosoftDocs/azure-ai-docs articles/machine-learning/includes/machine-learning-cli-v1-deprecation.md); the az reference of the extension says "Azure ML CLI v1 is getting retired on September 30, 2025. Users are recommended to adopt CLI v2" (MicrosoftDocs/azure-docs-cli ml[v1].yml). The v1 and v2 (ml) extensions define the same az ml group and are not compatible (Learn, the v1 introduction), and v2 takes other arguments (az ml workspace create -n, not -w: a reader who followed the v1 form on the workspace page reported it, MicrosoftDocs/azure-docs#98525). Reported: az extension add/update --name azure-cli-ml; on a page that installs it, the options of a command both extensions define that only azure-cli-ml takes (az ml workspace create -w, refused by ml with "unrecognized arguments"); and the commands only azure-cli-ml defines (az ml run submit-script, az ml folder attach, az ml computetarget …, az ml model deploy …), by the generated command table. An end of support dated after the day the lint runs is not reported.',
  help: 'Move the page to the ml (v2) extension: az extension add -n ml, then the v2 commands with YAML job and resource files (Learn "Upgrade to v2", https://aka.ms/migrateamlv2).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      const words = azPathWords(az.words.slice(1).map((w) => w.value));
      const verb = words.join(' ');
      if (verb === 'extension add' || verb === 'extension update') {
        const value = azOption(az, '--name', '-n')?.value;
        const retired = value ? RETIRED[value.value.toLowerCase()] : undefined;
        if (!value || !retired || retired.ended > today()) continue;
        hits.push({ line: value.line, column: value.column, stepId: command.step.id, message: message(value.value, retired, 'the page installs'), suggestion: retired.successor });
        continue;
      }
      const found = findCommand(words);
      if (found.kind !== 'command' || found.command.source.kind !== 'extension') continue;
      const shared = sharedCommandHit(doc, found.command, argvOf(az.words), az.words);
      if (shared) {
        hits.push({ ...shared, stepId: command.step.id });
        continue;
      }
      const extension = found.command.source.extension;
      const retired = extension ? RETIRED[extension] : undefined;
      if (!extension || !retired || retired.ended > today() || found.command.alsoIn.includes(retired.successor)) continue;
      const word = az.words[1];
      hits.push({
        line: word?.line ?? command.step.source.startLine,
        column: word?.column ?? 1,
        stepId: command.step.id,
        message: message(extension, retired, `"az ${found.command.path}" is a command of`),
      });
    }
    return hits;
  },
};
