// `az extension update --name X` given as the way to get an extension the page never installs.
// az updates only an installed extension: for one that is not installed it stops with "The extension
// X is not installed." (azure-cli core extension/operations.py update_extension, pinned by
// test_update_extension_not_found); `az extension add --name X` installs it, `--upgrade` also updates.
import type { Rule, RuleHit } from '../rule.ts';
import type { LintDocument } from '../document.ts';
import { eachAz } from '../each.ts';
import { azOption } from '../commands.ts';
import { codeFences, fenceAt } from '../fences.ts';

/** The last prose line before a code block (the sentence that leads the reader into it). */
function leadIn(doc: LintDocument, line: number): string {
  const fence = fenceAt(codeFences(doc), line);
  for (let n = (fence?.open ?? line) - 1, seen = 0; n >= 1 && seen < 6; n--, seen++) {
    const text = doc.line(n).trim();
    if (text === '' || !doc.isProse(n)) continue;
    return text;
  }
  return '';
}

function escaped(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const azExtensionUpdateNotInstalled: Rule = {
  id: 'az-extension-update-not-installed',
  name: 'AzExtensionUpdateNotInstalled',
  severity: 'warning',
  shortDescription: 'az extension update is given to install an extension that no earlier step adds: az updates only an installed extension.',
  fullDescription:
    'az extension update --name X upgrades an extension that is already installed; for a reader who does not have it, az stops with "The extension X is not installed." (Azure/azure-cli src/azure-cli-core/azure/cli/core/extension/operations.py update_extension, pinned by test_update_extension_not_found in tests/latest/test_extension_commands.py; reported on an AKS page in MicrosoftDocs/azure-docs#42219). The rule fires when no earlier step runs az extension add --name X and the sentence leading into the block tells the reader to install it, or the page never says X must already be installed. Silent when an earlier az extension add names X, or the lead-in says "if you already have it installed".',
  help: 'Install it with az extension add --name X (add --upgrade to update an existing install in the same step), then az extension update if wanted.',
  check(doc) {
    const hits: RuleHit[] = [];
    const added: { name: string; line: number }[] = [];
    const azs = eachAz(doc);
    for (const { command, az } of azs) {
      if (az.path.join(' ') !== 'extension add') continue;
      const name = azOption(az, '--name', '-n')?.value?.value;
      if (name) added.push({ name: name.toLowerCase(), line: command.step.source.startLine });
    }
    let prose = '';
    for (let n = 1; n <= doc.lineCount; n++) if (doc.isProse(n)) prose += doc.line(n) + '\n';
    for (const { command, az } of azs) {
      if (az.path.join(' ') !== 'extension update') continue;
      const value = azOption(az, '--name', '-n')?.value;
      if (!value || /^[<$]/.test(value.value)) continue;
      const name = value.value;
      const line = command.step.source.startLine;
      if (added.some((a) => a.name === name.toLowerCase() && a.line < line)) continue;
      const lead = leadIn(doc, line);
      if (/\balready\b|\bif you (?:have|use)\b/i.test(lead)) continue;
      const x = escaped(name);
      // The prose installs it by name (inline `az extension add --name X`) or says it must already be installed.
      if (new RegExp(`az extension add\\b[^\\n]*\\b${x}\\b`, 'i').test(prose)) continue;
      const saysInstall = /\binstall/i.test(lead);
      const mustBeInstalled = new RegExp(`\\b${x}\\b[^.\\n]{0,60}\\b(?:is|be|already)\\s+installed\\b|\\balready\\b[^.\\n]{0,40}\\binstalled\\b[^.\\n]{0,40}\\b${x}\\b`, 'i').test(prose);
      if (!saysInstall && mustBeInstalled) continue;
      hits.push({
        line: value.line,
        column: value.column,
        stepId: command.step.id,
        message: `az extension update only updates an installed extension, and no earlier step installs ${name}${saysInstall ? ` (the sentence before this block presents it as the install step: "${lead.length > 90 ? lead.slice(0, 87) + '…' : lead}")` : ''}: for a reader who does not have it yet az stops with "The extension ${name} is not installed." Install it first with az extension add --name ${name} (add --upgrade to update an existing install in the same step).`,
        suggestion: `az extension add --name ${name} --upgrade`,
      });
    }
    return hits;
  },
};
