// A workflow step uses one of GitHub's own actions at a version GitHub refuses: a major it retired
// (upload-artifact and download-artifact v1-v3, cache v1-v2: the run is failed before any step
// starts), or a ref written without its "v" (actions/setup-java@3: no such tag, the runner cannot
// resolve it). Either way the job never runs. The table is src/reference/github-actions-refused.json.
import type { Rule, RuleHit } from '../rule.ts';
import { workflowSteps } from '../workflow-steps.ts';
import { retirementOf } from '../../reference/github-actions-refused.ts';

export const workflowActionRefused: Rule = {
  id: 'workflow-action-refused',
  name: 'WorkflowActionRefused',
  severity: 'error',
  shortDescription: 'A GitHub Actions step uses actions/<name> at a version GitHub refuses (a retired major, or a ref without its "v").',
  fullDescription:
    'GitHub fails every workflow run that references a retired major of its artifact and cache actions, before any step runs, even in a step whose if: is false (GitHub changelog 2024-02-13 "Deprecation notice: v1 and v2 of the artifact actions", failing since 30 June 2024; 2024-04-16 "Deprecation notice: v3 of the artifact actions", failing since 30 January 2025; 2024-12-05 "actions/cache v1-v2 … closing down", failing since 1 March 2025). The run shows: "This request has been automatically failed because it uses a deprecated version of `actions/upload-artifact: v3`" (quoted by readers: microsoft/security-devops-action#132, AzureCosmosDB/data-migration-desktop-tool#167, microsoft/sample-app-aoai-chatGPT#1298 for an App Service workflow; anacrolix/torrent#999 for actions/cache). Every release tag of GitHub\'s own actions starts with "v" (actions/setup-java has v1 … v5.0.0 and no tag or branch of digits only), so a ref like actions/setup-java@3 names nothing and the runner stops while preparing the job: "Unable to resolve action `actions/setup-java@3`, unable to find version `3`" (the runner\'s message as DeLaGuardo/setup-graalvm#14 quotes it for @3). Dates are judged against the table\'s asOf day (src/reference/github-actions-refused.json), not the clock. Only actions of the actions/ organisation are judged.',
  help: 'Use the current major (actions/upload-artifact@v4 with actions/download-artifact@v4, actions/cache@v4), and write refs with their "v" (actions/setup-java@v3).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const step of workflowSteps(doc)) {
      const uses = step.uses;
      if (!uses || !/^actions\//i.test(uses.action)) continue;
      const retired = retirementOf(uses.action, uses.ref);
      if (retired) {
        hits.push({
          line: uses.line,
          column: uses.column,
          message: `${uses.action}@${uses.ref} is a retired major: since ${retired.failingSince} GitHub fails every run of a workflow that references it, before any step starts ("This request has been automatically failed because it uses a deprecated version of \`${uses.action}: ${uses.ref}\`"; ${retired.announcement}). Use ${uses.action}@${retired.use}${/artifact/.test(uses.action) ? ' (move upload-artifact and download-artifact together: download-artifact@v4 does not download artifacts that v3 or earlier uploaded)' : ''}.`,
        });
        continue;
      }
      if (/^\d+(\.\d+){0,2}$/.test(uses.ref)) {
        hits.push({
          line: uses.line,
          column: uses.column,
          message: `${uses.action}@${uses.ref}: GitHub's own actions tag their releases with a "v" (v${uses.ref}), and no tag or branch is named "${uses.ref}", so the runner stops before the job starts: "Unable to resolve action \`${uses.action}@${uses.ref}\`, unable to find version \`${uses.ref}\`". Write ${uses.action}@v${uses.ref}.`,
        });
      }
    }
    return hits;
  },
};
