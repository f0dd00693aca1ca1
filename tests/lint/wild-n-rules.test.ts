// Issue 16 session 12 (wild-n): defects on Azure Machine Learning and Azure AI Search pages (tests/fresh),
// each held on the real page that has it and kept silent where a real page writes the same thing
// correctly; and the false errors those never-seen pages showed, pinned as regressions.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;
const lineWith = (text: string, needle: string, from = 0) => text.split('\n').findIndex((l, i) => i >= from && l.includes(needle)) + 1;
const linesWith = (text: string, needle: string) => text.split('\n').flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));

const WORKSPACE_CLI = 'tests/fresh/articles/machine-learning/how-to-manage-workspace-cli.md';
const UPDATE_SERVICE = 'tests/fresh/articles/machine-learning/v1/how-to-deploy-update-web-service.md';
const VECTOR_QUERY = 'tests/fresh/articles/search/vector-search-how-to-query.md';
// MicrosoftLearning/mslearn-azure-ml Instructions/02-Explore-developer-tools.md @01de1ead (see fixtures/real/README.md).
const DEV_TOOLS = 'tests/lint/fixtures/real/explore-developer-tools.excerpt.md';

describe('az-extension-retired (the Azure Machine Learning CLI v1, azure-cli-ml)', () => {
  const rule = 'az-extension-retired';
  it('how-to-manage-workspace-cli.md (2019): az extension add -n azure-cli-ml, and az ml workspace share, which only v1 has', () => {
    const text = read(WORKSPACE_CLI);
    // The -w of the commands both extensions define is wild-w-rules.test.ts's (azure-docs#98525).
    const hits = found(rule, WORKSPACE_CLI).filter((h) => !/is an option only azure-cli-ml/.test(h.message));
    expect(hits.map((h) => [h.line, h.severity])).toEqual([
      [lineWith(text, 'az extension add -n azure-cli-ml'), 'warning'],
      [lineWith(text, 'az ml workspace share -w'), 'warning'],
    ]);
    expect(hits[0]?.message).toMatch(/support ended on 2025-09-30.*az extension add -n ml.*machine-learning-cli-v1-deprecation\.md/);
  });
  it('how-to-deploy-update-web-service.md (v1): az ml model register and az ml service update', () => {
    const text = read(UPDATE_SERVICE);
    expect(found(rule, UPDATE_SERVICE).map((h) => h.line)).toEqual([lineWith(text, 'az ml model register'), lineWith(text, 'az ml service update')]);
  });
  it('silent on a page that removes azure-cli-ml and installs ml (v2): az ml workspace create --name, az ml compute create', () => {
    const text = read(DEV_TOOLS);
    expect(text).toMatch(/az extension remove -n azure-cli-ml\n[\s\S]*az extension add -n ml -y/);
    expect(found(rule, DEV_TOOLS)).toEqual([]);
  });
  it('missing-prerequisite names ml, not the retired azure-cli-ml, for a command both define, and is content with ml installed', () => {
    expect(found('missing-prerequisite', DEV_TOOLS).filter((h) => /extension/.test(h.message))).toEqual([]);
    const bare = '# Create a workspace\n\n```bash\naz login\naz ml workspace create --name ws -g rg\n```\n';
    const hit = found('missing-prerequisite', 'bare.md', bare).find((h) => /extension/.test(h.message));
    expect(hit?.message).toMatch(/comes from the ml extension.*az extension add --name ml first/);
  });
});

describe('retired-sdk-package: the Azure Machine Learning SDK v1 (azureml-core), support ended 2026-06-30', () => {
  const rule = 'retired-sdk-package';
  it('how-to-deploy-update-web-service.md: from azureml.core import …', () => {
    const text = read(UPDATE_SERVICE);
    const hits = found(rule, UPDATE_SERVICE);
    expect(hits.map((h) => h.line)).toEqual(linesWith(text, 'from azureml.core'));
    expect(hits[0]?.message).toMatch(/azureml-core: this library reached end of support on 2026-06-30 .*sdk-v1-deprecation\.md.*Use azure-ai-ml/);
  });
  it('pip install azureml-sdk is reported; pip install azure-ai-ml (the v2 SDK, explore-developer-tools) is not', () => {
    expect(found(rule, DEV_TOOLS)).toEqual([]);
    const v1 = read(DEV_TOOLS).replace('pip install azure-ai-ml', 'pip install azureml-sdk');
    expect(found(rule, 'v1.md', v1).map((h) => h.message)).toEqual([expect.stringMatching(/^azureml-sdk: this library reached end of support on 2026-06-30/)]);
  });
});

