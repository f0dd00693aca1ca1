// A link whose text names an az command but points at the Azure PowerShell reference (or names a
// PowerShell cmdlet and points at the Azure CLI reference): the reader who follows it for the
// command's syntax lands on the other tool's page.
import type { Rule, RuleHit } from '../rule.ts';

const LINK = /\[([^\]]{1,120})\]\(([^)\s]+)[^)]*\)/g;
const AZ_TEXT = /^`?az\s+[a-z]/;
const CMDLET_TEXT = /^`?[A-Z][a-z]+-Az[A-Z]\w*`?$/;

export const linkReferenceMismatch: Rule = {
  id: 'link-reference-mismatch',
  name: 'LinkReferenceMismatch',
  severity: 'warning',
  shortDescription: "A link names an az command but points at the Azure PowerShell reference, or names a cmdlet and points at the Azure CLI's.",
  fullDescription:
    'Learn keeps the Azure CLI reference under /cli/azure/… and the Azure PowerShell reference under /powershell/module/…. A link written [az login](/powershell/module/az.accounts/connect-azaccount) sends the reader who wants az login\'s options to Connect-AzAccount, a cmdlet of another tool with other parameters.',
  help: 'Point an az command at its /cli/azure/… page (e.g. /cli/azure/reference-index#az-login) and a cmdlet at its /powershell/module/… page.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (let n = 1; n <= doc.lineCount; n++) {
      if (!doc.isProse(n)) continue;
      for (const m of doc.line(n).matchAll(LINK)) {
        const text = (m[1] as string).trim();
        const target = (m[2] as string).replace(/^https:\/\/(?:docs|learn)\.microsoft\.com(?:\/[a-z]{2}-[a-z]{2})?/i, '');
        const az = AZ_TEXT.test(text) && /^\/powershell\//i.test(target);
        const cmdlet = CMDLET_TEXT.test(text) && /^\/cli\/azure/i.test(target);
        if (!az && !cmdlet) continue;
        hits.push({
          line: n,
          column: (m.index ?? 0) + 1,
          message: az
            ? `The link "${text}" names an az command but points at the Azure PowerShell reference (${target}). Link the Azure CLI reference page of the command (under /cli/azure/).`
            : `The link "${text}" names an Azure PowerShell cmdlet but points at the Azure CLI reference (${target}). Link its /powershell/module/ page.`,
        });
      }
    }
    return hits;
  },
};
