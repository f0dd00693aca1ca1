// "Use the Azure CLI [az keyvault-set-policy](…) cmdlet": the prose names an az command that does
// not exist, one slip away from a real one. Readers type what the prose says. Read against the
// command table; only a name the table can correct is reported (a word az does not know with no
// near command may be another tool's, or a command the page defines).
import type { Rule, RuleHit } from '../rule.ts';
import { findCommand, retiredCommand, suggest } from '../../reference/az-table.ts';

// `az …` in inline code, or [az …] as a link's text.
const MENTION = /(?:`az ([a-z0-9][\w-]*(?: [a-z0-9][\w-]*)*)`|\[az ([a-z0-9][\w-]*(?: [a-z0-9][\w-]*)*)\])/g;
// A sentence about the past ("If you previously created tasks during the preview with the `az acr
// build-task` command, those tasks need to be re-created", azure-management-docs @d923d588
// container-registry-tasks-multi-step.md): it names a command that is gone on purpose, not one to type.
const PAST = /\b(?:previously|formerly|used to|no longer|deprecated|retired|removed|replaced|renamed|legacy|during the preview|older versions?|earlier versions?)\b/i;

export const proseAzCommandUnknown: Rule = {
  id: 'prose-az-command-unknown',
  name: 'ProseAzCommandUnknown',
  severity: 'warning',
  shortDescription: 'The prose names an az command that does not exist, a slip away from a real one.',
  fullDescription:
    'A reader who types the command the prose names (`az keyvault-set-policy`) gets az\'s "\'keyvault-set-policy\' is misspelled or not recognized by the system." The command table generated from the Azure CLI reference (MicrosoftDocs/azure-docs-cli) lists every command; the finding names the real one the words are closest to (the same words with another hyphenation or order, or a one-letter slip). A sentence about the past (previously, during the preview, deprecated, replaced…) names a gone command on purpose and is not reported.',
  help: 'Name the command as the Azure CLI reference spells it, e.g. az keyvault set-policy.',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    for (let n = 1; n <= doc.lineCount; n++) {
      if (!doc.isProse(n) || PAST.test(doc.line(n))) continue;
      for (const m of doc.line(n).matchAll(MENTION)) {
        const words = (m[1] ?? m[2] ?? '').split(' ');
        if (findCommand(words).kind !== 'unknown' || retiredCommand(words)) continue;
        const near = suggest(words, 1)[0];
        if (!near) continue;
        const written = `az ${words.join(' ')}`;
        hits.push({
          line: n,
          column: (m.index ?? 0) + 2,
          message: `the prose names \`${written}\`, which the Azure CLI does not have (az answers "'${words.find((w, i) => findCommand(words.slice(0, i + 1)).kind === 'unknown') ?? words[0]}' is misspelled or not recognized by the system."). Write \`az ${near.path}\`.`,
          suggestion: `az ${near.path}`,
        });
      }
    }
    return hits;
  },
};
