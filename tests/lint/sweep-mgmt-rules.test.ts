// Regressions from a precision sweep of 50 never-seen pages of MicrosoftDocs/azure-management-docs
// @d923d588 (articles/azure-linux, lighthouse, quotas, azure-portal, copilot; seed 44). Each case is
// a byte-exact excerpt in tests/lint/fixtures/real (README there records repo, path, commit, lines).
import { describe, expect, it } from 'vitest';
import { isJsonStart } from '../../src/parse/lines.ts';
import { parseTutorialText } from '../../src/parse/index.ts';
import { lintText, readRepoFile, ruleFindings } from './helpers.ts';

const MANAGE_PACKAGES = 'tests/lint/fixtures/real/azure-linux-manage-packages.excerpt.md';
const QUICK_CREATE = 'tests/lint/fixtures/real/azure-linux-quick-create-aks.excerpt.md';
const OS_GUARD_CLI = 'tests/lint/fixtures/real/azure-linux-quick-deploy-os-guard-cli.excerpt.md';
const KERNEL_VERSION = 'tests/lint/fixtures/real/azure-linux-troubleshoot-kernel-version.excerpt.md';

describe('dnf progress lines are no JSON arrays', () => {
  // Defect: manage-packages.md shows dnf5's output, whose progress lines open "[1/3] Verify package
  // files … 100% | …". A "[" and a digit was read as the start of a JSON array, so each such line
  // became a "request body example" and json-example-invalid said 7 false errors on the page.
  it('is no JSON start, while arrays of numbers still are', () => {
    expect(isJsonStart('[1/3] Verify package files                                100% | 500.0   B/s |   1.0   B |  00m00s')).toBe(false);
    expect(isJsonStart('[2024-05-01 10:00:00] INFO started')).toBe(false);
    expect(isJsonStart('[1, 2, 3]')).toBe(true);
    expect(isJsonStart('[1]')).toBe(true);
    expect(isJsonStart('[-1.5e3,')).toBe(true);
    expect(isJsonStart('[ 42')).toBe(true);
    expect(isJsonStart('[')).toBe(true);
  });
  it('draws no json-example-invalid finding on the dnf install and dnf remove outputs (manage-packages.md)', () => {
    expect(ruleFindings('json-example-invalid', MANAGE_PACKAGES)).toEqual([]);
  });
  it('reads no JSON example out of the dnf outputs', () => {
    expect(parseTutorialText(readRepoFile(MANAGE_PACKAGES), MANAGE_PACKAGES).examples).toEqual([]);
  });
});

describe('an HTML comment between "Example output:" and its block is not the output', () => {
  // Defect: quick-create-azure-linux-aks.md writes "Example output:", a blank line, then
  // "<!-- expected_similarity=0.3 -->" (Innovation Engine's annotation, not rendered) above the JSON.
  // The comment was read as the response's text, so run said drift on az group create ("the example
  // shows <!-- expected_similarity=0.3 -->"), and the JSON below became an example of no step.
  it('attaches the JSON after the comment to az group create and to az aks create', () => {
    const text = readRepoFile(QUICK_CREATE);
    const t = parseTutorialText(text, QUICK_CREATE);
    const group = t.steps.find((s) => s.raw.startsWith('az group create'));
    const aks = t.steps.find((s) => s.raw.startsWith('az aks create'));
    expect(group?.expectation).toMatchObject({ kind: 'json', source: { startLine: 23 } });
    expect(aks?.expectation).toMatchObject({ kind: 'json', source: { startLine: 48 } });
    expect(t.examples).toEqual([]);
  });
  it('still reads a short text after an output lead-in as the response', () => {
    const page = '# t\n\n```azurecli\naz group exists --name rg1\n```\n\nThe output is:\n\nfalse\n';
    const t = parseTutorialText(page, 'x.md');
    expect(t.steps[0]?.expectation).toMatchObject({ kind: 'text', source: { startLine: 9 } });
  });
  it('now sees the az aks create output nest provisioningState under "properties", which az prints at the top', () => {
    expect(ruleFindings('az-output-schema', QUICK_CREATE).map((f) => f.line)).toEqual([52]);
  });
});

describe('az-enum-value: a value the extension that redefines the command accepts', () => {
  // Defect: quick-deploy-os-guard-cli.md installs aks-preview, then runs az aks create --os-sku
  // AzureLinuxOSGuard. The table kept only the core definition's accepted values, so az-enum-value
  // said a false error; the reference's aks-preview entry of az aks create (azure-docs-cli
  // docs-ref-autogen/Latest-version/latest/aks.yml @e97b361d, uid az_aks_create(aks-preview)) lists
  // AzureLinuxOSGuard among --os-sku's acceptedValues.
  it('silent on --os-sku AzureLinuxOSGuard (quick-deploy-os-guard-cli.md)', () => {
    expect(ruleFindings('az-enum-value', OS_GUARD_CLI)).toEqual([]);
  });
  it('still reports a value neither definition accepts', () => {
    const page = '# t\n\n```azurecli\naz aks create --name c1 --resource-group rg1 --os-sku AzureLinx\n```\n';
    const hits = ruleFindings('az-enum-value', 'x.md', page);
    expect(hits.map((h) => h.line)).toEqual([4]);
    expect(hits[0]!.message).toContain('"AzureLinx"');
  });
  it('lints the whole excerpt with no error', () => {
    const text = readRepoFile(OS_GUARD_CLI);
    expect(lintText(text, 'docfx', OS_GUARD_CLI).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('page-assumes-resource: one finding for a group a command written over several lines names', () => {
  // Defect: troubleshoot-kernel-version.md writes az aks nodepool upgrade \ over five lines with
  // --resource-group testAzureLinuxResourceGroup on the second. The World cited the command's first
  // line and the parents' check the option's line, so the one missing group was said twice (lines 89
  // and 90 of the page; pod-sandboxing-aks.md the same on az aks create).
  it('says the group once (troubleshoot-kernel-version.md)', () => {
    const hits = ruleFindings('page-assumes-resource', KERNEL_VERSION);
    expect(hits.map((h) => h.line)).toEqual([6]);
    expect(hits[0]!.message).toContain('testAzureLinuxResourceGroup');
  });
  it('still says the group of a command on one line, once', () => {
    const page = '# t\n\n```azurecli\naz aks create --resource-group rgTwo --name c1 --generate-ssh-keys\n```\n';
    expect(ruleFindings('page-assumes-resource', 'x.md', page).map((h) => h.line)).toEqual([4]);
  });
});
