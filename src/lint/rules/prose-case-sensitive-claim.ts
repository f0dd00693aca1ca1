// "The URL is case-sensitive … the uppercase G in resourceGroups": ARM paths are not.
import type { Rule, RuleHit } from '../rule.ts';

const CLAIM = /case[- ]sensitive/i;
const ABOUT_ARM = /\b(URL|resource ?groups?|resourceGroup)/i;

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
      if (!doc.isProse(n) || !CLAIM.test(text) || !ABOUT_ARM.test(text)) continue;
      hits.push({
        line: n,
        column: text.search(CLAIM) + 1,
        message: `this note says the Resource Manager URL is case-sensitive${/uppercase/i.test(text) ? ' and insists on an uppercase letter in resourceGroups' : ''}, but ARM matches path segments and resource group names case-insensitively (az itself sends "resourcegroups"). Remove the note or say that case does not matter.`,
      });
    }
    return hits;
  },
};
