// A workflow step uses an action without an input that the action stops without: actions/setup-java
// v2 and later read `distribution` as required (core.getInput(…, { required: true })), so a step with
// only java-version fails at once with "Input required and not supplied: distribution" and the
// build never runs. The inputs are src/reference/github-actions-refused.json (requiredInputs).
import type { Rule, RuleHit } from '../rule.ts';
import { workflowSteps } from '../workflow-steps.ts';
import { refMajor, refusedActions } from '../../reference/github-actions-refused.ts';

export const workflowActionInputMissing: Rule = {
  id: 'workflow-action-input-missing',
  name: 'WorkflowActionInputMissing',
  severity: 'error',
  shortDescription: 'A GitHub Actions step uses an action without an input the action requires (actions/setup-java@v2+ without distribution).',
  fullDescription:
    'Since v2, actions/setup-java reads its distribution input with core.getInput(constants.INPUT_DISTRIBUTION, { required: true }) (actions/setup-java src/setup-java.ts at tags v2, v3 and v4; v1 had no such input), and @actions/core throws "Input required and not supplied: distribution" when the workflow gives none, which the action reports as "Error: Input required and not supplied: distribution" (quoted by readers: meilisearch/meilisearch-java#514 for setup-java@v3 with java-version 1.8, googlemaps/android-maps-utils#944). The step fails, and so do the build and the deployment after it. A step is judged when it is in a whole workflow or shows its with: inputs; a ref that is not a v-tag (a branch, a SHA) is not judged.',
  help: 'Add the input under with: (for setup-java: distribution: \'temurin\', or the distribution you use).',
  check(doc) {
    const hits: RuleHit[] = [];
    const required = refusedActions().requiredInputs;
    for (const step of workflowSteps(doc)) {
      const uses = step.uses;
      if (!uses) continue;
      if (!step.inWorkflow && step.inputs === undefined) continue;
      const major = refMajor(uses.ref);
      if (major === undefined) continue;
      for (const r of required) {
        if (r.action.toLowerCase() !== uses.action.toLowerCase() || major < r.fromMajor) continue;
        if (step.inputs?.has(r.input)) continue;
        hits.push({
          line: uses.line,
          column: uses.column,
          message: `${uses.action}@${uses.ref} requires the input ${r.input} (${r.source.repo} ${r.source.path} reads it as required), and this step ${step.inputs ? 'does not give it' : 'has no with: inputs'}: the step stops with "${r.prints}", and the job with it. Add ${r.example} under with:.`,
        });
      }
    }
    return hits;
  },
};
