// Issue 16 session 12 (wild-p): rules for GitHub Actions workflows shown on pages that deploy to Azure
// (tests/fresh), each held on the real page that has the defect and kept silent on real workflows
// written correctly.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';
import { refMajor, retirementOf } from '../../src/reference/github-actions-refused.ts';

const read = readRepoFile;
const found = ruleFindings;
const linesWith = (text: string, needle: string) => text.split('\n').flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));

const STORAGE = 'tests/fresh/articles/storage/blobs/storage-blobs-static-site-github-actions.md';
const FUNCTIONS = 'tests/fresh/articles/azure-functions/functions-how-to-github-actions.md';
const PUBLISH_PROFILE = 'tests/fresh/articles/app-service/includes/deploy-github-actions/deploy-github-actions-publish-profile.md';
const ACI = 'tests/fresh/articles/container-instances/container-instances-github-action.md';
const APP_SERVICE = 'tests/corpus/articles/app-service/deploy-github-actions.md';

describe('workflow-step-unknown-key', () => {
  const rule = 'workflow-step-unknown-key';
  it('storage-blobs-static-site-github-actions.md (azure-docs#115158): azure/login inputs beside an empty with:, in both OpenID Connect workflows', () => {
    const text = read(STORAGE);
    const hits = found(rule, STORAGE);
    expect(hits.map((h) => [h.line, h.endLine, h.severity])).toEqual(linesWith(text, 'client-id: ${{').map((l) => [l, l + 2, 'warning']));
    expect(hits[0]?.message).toMatch(/"client-id", "tenant-id", "subscription-id" are not keys a workflow step can have.*"with:" on line 185 is empty/);
  });
  it('silent once the inputs are indented under with:, and on the service-principal workflows of the same page', () => {
    const fixed = read(STORAGE).replace(/( {10})with:\n {10}client-id: (.*)\n {10}tenant-id: (.*)\n {10}subscription-id: (.*)\n/g, '$1with:\n$1  client-id: $2\n$1  tenant-id: $3\n$1  subscription-id: $4\n');
    expect(fixed).not.toBe(read(STORAGE));
    expect(found(rule, STORAGE, fixed)).toEqual([]);
  });
  it('silent on real workflows whose steps use working-directory, shell, id, env and if (Functions, App Service, ACI)', () => {
    for (const page of [FUNCTIONS, PUBLISH_PROFILE, ACI, APP_SERVICE]) expect(found(rule, page), page).toEqual([]);
  });
  it('an excerpt (no top-level on and jobs) is not judged: it may be part of something else', () => {
    const text = ['# Steps', '', '```yaml', '- uses: azure/login@v2', '  with:', '  client-id: x', '```', ''].join('\n');
    expect(found(rule, 'excerpt.md', text)).toEqual([]);
  });
});

describe('workflow-action-refused', () => {
  const rule = 'workflow-action-refused';
  it('functions-how-to-github-actions.md: actions/setup-java@3, a ref without its v', () => {
    const text = read(FUNCTIONS);
    const hits = found(rule, FUNCTIONS);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[linesWith(text, 'uses: actions/setup-java@3')[0], 'error']]);
    expect(hits[0]?.message).toMatch(/unable to find version `3`.*Write actions\/setup-java@v3/);
  });
  it('silent on v-tags, branches and SHAs (checkout@main, setup-java@v3, setup-dotnet@v3, the corpus App Service workflows) and on actions of other owners', () => {
    for (const page of [PUBLISH_PROFILE, ACI, STORAGE, APP_SERVICE]) expect(found(rule, page), page).toEqual([]);
    const text = ['# W', '', '```yaml', 'name: W', 'on: [push]', 'jobs:', '  b:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@8e5e7e5ab8b370d6c329ec480221332ada57f0ab', '      - uses: DeLaGuardo/setup-graalvm@3', '      - uses: actions/upload-artifact@v4', '```', ''].join('\n');
    expect(found(rule, 'w.md', text)).toEqual([]);
  });
  it('reports a retired major in an excerpt too (GitHub refuses the whole run, even for a step whose if: is false)', () => {
    const text = ['# Upload', '', '```yaml', '- name: Upload artifact for deployment job', '  if: failure()', '  uses: actions/upload-artifact@v2', '  with:', '    name: .net-app', '```', ''].join('\n');
    expect(found(rule, 'excerpt.md', text).map((h) => h.line)).toEqual([6]);
  });
  it('judges retirements against the table date, not the clock, and only tag refs', () => {
    expect(retirementOf('actions/download-artifact', 'v3')?.failingSince).toBe('2025-01-30');
    expect(retirementOf('actions/cache', 'v3')).toBeUndefined();
    expect(retirementOf('actions/upload-artifact', 'main')).toBeUndefined();
    expect(refMajor('v3.1.2')).toBe(3);
    expect(refMajor('3')).toBeUndefined();
  });
});

