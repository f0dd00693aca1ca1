// Issue 16 session 10 (wild-h): a rule written for a defect readers reported on an Azure AI services
// page (tests/fresh), held on the reported page and kept silent where the same request is written
// correctly: the same page as its authors fixed it, and a variable that holds a name, not a URL.
import { describe, expect, it } from 'vitest';
import { lineOf, readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;

const CHATGPT_REST = 'tests/fresh/articles/cognitive-services/openai/includes/chatgpt-rest.md';
const IMAGE_ANALYSIS = 'tests/fresh/articles/ai-services/computer-vision/includes/image-analysis-curl-quickstart-40.md';

describe('variable-url-after-scheme', () => {
  const rule = 'variable-url-after-scheme';
  it('chatgpt-rest.md (azure-docs#106642): curl https://$OPENAI_API_BASE/… with OPENAI_API_BASE="REPLACE_WITH_YOUR_ENDPOINT_HERE"', () => {
    const text = read(CHATGPT_REST);
    const hits = found(rule, CHATGPT_REST);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineOf(text, 'curl https://$OPENAI_API_BASE/'), 'warning']]);
    expect(hits[0]?.message).toMatch(/\$OPENAI_API_BASE follows "https:\/\/".*"REPLACE_WITH_YOUR_ENDPOINT_HERE", line 51.*Could not resolve host: https.*Write "\$OPENAI_API_BASE\/…" without the scheme/);
  });
  it('silent on the fix the page received: curl $OPENAI_API_BASE/openai/… (the endpoint carries its scheme)', () => {
    // MicrosoftDocs/azure-docs articles/ai-services/openai/includes/chatgpt-rest.md @12f43d9 writes curl $AZURE_OPENAI_ENDPOINT/openai/deployments/…
    const fixed = read(CHATGPT_REST).replace('curl https://$OPENAI_API_BASE/', 'curl $OPENAI_API_BASE/');
    expect(fixed).not.toBe(read(CHATGPT_REST));
    expect(found(rule, 'fixed.md', fixed)).toEqual([]);
  });
  it('silent when the variable holds a name the URL completes (https://$NAME.openai.azure.com/…), or a host only', () => {
    const named = read(CHATGPT_REST)
      .replaceAll('OPENAI_API_BASE', 'OPENAI_RESOURCE')
      .replace('"REPLACE_WITH_YOUR_ENDPOINT_HERE"', '"REPLACE_WITH_YOUR_RESOURCE_NAME_HERE"')
      .replace('curl https://$OPENAI_RESOURCE/', 'curl https://$OPENAI_RESOURCE.openai.azure.com/');
    expect(found(rule, 'named.md', named)).toEqual([]);
    const host = read(CHATGPT_REST).replaceAll('"REPLACE_WITH_YOUR_ENDPOINT_HERE"', '"docs-test-001.openai.azure.com"');
    expect(found(rule, 'host.md', host)).toEqual([]);
  });
  it('silent when the page gives the variable no URL (a placeholder <endpoint> is placeholder-url-after-scheme\'s)', () => {
    expect(found(rule, IMAGE_ANALYSIS)).toEqual([]);
    expect(found('placeholder-url-after-scheme', IMAGE_ANALYSIS).map((h) => h.line)).toEqual([lineOf(read(IMAGE_ANALYSIS), 'https://<endpoint>/computervision')]);
  });
});

const TRANSLATOR_V3 = 'tests/fresh/articles/cognitive-services/Translator/reference/v3-0-reference.md';

describe('url-literal-space: a space inside the quotes around a curl URL', () => {
  const rule = 'url-literal-space';
  it('v3-0-reference.md (azure-docs#100037): curl -X POST " my-ch-n.cognitiveservices.azure.com/…" (a space first, no scheme)', () => {
    const text = read(TRANSLATOR_V3);
    const hits = found(rule, TRANSLATOR_V3);
    expect(hits.map((h) => h.line)).toEqual([lineOf(text, 'curl -X POST " my-ch-n')]);
    expect(hits[0]?.message).toMatch(/starts with a space inside its quotes.*curl: \(3\) URL using bad\/illegal format.*https:\/\/my-ch-n\.cognitiveservices\.azure\.com\/translator\/text\/v3\.0\/translate\?to=fr/);
  });
  it('silent on the page\'s other curl requests, written with the scheme and no padding, and on the fixed example', () => {
    const fixed = read(TRANSLATOR_V3).replace('curl -X POST " my-ch-n.', 'curl -X POST "https://my-ch-n.');
    expect(found(rule, 'fixed.md', fixed)).toEqual([]);
  });
  it('a trailing space is refused the same way; a quoted non-URL argument with spaces is not judged', () => {
    const trailing = read(TRANSLATOR_V3).replace('curl -X POST " my-ch-n.cognitiveservices.azure.com/translator/text/v3.0/translate?to=fr"', 'curl -X POST "https://my-ch-n.cognitiveservices.azure.com/translator/text/v3.0/translate?to=fr "');
    expect(found(rule, 'trailing.md', trailing).map((h) => h.message)).toEqual([expect.stringMatching(/ends with a space inside its quotes.*Remove the space: https:\/\/my-ch-n/)]);
  });
});

describe('url-literal-space: no-break spaces glued after the quoted URL are not a padded URL', () => {
  it('003-arm-user-assigned.md line 92 ("…client_id=<UAMI CLIENT ID>" followed by U+00A0 ×3) is left to nonascii-space-in-command', () => {
    const file = 'tutorials/003-arm-user-assigned.md';
    const text = read(file);
    const line = lineOf(text, 'curl -H Metadata:true "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com/&client_id=<UAMI CLIENT ID>"');
    expect(found('url-literal-space', file).filter((h) => h.line === line)).toEqual([]);
    expect(found('nonascii-space-in-command', file).some((h) => h.line === line)).toBe(true);
  });
});

const TRANSLATOR_QUICKSTART = 'tests/fresh/articles/cognitive-services/Translator/quickstart-translator.md';

describe('mkdir-then-run-folder', () => {
  const rule = 'mkdir-then-run-folder';
  it('quickstart-translator.md, Java tab: mkdir translator-text-app && translator-text-app', () => {
    const text = read(TRANSLATOR_QUICKSTART);
    expect(found(rule, TRANSLATOR_QUICKSTART).map((h) => [h.line, h.severity])).toEqual([[lineOf(text, 'mkdir translator-text-app && translator-text-app'), 'warning']]);
  });
  it('silent on the same page\'s Node.js tab (mkdir translator-app && cd translator-app) and its PowerShell lines (mkdir …; cd …)', () => {
    const text = read(TRANSLATOR_QUICKSTART);
    expect(text).toContain('mkdir translator-app && cd translator-app');
    expect(text).toContain('mkdir translator-text-app; cd translator-text-app');
    expect(found(rule, 'fixed.md', text.replace('mkdir translator-text-app && translator-text-app', 'mkdir translator-text-app && cd translator-text-app'))).toEqual([]);
  });
  it('silent when the next command is a program that shares the folder\'s name, or another folder', () => {
    expect(found(rule, 'git.md', '# T\n\n```bash\nmkdir git && git init\nmkdir src && ls\n```\n')).toEqual([]);
  });
});
