// defect: a precision sweep (MicrosoftDocs/azure-management-docs @d923d588, articles/container-registry/
// container-registry-tasks-multi-step.md:17) — "If you previously created tasks during the preview with the
// `az acr build-task` command, those tasks need to be re-created". prose-az-command-unknown told the reader to
// "Write `az acr build`": the sentence names the preview's command on purpose, as history.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const FILE = 'tests/lint/fixtures/real/container-registry-tasks-multi-step.excerpt.md';

describe('prose-az-command-unknown: a sentence about the past', () => {
  it('is silent on a command the prose names as what was used before', () => {
    expect(ruleFindings('prose-az-command-unknown', FILE)).toEqual([]);
  });
  it('still reports the same name given as an instruction', () => {
    const text = readRepoFile(FILE).replace('If you previously created tasks during the preview with the `az acr build-task` command, those tasks need to be re-created', 'Create the task with the `az acr build-task` command');
    expect(ruleFindings('prose-az-command-unknown', FILE, text).map((f) => f.message)).toEqual([expect.stringMatching(/`az acr build-task`/)]);
  });
});
