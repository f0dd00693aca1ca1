// Issue 16 session 13 (wild-w): reader-reported defects the last sweep still missed on never-seen pages
// (tests/fresh), each held on the real page that has it and kept silent where a real page writes the
// same thing correctly.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;
const linesWith = (text: string, needle: string) => text.split('\n').flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));

const WORKSPACE_CLI = 'tests/fresh/articles/machine-learning/how-to-manage-workspace-cli.md';
// MicrosoftLearning/mslearn-azure-ml Instructions/02-Explore-developer-tools.md @01de1ead (see fixtures/real/README.md).
const DEV_TOOLS = 'tests/lint/fixtures/real/explore-developer-tools.excerpt.md';

describe('the Machine Learning CLI v1 and v2 define az ml workspace … with other options (azure-docs#98525)', () => {
  it('how-to-manage-workspace-cli.md installs azure-cli-ml: each az ml workspace command both define is reported on its -w, which ml refuses', () => {
    const text = read(WORKSPACE_CLI);
    const hits = found('az-extension-retired', WORKSPACE_CLI).filter((h) => /is an option only azure-cli-ml/.test(h.message));
    const expected = ['az ml workspace create -w', 'az ml workspace show -w', 'az ml workspace update -w', 'az ml workspace sync-keys -w', 'az ml workspace delete -w'].flatMap((c) => linesWith(text, c));
    expect(hits.map((h) => h.line)).toEqual(expected.sort((a, b) => a - b));
    expect(hits.every((h) => h.severity === 'warning')).toBe(true);
    expect(hits[0]?.message).toMatch(/"az ml workspace create" -w .*unrecognized arguments: -w <workspace-name>/);
    // Read as v1 (what the page installs), -w is az ml workspace create's own option: no unknown-option finding.
    expect(found('az-unknown-parameter', WORKSPACE_CLI)).toEqual([]);
  });
  it('silent on a page that installs ml and writes the v2 options (az ml workspace create --name; az ml compute create -w, which v2 has)', () => {
    const text = read(DEV_TOOLS);
    expect(text).toMatch(/az extension add -n ml -y[\s\S]*az ml workspace create --name/);
    expect(found('az-unknown-parameter', DEV_TOOLS)).toEqual([]);
    expect(found('az-extension-retired', DEV_TOOLS)).toEqual([]);
  });
  it('a page that installs neither extension is read against both: -w and -n are both accepted, never an error', () => {
    const page = (line: string) => `# Workspace\n\n\`\`\`azurecli\n${line}\n\`\`\`\n`;
    expect(found('az-unknown-parameter', 'neither.md', page('az ml workspace create -w myws -g rg'))).toEqual([]);
    expect(found('az-unknown-parameter', 'neither.md', page('az ml workspace create -n myws -g rg'))).toEqual([]);
    expect(found('az-missing-required', 'neither.md', page('az ml workspace create -n myws -g rg'))).toEqual([]);
  });
  it('a page that installs both (a v1 tab and a v2 tab) is read against both', () => {
    const page = '# Workspace\n\n```azurecli\naz extension add -n azure-cli-ml\naz ml workspace create -w myws -g rg\n```\n\n```azurecli\naz extension add -n ml\naz ml workspace create -n myws -g rg\n```\n';
    expect(found('az-unknown-parameter', 'both.md', page)).toEqual([]);
    expect(found('az-extension-retired', 'both.md', page).filter((h) => /is an option only/.test(h.message))).toEqual([]);
  });
});

describe('workflow-secret-other-tab (a tab\'s workflow reads a secret only another tab creates: azure-docs#104172)', () => {
  const rule = 'workflow-secret-other-tab';
  const GITHUB_ACTION = 'tests/fresh/articles/container-instances/container-instances-github-action.md';
  // MicrosoftDocs/azure-docs articles/app-service/deploy-github-actions.md (tests/corpus manifest): each
  // tab's workflows read the secrets that tab asks for (AZURE_WEBAPP_PUBLISH_PROFILE, AZURE_CREDENTIALS).
  const APP_SERVICE = 'tests/corpus/articles/app-service/deploy-github-actions.md';
  it('container-instances-github-action.md: the OpenID Connect workflow reads the four secrets only the Service principal tab\'s table creates', () => {
    const text = read(GITHUB_ACTION);
    const hits = found(rule, GITHUB_ACTION);
    expect(hits.map((h) => /secrets\.(\w+)/.exec(h.message)?.[1])).toEqual(['REGISTRY_LOGIN_SERVER', 'RESOURCE_GROUP', 'REGISTRY_USERNAME', 'REGISTRY_PASSWORD']);
    expect(hits.map((h) => h.line)).toContain(linesWith(text, 'registry-password: ${{ secrets.REGISTRY_PASSWORD }}')[1]);
    expect(hits.every((h) => h.severity === 'warning' && /only the "Service principal" tab/.test(h.message))).toBe(true);
    // AZURE_CLIENT_ID and the others the OpenID Connect tab asks for itself are not reported.
    expect(hits.some((h) => /AZURE_(CLIENT|TENANT|SUBSCRIPTION)_ID/.test(h.message))).toBe(false);
  });
  it('silent on deploy-github-actions.md, where each tab\'s workflows read the secrets that tab asks for', () => {
    const text = read(APP_SERVICE);
    expect(text).toMatch(/#tab\/userlevel[\s\S]*secrets\.AZURE_CREDENTIALS/);
    expect(text).toMatch(/#tab\/applevel[\s\S]*secrets\.AZURE_WEBAPP_PUBLISH_PROFILE/);
    expect(found(rule, APP_SERVICE)).toEqual([]);
  });
});

describe('policy-initiative-renamed (a built-in initiative looked up by a display name it no longer has: azure-docs#117923)', () => {
  const rule = 'policy-initiative-renamed';
  const ONBOARDING = 'tests/fresh/articles/defender-for-cloud/powershell-onboarding.md';
  // MicrosoftDocs/defender-docs articles/defender-for-cloud/powershell-onboarding.md @acc44ef3 (fixtures/real/README.md): the same page fixed.
  const ONBOARDING_FIXED = 'tests/lint/fixtures/real/powershell-onboarding.defender-docs.md';
  it("powershell-onboarding.md (azure-docs): the $Policy filter on 'Azure Security Benchmark', Microsoft cloud security benchmark since 2023", () => {
    const text = read(ONBOARDING);
    const hits = found(rule, ONBOARDING);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[linesWith(text, "-EQ 'Azure Security Benchmark'")[0], 'warning']]);
    expect(hits[0]?.message).toMatch(/renamed it "Microsoft cloud security benchmark".*1f3afdf9-d0c9-4c3d-847f-89da613e70a8/);
  });
  it("silent on the fixed page (defender-docs), which filters on 'Microsoft cloud security benchmark'", () => {
    expect(read(ONBOARDING_FIXED)).toContain("-EQ 'Microsoft cloud security benchmark'");
    expect(found(rule, ONBOARDING_FIXED)).toEqual([]);
  });
});
