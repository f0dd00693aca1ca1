// Issue 16 session 11 (wild-m): defects readers reported on monitoring, messaging and Azure OpenAI pages
// (tests/fresh), each held on the reported page and kept silent where the same thing is written right:
// the page as its authors fixed it, or another real page of the same service.
import { describe, expect, it } from 'vitest';
import { lineOf, readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;

const CHATGPT_REST_2023 = 'tests/fresh/articles/cognitive-services/openai/includes/chatgpt-rest.md';
const CHATGPT_REST_FIXED = 'tests/fresh/articles/ai-services/openai/includes/chatgpt-rest.md';
const WHISPER_REST = 'tests/fresh/articles/ai-services/openai/includes/whisper-rest.md';
const TTS_REST = 'tests/fresh/articles/ai-services/openai/includes/text-to-speech-rest.md';
const REACT_PLUGIN = 'tests/fresh/articles/azure-monitor/app/javascript-react-plugin.md';
const CONNECTION_STRINGS = 'tests/fresh/articles/azure-monitor/app/sdk-connection-string.md';

describe('openai-deployment-name-fixed: the author\'s deployment name in a request to the reader\'s resource', () => {
  const rule = 'openai-deployment-name-fixed';
  it('chatgpt-rest.md, March 2023 (azure-docs#106642): curl https://$OPENAI_API_BASE/openai/deployments/docs-test/… that nothing introduces', () => {
    const text = read(CHATGPT_REST_2023);
    const hits = found(rule, CHATGPT_REST_2023);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineOf(text, '/openai/deployments/docs-test/completions'), 'warning']]);
    expect(hits[0]?.message).toMatch(/names the deployment "docs-test".*404 DeploymentNotFound \("The API deployment for this resource does not exist"\).*<YOUR-DEPLOYMENT-NAME>/);
  });
  it('silent on the page as fixed: the prose tells the reader to replace `gpt-35-turbo` with the deployment name they chose', () => {
    expect(found(rule, CHATGPT_REST_FIXED)).toEqual([]);
  });
  it('the fixed page without its replace sentence is reported: gpt-35-turbo is then only a model name in the prerequisites', () => {
    const text = read(CHATGPT_REST_FIXED).replace(/You will need to replace `gpt-35-turbo` with the deployment name you chose when you deployed the ChatGPT or GPT-4 models\. /, '');
    expect(text).not.toBe(read(CHATGPT_REST_FIXED));
    expect(found(rule, 'no-replace.md', text).map((h) => h.line)).toEqual([lineOf(text, '/openai/deployments/gpt-35-turbo/chat')]);
  });
  it('silent on a placeholder segment the prose asks to replace (whisper-rest.md, text-to-speech-rest.md: YourDeploymentName)', () => {
    expect(found(rule, WHISPER_REST)).toEqual([]);
    expect(found(rule, TTS_REST)).toEqual([]);
  });
  it('silent when the page creates the deployment (az cognitiveservices account deployment create --deployment-name), and on the author\'s literal host', () => {
    const created = read(CHATGPT_REST_2023).replace(
      '## REST API',
      '## REST API\n\n```azurecli\naz cognitiveservices account deployment create -g myGroup -n myOpenAI --deployment-name docs-test --model-name gpt-35-turbo --model-version 0301 --model-format OpenAI --sku-name Standard --sku-capacity 1\n```\n',
    );
    expect(created).not.toBe(read(CHATGPT_REST_2023));
    expect(found(rule, 'created.md', created)).toEqual([]);
    const literal = read(CHATGPT_REST_2023).replace('curl https://$OPENAI_API_BASE/', 'curl https://docs-test-001.openai.azure.com/');
    expect(found(rule, 'literal.md', literal)).toEqual([]);
  });
});

describe('api-version-invalid: Azure OpenAI preview api-versions retired on 1 July 2024', () => {
  const rule = 'api-version-invalid';
  it('whisper-rest.md: curl …/audio/transcriptions?api-version=2023-09-01-preview', () => {
    const text = read(WHISPER_REST);
    const hits = found(rule, WHISPER_REST);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineOf(text, 'api-version=2023-09-01-preview \\'), 'warning']]);
    expect(hits[0]?.message).toMatch(/2023-09-01-preview is an Azure OpenAI preview that was retired on 2024-07-01.*stop accepting API requests.*GA 2024-02-01 or later/);
  });
  it('silent on versions the lifecycle page does not retire: 2024-02-15-preview (text-to-speech-rest.md), GA 2023-05-15 (chatgpt-rest.md), GA 2022-12-01', () => {
    expect(found(rule, TTS_REST)).toEqual([]);
    expect(found(rule, CHATGPT_REST_FIXED)).toEqual([]);
    expect(found(rule, CHATGPT_REST_2023)).toEqual([]);
  });
  it('a retired version in Python code that builds the URL (api_version = "2023-12-01-preview" with the AzureOpenAI client) is reported too', () => {
    const text = read(WHISPER_REST).replace(
      '## Output',
      '```python\nfrom openai import AzureOpenAI\nclient = AzureOpenAI(api_version="2023-12-01-preview", azure_endpoint=os.getenv("AZURE_OPENAI_ENDPOINT"))\n```\n\n## Output',
    );
    expect(found(rule, 'python.md', text).map((h) => h.line)).toEqual([lineOf(text, 'api-version=2023-09-01-preview \\'), lineOf(text, 'api_version="2023-12-01-preview"')]);
  });
  it('silent on the same dates outside Azure OpenAI (Azure AI Search\'s 2023-07-01-Preview), also inside a block that calls Azure OpenAI', () => {
    const text = '# Search\n\n```bash\ncurl -X GET "https://mysearch.search.windows.net/indexes?api-version=2023-07-01-preview" -H "api-key: $KEY"\n```\n';
    // Not as Azure OpenAI's: Search's own retirement of 2023-07-01-Preview is its finding (wild-n).
    expect(found(rule, 'search.md', text).map((h) => h.message)).toEqual([expect.stringMatching(/is an Azure AI Search REST version that is no longer supported since 2024-07-08/)]);
    const mixed = read(WHISPER_REST).replace(
      '## Output',
      '```bash\ncurl "https://mysearch.search.windows.net/indexes?api-version=2023-07-01-Preview" -H "api-key: $SEARCH_KEY"\ncurl "$AZURE_OPENAI_ENDPOINT/openai/deployments/YourDeploymentName/chat/completions?api-version=2024-02-01"\n```\n\n## Output',
    );
    expect(found(rule, 'mixed.md', mixed).filter((h) => !/Azure AI Search/.test(h.message)).map((h) => h.line)).toEqual([lineOf(mixed, 'api-version=2023-09-01-preview \\')]);
  });
});

