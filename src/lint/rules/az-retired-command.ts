// An az command that left the Azure CLI reference (deprecated or removed): az may still run it, so
// this is a warning with the day it left and what its last entry said to use, never an error.
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';
import { eachAzInPowerShell } from '../powershell-az.ts';
import { azStatus, retiredMessage, type AzStatus } from '../../reference/az-status.ts';
import { azCommand } from '../../reference/az-table.ts';

/**
 * The replacement to write, when it is a command of the reference. The table leads a group's rename to
 * the command of the new group (`cosmosdb dts copy` → `cosmosdb copy create`, scripts/az-reference-history.ts)
 * or, when it cannot tell which, to the new group itself (`spring-cloud connection create x` → `spring`):
 * a group is named as what the entry said, never written as a command.
 */
const writeInstead = (status: Extract<AzStatus, { kind: 'retired' }>): string | undefined => {
  const r = status.retired.replacement;
  return r && azCommand(r) ? r : undefined;
};
const message = (status: Extract<AzStatus, { kind: 'retired' }>): string => {
  const r = writeInstead(status);
  return `${retiredMessage(status.retired)}.${r ? ` Write "az ${r}".` : ''}`;
};

export const azRetiredCommand: Rule = {
  id: 'az-retired-command',
  name: 'AzRetiredCommand',
  severity: 'warning',
  shortDescription: 'An az command that is no longer in the Azure CLI reference.',
  fullDescription:
    'The Azure CLI reference stopped listing the command (its git history says when). The CLI hides deprecated commands before it removes them, so the command may still run, with a deprecation warning, or may be gone: a reader cannot find it in the documentation either way. az commands written in a PowerShell fence (backtick continuations) are judged by their command path too: a reader of azure-docs how-to-container-copy.md reported `az cosmosdb dts copy` failing with "unrecognized arguments" (MicrosoftDocs/azure-docs#105003) before the dts group left the reference.',
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
        message: message(status),
        ...(writeInstead(status) ? { suggestion: `az ${writeInstead(status)}` } : {}),
      });
    }
    for (const { step, path, where } of eachAzInPowerShell(doc)) {
      const status = azStatus(path);
      if (status.kind !== 'retired') continue;
      hits.push({ ...where, stepId: step.id, message: message(status) });
    }
    return hits;
  },
};