describe('api-version-invalid: Azure AI Search api-versions no longer supported', () => {
  const rule = 'api-version-invalid';
  it('vector-search-how-to-query.md (2023): the two requests with api-version=2023-07-01-Preview (no longer supported since 2024-07-08)', () => {
    const text = read(VECTOR_QUERY);
    const hits = found(rule, VECTOR_QUERY);
    expect(hits.map((h) => [h.line, h.severity])).toEqual(linesWith(text, 'search?api-version=2023-07-01-Preview').map((l) => [l, 'warning']));
    expect(hits[0]?.message).toMatch(/2023-07-01-Preview is an Azure AI Search REST version that is no longer supported since 2024-07-08.*"2023-07-01-preview was deprecated on April 8, 2024 and is no longer supported as of July 8, 2024\."/);
  });
  it('silent on the same page\'s requests with 2023-10-01-Preview and on its Azure OpenAI request', () => {
    const text = read(VECTOR_QUERY);
    const reported = new Set(found(rule, VECTOR_QUERY).map((h) => h.line));
    for (const line of [...linesWith(text, 'api-version=2023-10-01-Preview'), lineWith(text, '.openai.azure.com/')]) expect(reported.has(line)).toBe(false);
  });
  it('2015-02-28 (discontinued 2020-10-15) in a curl to *.search.windows.net; not an Azure OpenAI 2023-07-01-preview beside a Search endpoint', () => {
    const curl = '# Query\n\n```bash\ncurl "https://mysearch.search.windows.net/indexes/hotels/docs?search=*&api-version=2015-02-28" -H "api-key: $KEY"\n```\n';
    expect(found(rule, 'old.md', curl).map((h) => h.message)).toEqual([expect.stringMatching(/2015-02-28 .*no longer supported since 2020-10-15/)]);
    const onYourData = '# Chat\n\n```python\nendpoint = "https://myopenai.openai.azure.com/openai/deployments/gpt/extensions/chat/completions"\napi_version = "2023-07-01-preview"\nsearch = "https://mysearch.search.windows.net"\n```\n';
    expect(found(rule, 'oyd.md', onYourData).filter((h) => /Azure AI Search/.test(h.message))).toEqual([]);
  });
});

describe('regressions: false errors on never-seen Azure Machine Learning and AI Search pages', () => {
  it('contract-resource-id: a linked id in lower case ("providers/microsoft.keyvault/…") is how a workspace echoes it, not an error', () => {
    const text = read(WORKSPACE_CLI);
    expect(text).toMatch(/"keyVault": "\/subscriptions\/<service-GUID>\/resourcegroups\/<resource-group-name>\/providers\/microsoft\.keyvault\//);
    expect(found('contract-resource-id', WORKSPACE_CLI)).toEqual([]);
    const mixed = text.replace('providers/microsoft.keyvault/vaults', 'providers/Microsoft.keyvault/vaults');
    expect(found('contract-resource-id', 'mixed.md', mixed).map((h) => h.message)).toEqual([expect.stringMatching(/the provider namespace is written "Microsoft\.keyvault"; Azure returns "Microsoft\.KeyVault"/)]);
  });
  it('placeholder-misspelt: <service-id> (a resource id) beside <service-GUID> (a subscription GUID) are two values, not a slip', () => {
    const text = read(WORKSPACE_CLI);
    expect(text).toMatch(/--storage-account <service-id>/);
    expect(found('placeholder-misspelt', WORKSPACE_CLI)).toEqual([]);
    const slip = text.replace('--keyvault <service-id>', '--keyvault <servce-id>');
    expect(found('placeholder-misspelt', 'slip.md', slip).map((h) => h.message)).toEqual([expect.stringMatching(/<servce-id> is a misspelt twin of <service-id>/)]);
  });
  it('json-example-invalid: ". . ." elides like "...", but a missing comma above the elision stays an error (azure-docs#119801)', () => {
    const text = read(VECTOR_QUERY);
    const hits = found('json-example-invalid', VECTOR_QUERY);
    const errors = hits.filter((h) => h.severity === 'error').map((h) => h.line);
    // "kind": "vector" with no comma, twice (the reader reported the same slip after "kind": "text").
    expect(errors).toEqual(linesWith(text, '"kind": "vector"').map((l) => l + 1));
    expect(hits.filter((h) => h.severity === 'warning').every((h) => /elides part of the value/.test(h.message))).toBe(true);
  });
});
