// A built-in Azure Policy initiative looked up by a display name it no longer has: a filter such as
// Get-AzPolicySetDefinition | where {$_.Properties.displayName -EQ 'Azure Security Benchmark'} or
// az policy set-definition list --query "[?displayName=='Azure Security Benchmark']" matches nothing
// since the initiative became "Microsoft cloud security benchmark", so what the page assigns next is
// empty (a reader's report: MicrosoftDocs/azure-docs#117923). The renames come from the git history of
// Azure/azure-policy (src/reference/policy-initiative-renames.json).
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences, fenceLines } from '../fences.ts';
import { policyRenamesSource, renamedInitiative } from '../../reference/policy-initiative-renames.ts';

/** The line speaks of policy set definitions (initiatives) or of a display name. */
const POLICY_CONTEXT = /PolicySetDefinition|policy\s+set-definition|policySetDefinitions|displayName|display-name/i;
// Single and double quotes read apart: a JMESPath filter quotes the name inside the shell's quotes
// (--query "[?displayName=='Azure Security Benchmark']").
const QUOTED = [/'([^'\n]{3,200})'/g, /"([^"\n]{3,200})"/g];

export const policyInitiativeRenamed: Rule = {
  id: 'policy-initiative-renamed',
  name: 'PolicyInitiativeRenamed',
  severity: 'warning',
  shortDescription: 'Code looks a built-in policy initiative up by a display name Azure has since changed.',
  fullDescription:
    'Built-in Azure Policy initiatives (policy set definitions) are renamed over time: the Microsoft Defender for Cloud default initiative 1f3afdf9-d0c9-4c3d-847f-89da613e70a8 was "Azure Security Benchmark" until May 2023 and is "Microsoft cloud security benchmark" since (Azure/azure-policy built-in-policies/policySetDefinitions/Security Center/AzureSecurityCenter.json, commit 045719145fb9). Code that finds the initiative by its old display name (Get-AzPolicySetDefinition | where {$_.Properties.displayName -EQ \'Azure Security Benchmark\'}, az policy set-definition list --query "[?displayName==\'…\']") finds nothing, and the assignment that follows gets no initiative (reported by a reader: https://github.com/MicrosoftDocs/azure-docs/issues/117923). The renames are generated from the git history of Azure/azure-policy (scripts/generate-policy-renames.ts): every earlier display name of an initiative that is still built in, unless another current initiative has that name. Only a quoted name on a code line that speaks of policy set definitions or display names is read.',
  help: 'Use the initiative\'s current display name, or better its name (the GUID), which does not change: Get-AzPolicySetDefinition -Name <GUID>, az policy set-definition show --name <GUID>.',
  check(doc) {
    const hits: RuleHit[] = [];
    const source = policyRenamesSource();
    for (const fence of codeFences(doc)) {
      for (const { line, text } of fenceLines(doc, fence)) {
        if (!POLICY_CONTEXT.test(text)) continue;
        for (const m of QUOTED.flatMap((q) => [...text.matchAll(q)])) {
          const value = m[1] ?? '';
          const r = renamedInitiative(value);
          if (!r) continue;
          hits.push({
            line,
            column: (m.index ?? 0) + 2,
            message: `No built-in policy initiative is called "${value}" any more: Azure renamed it "${r.now}" (policy set definition ${r.id}; ${source.source.replace('https://github.com/', '')} ${r.path}, changed in ${r.commit} on ${r.date}). A lookup by the old display name finds nothing, so what the page assigns or reads next is empty. Use "${r.now}", or better the initiative's name ${r.id}, which does not change.`,
          });
        }
      }
    }
    return hits;
  },
};
