// az commands the Azure CLI's history proves removed (src/reference/az-status.ts REMOVED_AZ_COMMANDS).
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { azStatus } from '../../reference/az-status.ts';
import { fixOf, replaceWord, withFix } from '../fix.ts';
import type { Fix } from '../finding.ts';
import type { LintDocument } from '../document.ts';
import type { ShellWord } from '../../parse/shell-words.ts';

export const azRemovedCommand: Rule = {
  id: 'az-removed-command',
  name: 'AzRemovedCommand',
  severity: 'error',
  shortDescription: 'An az command has been removed or renamed.',
  fullDescription:
    'The Azure CLI renamed the identity commands in 2018 ("az vm assign-identity" became "az vm identity assign", Azure/azure-cli PR #5744) and removed the old names after two releases. A current CLI stops with "\'assign-identity\' is misspelled or not recognized by the system."',
  help: 'Use the current command name, e.g. az vm identity assign -g <RG> -n <VM> --identities <ID>.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      const status = azStatus(az.words.slice(1).map((w) => w.value));
      if (status.kind !== 'removed') continue;
      const n = status.path.split(' ').length;
      const word = az.words[n] ?? az.words[0];
      const last = status.path.split(' ').at(-1) ?? status.path;
      hits.push({
        line: word?.line ?? command.step.source.startLine,
        column: word?.column ?? 1,
        stepId: command.step.id,
        message: `"az ${status.path}" was ${status.history}: a current CLI answers "'${last}' is misspelled or not recognized by the system". Write "az ${status.replacement}".`,
        suggestion: `az ${status.replacement}`,
        ...withFix(status.sameArguments ? renameFix(doc, status.path, status.replacement, az.words) : undefined),
      });
    }
    return hits;
  },
};

/**
 * The command words that differ, replaced by the new ones (`assign-identity` → `identity assign`),
 * when the old name's differing part is one plain word; the options stay as written.
 */
function renameFix(doc: LintDocument, old: string, replacement: string, words: readonly ShellWord[]): Fix | undefined {
  const from = old.split(' ');
  const to = replacement.split(' ');
  let same = 0;
  while (same < from.length && from[same] === to[same]) same++;
  if (from.length - same !== 1) return undefined;
  const word = words[1 + same];
  if (word === undefined || word.raw !== from[same]) return undefined;
  return fixOf(`rename the command: az ${replacement}`, [replaceWord(doc, word, to.slice(same).join(' '))]);
}