describe('workflow-action-input-missing', () => {
  const rule = 'workflow-action-input-missing';
  it('deploy-github-actions-publish-profile.md: the Java workflow runs actions/setup-java@v3 with java-version 1.8 and no distribution', () => {
    const text = read(PUBLISH_PROFILE);
    const hits = found(rule, PUBLISH_PROFILE);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[linesWith(text, 'uses: actions/setup-java@v3')[0], 'error']]);
    expect(hits[0]?.message).toMatch(/Input required and not supplied: distribution/);
  });
  it('silent where setup-java gets a distribution (the Functions Java workflows) or is v1 (the corpus App Service page)', () => {
    expect(read(FUNCTIONS)).toMatch(/setup-java@v3\n {6}with:\n {8}distribution: 'zulu'/);
    expect(found(rule, FUNCTIONS)).toEqual([]);
    expect(read(APP_SERVICE)).toMatch(/actions\/setup-java@v1/);
    expect(found(rule, APP_SERVICE)).toEqual([]);
    const fixed = read(PUBLISH_PROFILE).replace('        java-version: 1.8', "        distribution: 'temurin'\n        java-version: 1.8");
    expect(found(rule, PUBLISH_PROFILE, fixed)).toEqual([]);
  });
  it('an excerpt that shows only the uses: line (no with:) is not judged', () => {
    const text = ['# Java', '', '```yaml', '- uses: actions/setup-java@v4', '```', ''].join('\n');
    expect(found(rule, 'excerpt.md', text)).toEqual([]);
  });
});

describe('hosted-image-retired', () => {
  const rule = 'hosted-image-retired';
  it('silent on the current labels of real workflows (runs-on: ubuntu-latest, windows-latest)', () => {
    for (const page of [STORAGE, FUNCTIONS, PUBLISH_PROFILE, ACI, APP_SERVICE]) expect(found(rule, page), page).toEqual([]);
  });
  it('reports each removed label of a runs-on list and a vmImage, and leaves self-hosted runners and excerpts without on/jobs alone', () => {
    const workflow = ['# W', '', '```yaml', 'on: [push]', 'jobs:', '  a:', '    runs-on: windows-2019', '  b:', '    runs-on: [self-hosted, ubuntu-18.04]', '  c:', '    runs-on: macos-12', '```', ''].join('\n');
    expect(found(rule, 'w.md', workflow).map((h) => h.line)).toEqual([7, 11]);
    const excerpt = ['# Job', '', '```yaml', 'runs-on: ubuntu-18.04', '```', ''].join('\n');
    expect(found(rule, 'e.md', excerpt)).toEqual([]);
    const pipeline = ['# P', '', '```yaml', 'pool:', "  vmImage: 'Ubuntu-16.04'", '```', ''].join('\n');
    expect(found(rule, 'p.md', pipeline).map((h) => h.line)).toEqual([5]);
  });
  it('windows-2019 and macOS labels are judged on GitHub only (the Azure Pipelines dates were not read)', () => {
    const pipeline = ['# P', '', '```yaml', 'pool:', '  vmImage: windows-2019', '```', ''].join('\n');
    expect(found(rule, 'p.md', pipeline)).toEqual([]);
  });
});
