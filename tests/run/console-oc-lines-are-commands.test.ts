// Regression from a precision sweep of never-seen Azure Arc pages (MicrosoftDocs/azure-management-docs
// @d923d588): tutorial-use-gitops-flux2.md's Red Hat OpenShift block is NS="flux-system" followed by six
// `oc adm policy add-scc-to-user …` lines in one console fence; the oc lines were read as the output the
// assignment should print, and the run said drift ("the response is \"\"; the example shows oc adm …").
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { pageVerdicts } from '../helpers/page-verdicts.ts';

const PAGE = readFileSync(new URL('../lint/fixtures/real/arc-tutorial-use-gitops-flux2.excerpt.md', import.meta.url), 'utf8');

describe('console-oc-lines-are-commands', () => {
  it('an assignment followed by oc commands is no drift: the oc lines are steps of their own', async () => {
    const steps = await pageVerdicts(PAGE, 'tc-oc-');
    expect(steps.map((s) => s.verdict)).not.toContain('drift');
    expect(steps.find((s) => s.line === 6)?.verdict).toBe('pass'); // NS="flux-system"
    expect(steps.filter((s) => s.line > 6)).toHaveLength(6);
  }, 120_000);
});
