// An option the az command does not have (or an abbreviation that could mean several): argparse
// stops with "unrecognized arguments" (or "ambiguous option") before anything runs. Read against the
// command table; look-alike dashes are lookalike-dash-in-flag's, placeholders are not judged.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { azOptionNames, readAzArgv, unrecognized } from '../../reference/az-args.ts';
import { pageVariant, sideLoadedCaveat, sideLoadedExtensions } from '../installed-extensions.ts';

const PLACEHOLDER = /[<>{}$[\]`]/;
/** A long option name written with one dash: `-hub-name`, `-resource-group`. */
const ONE_DASH_LONG = /^-([a-z][a-z0-9]*(?:-[a-z0-9]+)+)$/i;

export const azUnknownParameter: Rule = {
  id: 'az-unknown-parameter',
  name: 'AzUnknownParameter',
  severity: 'error',
  shortDescription: 'An az option that the command does not have, or an abbreviation that matches several.',
  fullDescription:
    'az reads its options with Python\'s argparse: an option the command does not define (per the Azure CLI reference) ends the command with "unrecognized arguments: …" and an abbreviation of several options with "ambiguous option: --x could match …", before any request is made. Options that were removed or renamed (az role assignment create --resource-group) fail the same way. Where the page installs an extension from a file or URL (az extension add --source …), which the reference does not describe and which may redefine core commands (the appservice-kube wheel of the Azure Arc quickstarts adds --custom-location to az webapp create and az functionapp create: Azure/azure-cli-extensions src/appservice-kube/azext_appservice_kube/_params.py), the finding is a warning. Where only extensions define a command and the page installs one of them (az extension add -n ml), an option only another extension\'s definition takes is reported as a warning: az ml workspace create -w is the Machine Learning CLI v1\'s (azure-cli-ml), and the v2 ml extension stops with "unrecognized arguments: -w" (a reader\'s report: https://github.com/MicrosoftDocs/azure-docs/issues/98525; both definitions in MicrosoftDocs/azure-docs-cli docs-ref-autogen/Latest-version/latest/ml[v1]/workspace.yml and ml/workspace.yml). A page that installs neither, or both, is read against both. A long option written with one dash (-hub-name for --hub-name: a reader\'s report, https://github.com/MicrosoftDocs/azure-docs/issues/8921) is read by argparse as the short option of its first letter followed by the rest of the word, never as the long option: a warning, since what az then says depends on which short options the command has.',
  help: 'Use the option the command\'s reference lists (az <command> --help), written in full.',
  check(doc) {
    const hits: RuleHit[] = [];
    // An extension installed from a file or URL may add options the reference does not list.
    const sideLoaded = sideLoadedExtensions(doc)[0];
    for (const { command, az } of eachAz(doc)) {
      const found = az.read.found;
      if (found.kind !== 'command') continue;
      // An extension's reference entry may lag the extension: a warning there.
      const severity = found.command.source.kind === 'extension' || sideLoaded ? { severity: 'warning' as const } : {};
      const caveat = sideLoaded ? sideLoadedCaveat(sideLoaded) : '';
      const stray = new Set(unrecognized(az.read));
      for (const o of az.options) {
        if (!/^--?[A-Za-z]/.test(o.name) || PLACEHOLDER.test(o.name)) continue;
        // `-hub-name` for --hub-name (a reader's report: https://github.com/MicrosoftDocs/azure-docs/issues/8921):
        // argparse reads a one-dash word as the short option its first letter names (-h) with the rest
        // as its value or further short flags, never as the long option. Where no short option matches,
        // the word is unrecognized (the error below says so).
        const oneDash = o.lookup.kind === 'unknown' ? null : ONE_DASH_LONG.exec(o.nameWord.value);
        const long = oneDash ? found.command.parameters.flatMap((p) => p.names).find((n) => n.toLowerCase() === `--${(oneDash[1] as string).toLowerCase()}`) : undefined;
        if (long) {
          hits.push({ line: o.nameWord.line, column: o.nameWord.column, stepId: command.step.id, severity: 'warning', message: `${o.nameWord.value} is written with one dash: argparse reads a one-dash word as the short option ${o.nameWord.value.slice(0, 2)} followed by "${o.nameWord.value.slice(2)}", not as ${long}, so az does not get ${long} (it stops with an argument error, or gives the value to another option). Write ${long}.`, suggestion: long });
          continue;
        }
        const at = az.read.options.find((r) => az.words[r.at + 1] === o.nameWord);
        if (o.lookup.kind === 'ambiguous') {
          hits.push({ line: o.nameWord.line, column: o.nameWord.column, stepId: command.step.id, ...severity, message: `az stops with "ambiguous option: ${o.lookup.written} could match ${o.lookup.candidates.join(', ')}" (argparse abbreviations must be unique). Write the option in full.${caveat}` });
        } else if (o.lookup.kind === 'unknown' && at && stray.has(at.at)) {
          hits.push({ line: o.nameWord.line, column: o.nameWord.column, stepId: command.step.id, ...severity, message: `${sideLoaded ? 'Without an extension that adds it, ' : ''}'az ${found.command.path}' has no option ${o.name}: az stops with "unrecognized arguments: ${o.name}${o.value ? ` ${o.value.value}` : ''}". See az ${found.command.path} --help for the options it takes.${caveat}` });
        }
      }
      // Only extensions define the command and the page installs one of them: an option only another
      // one's definition has is unknown to the command the reader runs (a warning: extension reference).
      const variant = pageVariant(doc, found.command);
      if (!variant) continue;
      const as = readAzArgv(az.words.slice(1).map((w) => w.value), variant.command);
      const strayAs = new Set(unrecognized(as));
      for (const o of as.options) {
        const union = az.options.find((u) => u.nameWord === az.words[o.at + 1]);
        if (!union || union.lookup.kind !== 'parameter' || o.lookup.kind !== 'unknown' || !strayAs.has(o.at) || PLACEHOLDER.test(union.name)) continue;
        const other = union.lookup.parameter;
        hits.push({
          line: union.nameWord.line,
          column: union.nameWord.column,
          stepId: command.step.id,
          severity: 'warning',
          message: `The page installs the ${variant.install.name} extension (line ${variant.install.line}), whose 'az ${found.command.path}' has no option ${union.name} (only the ${other.extension ?? 'other'} extension's definition takes ${azOptionNames(other)}): az stops with "unrecognized arguments: ${union.name}${union.value ? ` ${union.value.value}` : ''}". See az ${found.command.path} --help with ${variant.install.name} installed for the options it takes.`,
        });
      }
    }
    return hits;
  },
};