describe('app-insights-instrumentation-key: ingestion configured by instrumentation key, not connection string', () => {
  const rule = 'app-insights-instrumentation-key';
  it('javascript-react-plugin.md, 2020 (azure-docs#96067): both config examples set instrumentationKey', () => {
    const text = read(REACT_PLUGIN);
    const hits = found(rule, REACT_PLUGIN);
    const first = lineOf(text, "instrumentationKey: 'YOUR_INSTRUMENTATION_KEY_GOES_HERE'");
    expect(hits.map((h) => [h.line, h.severity])).toEqual([
      [first, 'warning'],
      [lineOf(text, "instrumentationKey: 'YOUR_INSTRUMENTATION_KEY_GOES_HERE'", first), 'warning'],
    ]);
    expect(hits[0]?.message).toMatch(/sets the instrumentation key alone.*support ended on 31 March 2025.*connectionString/);
  });
  it('silent on the page as fixed (connectionString: \'YOUR_CONNECTION_STRING_GOES_HERE\')', () => {
    const fixed = read(REACT_PLUGIN).replaceAll("instrumentationKey: 'YOUR_INSTRUMENTATION_KEY_GOES_HERE'", "connectionString: 'YOUR_CONNECTION_STRING_GOES_HERE'");
    expect(found(rule, 'fixed.md', fixed)).toEqual([]);
  });
  it('silent on sdk-connection-string.md, where the instrumentation key only appears inside connection strings (.NET, XML, JSON, Java, JavaScript, Node setup(), Python)', () => {
    expect(found(rule, CONNECTION_STRINGS)).toEqual([]);
  });
  it('.NET TelemetryConfiguration.Active.InstrumentationKey = "…" and PowerShell $settings["APPINSIGHTS_INSTRUMENTATIONKEY"] = "…" are reported; reading the setting is not', () => {
    const text = [
      '# App',
      '',
      '```csharp',
      'TelemetryConfiguration.Active.InstrumentationKey = "00000000-0000-0000-0000-000000000000";',
      'var key = context.Configuration["APPINSIGHTS_INSTRUMENTATIONKEY"];',
      '```',
      '',
      '```powershell',
      '$newAppSettings["APPINSIGHTS_INSTRUMENTATIONKEY"] = "012345678-abcd-ef01-2345-6789abcd";',
      '```',
      '',
    ].join('\n');
    expect(found(rule, 'dotnet.md', text).map((h) => h.line)).toEqual([4, 9]);
  });
});

const IOT_NODE_2019 = 'tests/fresh/articles/iot-hub/quickstart-send-telemetry-node.md';

describe('az-extension-removed: az extension add of an extension the index no longer has', () => {
  const rule = 'az-extension-removed';
  it('quickstart-send-telemetry-node.md, 2019 (azure-docs#33950): az extension add --name azure-cli-iot-ext is an error naming azure-iot', () => {
    const text = read(IOT_NODE_2019);
    const hits = found(rule, IOT_NODE_2019);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineOf(text, 'az extension add --name azure-cli-iot-ext'), 'error']]);
    expect(hits[0]?.message).toMatch(/No matching extensions for 'azure-cli-iot-ext'.*az extension add --name azure-iot.*PR #2950/);
  });
  it('silent on the page with the extension that replaced it (az extension add --name azure-iot)', () => {
    const fixed = read(IOT_NODE_2019).replace('az extension add --name azure-cli-iot-ext', 'az extension add --name azure-iot');
    expect(fixed).not.toBe(read(IOT_NODE_2019));
    expect(found(rule, 'fixed.md', fixed)).toEqual([]);
  });
  it('silent on real pages that add or update current extensions (aks-preview, azure-firewall)', () => {
    expect(found(rule, 'tests/fresh/articles/aks/windows-container-cli.md')).toEqual([]);
    expect(found(rule, 'tests/fresh/articles/aks/limit-egress-traffic.md')).toEqual([]);
  });
  it('the deprecated show-connection-string commands on the same page stay az-retired-command\'s (azure-docs#61717)', () => {
    const text = read(IOT_NODE_2019);
    expect(found('az-retired-command', IOT_NODE_2019).map((h) => h.line)).toEqual([
      lineOf(text, 'az iot hub device-identity show-connection-string'),
      lineOf(text, 'az iot hub show-connection-string'),
    ]);
  });
});
