// An az command the Azure CLI reference marks deprecated with a replacement (`az webapp up`: "Use
// 'webapp create and webapp deploy' instead"). az still runs it, after a deprecation warning, so the
// page works today and is stale: a warning naming the replacement. Deprecations that name no
// replacement are left alone: the CLI also uses the mechanism for plain warnings (az keyvault
// secret delete's soft-delete notice), which say nothing about the command going away.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { azStatus } from '../../reference/az-status.ts';
import { azTableAbout } from '../../reference/az-table.ts';

export const azDeprecatedCommand: Rule = {
  id: 'az-deprecated-command',
  name: 'AzDeprecatedCommand',
  severity: 'warning',
  shortDescription: 'An az command that the Azure CLI reference marks deprecated, with the command to use instead.',
  fullDescription:
    'The Azure CLI marks a command deprecated (status: Deprecated, isDeprecated: true in its reference entry) before it removes it; until then az runs it after printing "This command has been deprecated and will be removed in a future release. Use \'<replacement>\' instead." A page built on such a command (az webapp up, deprecated for az webapp create and az webapp deploy) works today and breaks on the release that removes it. Only deprecations that name a replacement are reported: the CLI also marks commands deprecated to print an unrelated warning (az keyvault secret delete, about soft delete).',
  help: 'Use the command the deprecation names (the finding says which), e.g. az webapp create then az webapp deploy instead of az webapp up.',
  check(doc) {
    const hits: RuleHit[] = [];
    const { commit } = azTableAbout();
    for (const { command, az } of eachAz(doc)) {
      const status = azStatus(az.words.slice(1).map((w) => w.value));
      if (status.kind !== 'command' || !status.command.deprecated || !status.command.replacement) continue;
      const { path, replacement } = status.command;
      const word = az.words[path.split(' ').length] ?? az.words[1];
      hits.push({
        line: word?.line ?? command.step.source.startLine,
        column: word?.column ?? 1,
        stepId: command.step.id,
        message: `"az ${path}" is deprecated (Azure CLI reference, MicrosoftDocs/azure-docs-cli @${commit.slice(0, 12)}): az still runs it after warning "This command has been deprecated and will be removed in a future release. Use '${replacement}' instead." Use az ${replacement.replace(/ and /g, ' and az ')}.`,
      });
    }
    return hits;
  },
};
