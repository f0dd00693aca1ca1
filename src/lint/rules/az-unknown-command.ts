// An az command path the Azure CLI does not know (src/reference/az-status.ts): az's own answer and
// the nearest real commands. A command that only left the reference is az-retired-command's (az may
// still run it); a group given as a command is a warning (az prints its help).
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { azStatus } from '../../reference/az-status.ts';

/** A path word the reader replaces (`az <command>`, `az $cmd`): nothing to judge. */
const PLACEHOLDER = /[<>{}$[\]`*]/;

export const azUnknownCommand: Rule = {
  id: 'az-unknown-command',
  name: 'AzUnknownCommand',
  severity: 'error',
  shortDescription: 'An az command that the Azure CLI does not know.',
  fullDescription:
    'The command path is neither a command nor a group of the Azure CLI (its reference, generated into src/reference/az-commands.json), and the reference never listed it: az stops with "\'<word>\' is misspelled or not recognized by the system." A command group given without a command only prints its help.',
  help: 'Use the command the reference lists (the finding names the nearest ones), e.g. az keyvault secret set.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      const argv = az.words.slice(1).map((w) => w.value);
      if (argv.length === 0 || argv.slice(0, az.read.pathLength).some((w) => PLACEHOLDER.test(w))) continue;
      const status = azStatus(argv);
      if (status.kind !== 'unknown' && status.kind !== 'group') continue;
      const word = status.kind === 'unknown' ? az.words[az.read.pathLength] : az.words[1];
      hits.push({
        line: word?.line ?? command.step.source.startLine,
        column: word?.column ?? 1,
        stepId: command.step.id,
        message: status.kind === 'unknown' ? `az stops here: ${status.message}` : `${status.message}.`,
        ...(status.kind === 'unknown' && status.suggestions[0] ? { suggestion: `az ${status.suggestions[0].path}` } : {}),
        ...(status.kind === 'group' ? { severity: 'warning' as const } : {}),
      });
    }
    return hits;
  },
};
