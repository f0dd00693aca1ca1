// A step of a whole GitHub Actions workflow has a key that no kind of step has: most often an input
// of the action written at the step's level, because `with:` stands empty and its inputs are not
// indented under it (client-id: … beside with:). GitHub's workflow parser refuses the file, so no
// job runs. The keys are src/reference/workflow-steps.json, generated from GitHub's workflow schema.
import { readFileSync } from 'node:fs';
import type { Rule, RuleHit } from '../rule.ts';
import { workflowSteps } from '../workflow-steps.ts';

interface StepSchema {
  about: { source: { repo: string; path: string; commit: string } };
  stepKeys: string[];
}

let schema: StepSchema | undefined;
const stepSchema = (): StepSchema =>
  (schema ??= JSON.parse(readFileSync(new URL('../../reference/workflow-steps.json', import.meta.url), 'utf8')) as StepSchema);

export const workflowStepUnknownKey: Rule = {
  id: 'workflow-step-unknown-key',
  name: 'WorkflowStepUnknownKey',
  severity: 'warning',
  shortDescription: 'A step of a GitHub Actions workflow has a key no step can have (often an action input beside an empty with:).',
  fullDescription:
    'GitHub reads a workflow file against its workflow schema (actions/languageservices workflow-parser/src/workflow-v1.0.json, the schema of GitHub\'s workflow parser): a step may only have name, id, if, uses, with, run, shell, working-directory, env, continue-on-error, timeout-minutes (and the keys of wait, cancel and parallel steps). A workflow whose step has another key is not valid, so GitHub runs none of its jobs. The usual cause on a page is an action input written at the step\'s level: `with:` left empty and client-id, tenant-id and subscription-id aligned with it instead of indented under it (a reader reported the OpenID Connect workflow of "Use GitHub Actions to deploy a static site to Azure Storage" as failing: MicrosoftDocs/azure-docs#115158, earlier #67569). Only whole workflows (top-level on and jobs) are judged, since an excerpt may be part of something else.',
  help: 'Indent the action\'s inputs under with:, or remove the key.',
  check(doc) {
    const hits: RuleHit[] = [];
    const known = new Set(stepSchema().stepKeys);
    const source = stepSchema().about.source;
    for (const step of workflowSteps(doc)) {
      if (!step.inWorkflow) continue;
      const unknown = step.keys.filter((k) => !known.has(k.name));
      if (unknown.length === 0) continue;
      const names = unknown.map((k) => k.name);
      const first = unknown[0]!;
      // with: present but empty, and the unknown keys come after it: the inputs lost their indentation.
      const underWith = step.withKey && step.inputs === undefined && unknown.every((k) => k.line > step.withKey!.line);
      const cause = underWith
        ? ` They read as inputs of the action written at the step's level: "with:" on line ${step.withKey!.line} is empty, so the action gets none of them. Indent ${names.join(', ')} under with:.`
        : ` Remove ${names.length > 1 ? 'them' : 'it'}, or move ${names.length > 1 ? 'them' : 'it'} where ${names.length > 1 ? 'they belong' : 'it belongs'} (an action input goes under with:, a variable under env:).`;
      hits.push({
        line: first.line,
        column: first.column,
        ...(unknown.length > 1 ? { endLine: unknown[unknown.length - 1]!.line } : {}),
        message: `${names.map((n) => `"${n}"`).join(', ')} ${names.length > 1 ? 'are not keys' : 'is not a key'} a workflow step can have (${source.repo} ${source.path} @${source.commit.slice(0, 12)}): GitHub refuses the workflow file and runs none of its jobs.${cause}`,
      });
    }
    return hits;
  },
};
