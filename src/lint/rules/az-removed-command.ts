// az commands that no longer exist.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { REMOVED_AZ_COMMANDS } from '../azure-facts.ts';
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
    'The Azure CLI renamed the identity commands in 2018 ("az vm assign-identity" became "az vm identity assign") and removed the old names after two releases. A current CLI stops with "\'assign-identity\' is misspelled or not recognized by the system."',
  help: 'Use the current command name, e.g. az vm identity assign -g <RG> -n <VM> --identities <ID>.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      for (const [old, info] of Object.entries(REMOVED_AZ_COMMANDS)) {
        const parts = old.split(' ');
        if (parts.every((p, i) => az.path[i] === p)) {
          const word = az.words[parts.length] ?? az.words[0];
          const last = parts[parts.length - 1] ?? old;
          hits.push({
            line: word?.line ?? command.step.source.startLine,
            column: word?.column ?? 1,
            stepId: command.step.id,
            message: `"az ${old}" was ${info.history}: a current CLI answers "'${last}' is misspelled or not recognized by the system". Write "az ${info.replacement}".`,
            suggestion: `az ${info.replacement}`,
            ...withFix(info.sameArguments ? renameFix(doc, old, info.replacement, az.words) : undefined),
          });
        }
      }
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
