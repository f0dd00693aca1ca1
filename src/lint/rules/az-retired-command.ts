// An az command that left the Azure CLI reference (deprecated or removed): az may still run it, so
// this is a warning with the day it left and what its last entry said to use, never an error.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { azStatus, retiredMessage } from '../../reference/az-status.ts';

export const azRetiredCommand: Rule = {
  id: 'az-retired-command',
  name: 'AzRetiredCommand',
  severity: 'warning',
  shortDescription: 'An az command that is no longer in the Azure CLI reference.',
  fullDescription:
    'The Azure CLI reference stopped listing the command (its git history says when). The CLI hides deprecated commands before it removes them, so the command may still run, with a deprecation warning, or may be gone: a reader cannot find it in the documentation either way.',
  help: 'Use the command its last reference entry named (the finding says which), or the current equivalent.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      const status = azStatus(az.words.slice(1).map((w) => w.value));
      if (status.kind !== 'retired') continue;
      const word = az.words[1];
      hits.push({
        line: word?.line ?? command.step.source.startLine,
        column: word?.column ?? 1,
        stepId: command.step.id,
        message: `${retiredMessage(status.retired)}.${status.retired.replacement ? ` Write "az ${status.retired.replacement}".` : ''}`,
        ...(status.retired.replacement ? { suggestion: `az ${status.retired.replacement}` } : {}),
      });
    }
    return hits;
  },
};
