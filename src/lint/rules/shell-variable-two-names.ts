// One value named two ways across steps: a step uses $AKS_NAME, which nothing assigns, while the page
// assigns AKSNAME. bash variable names are exact and case-sensitive (bash(1), "Parameters"), so the
// other spelling expands to the empty string and the command runs without the value.
import type { Rule, RuleHit } from '../rule.ts';
import { assignedTwin, assignedVariables, bashVariableUses } from '../shell.ts';

export const shellVariableTwoNames: Rule = {
  id: 'shell-variable-two-names',
  name: 'ShellVariableTwoNames',
  severity: 'warning',
  shortDescription: 'A command uses a shell variable no step assigns, while the page assigns the same name spelt another way (case, "_", a "NAME" suffix).',
  fullDescription:
    'bash names are exact and case-sensitive (GNU bash manual, "Shell Parameters"): after AKSNAME="…" the variable $AKS_NAME is still unset and expands to the empty string, so "az aks update -n $AKS_NAME" runs without a name. Readers report these as the page naming one thing two ways (MicrosoftDocs/azure-docs: limit-egress-traffic.md AKS_NAME/AKSNAME fixed in 91bad3e; workload-identity-deploy-cluster.md FEDERATED_IDENTITY_CREDENTIAL/_NAME fixed in 41fbeb7). The rule fires when no step of the page assigns the used name and one assigns a twin: the same letters up to case, "_" and "-", or the same name with or without a "name" suffix. It is reported even when the prose lists the used spelling among the values to set, since the block the reader runs assigns the other one. Variables the page assigns (under any spelling it uses) and environment variables are silent; a variable with no twin is shell-unassigned-variable\'s.',
  help: 'Use one spelling: rename the use to the variable the page assigns (or the assignment to the name the later steps use).',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    const assigned = assignedVariables(doc);
    const reported = new Set<string>();
    for (const { name, command, word, offset } of bashVariableUses(doc)) {
      if (reported.has(name) || assigned.has(name)) continue;
      const twin = assignedTwin(doc, name, assigned);
      if (!twin) continue;
      reported.add(name);
      hits.push({
        line: word.line,
        column: word.column + offset,
        stepId: command.step.id,
        message: `$${name} is never assigned, but the page assigns ${twin.name} (line ${twin.line}): one value under two names. bash names are exact and case-sensitive, so $${name} expands to the empty string and this command runs without the value. Use one spelling ($${twin.name} here, or rename the assignment).`,
        suggestion: `$${twin.name}`,
      });
    }
    return hits;
  },
};
