// "The URL is case-sensitive … the uppercase G in resourceGroups": ARM paths are not.
import type { Rule, RuleHit } from '../rule.ts';

const CLAIM = /case[- ]sensitive/i;
// "URL-safe" (or URL-encoded) is a property of a value, not a URL: "External key identifiers are case-sensitive
// and must be URL-safe" speaks of an external HSM's key names, which ARM does not match (azure-security-docs
// @1c4310be managed-hsm/external-key-management-troubleshooting.md:135 was told ARM URLs are not case-sensitive).
const ABOUT_ARM = /\b(URL(?![-\u2011 ](?:safe|encod))|resource ?groups?|resourceGroup)/i;
/** The sentences of a line: the claim and what it is about must share one. */
const sentences = (text: string): string[] => text.split(/(?<=[.;!?])\s+(?=[A-Z`*"(\[])|\s\|\s/);

export const proseCaseSensitiveClaim: Rule = {
  id: 'prose-case-sensitive-claim',
  name: 'ProseCaseSensitiveClaim',
  severity: 'warning',
  shortDescription: 'The prose claims an Azure Resource Manager URL is case-sensitive.',
  fullDescription:
    'ARM matches path segments and resource names case-insensitively: the Azure CLI itself requests ".../resourcegroups/<rg>" in lower case, ARM answers with the canonical casing in "id", and the MSI provider returns ids with "resourcegroups". A note asking readers to respect "the uppercase G in resourceGroups" or the resource group\'s exact case sends them after a problem that does not exist.',
  help: 'Remove the note, or say that ARM paths and names are case-insensitive (only the values you read back keep their stored casing).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (let n = 1; n <= doc.lineCount; n++) {
      const text = doc.line(n);
      if (!doc.isProse(n) || !CLAIM.test(text) || !sentences(text).some((s) => CLAIM.test(s) && ABOUT_ARM.test(s))) continue;
      hits.push({
        line: n,
        column: text.search(CLAIM) + 1,
        message: `this note says the Resource Manager URL is case-sensitive${/uppercase/i.test(text) ? ' and insists on an uppercase letter in resourceGroups' : ''}, but ARM matches path segments and resource group names case-insensitively (az itself sends "resourcegroups"). Remove the note or say that case does not matter.`,
      });
    }
    return hits;
  },
};
