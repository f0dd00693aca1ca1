// HTTP requests written as REST pages write them (```http `PUT https://management.azure.com/…`) are
// steps (issue 16, session 5): before, the corpus's elevate-access-global-admin.md and
// role-assignments-rest.md lost all their REST steps ("golden steps not extracted"). A request line
// is no shell text (`$filter` is OData, `&` no background job); its `{name}` URI template variables
// are placeholders bound like `<name>` (unbound: blocked naming it, never a fail); a PUT's body is the
// ```json block right after ("request and body"); the run signs the request in as a REST client does.
// Page excerpts are copied from tests/corpus (cited per case); the emulator runs for real.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HttpStep } from '../../src/model.ts';
import { parseTutorialText } from '../../src/parse/index.ts';
import { runTutorials } from '../../src/run/index.ts';
import type { Report } from '../../src/report/schema.ts';

const dir = mkdtempSync(join(os.tmpdir(), 'tc-request-steps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(name: string, text: string, engine: 'http' | 'shell' = 'http'): Promise<Report['tutorials'][number]> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const { report } = await runTutorials({ paths: [file], engine });
  const t = report.tutorials[0];
  if (!t) throw new Error('no tutorial in the report');
  return t;
}

const requests = (text: string): HttpStep[] => parseTutorialText(text, 'page.md').steps.filter((s): s is HttpStep => s.kind === 'http');

// tests/corpus/articles/role-based-access-control/role-assignments-rest.md, lines 30-45 (indented list item)
const ROLE_ASSIGNMENT = [
  '# Assign Azure roles using the REST API',
  '',
  '1. Start with the following request and body:',
  '',
  '    ```http',
  '    PUT https://management.azure.com/{scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentId}?api-version=2015-07-01',
  '    ```',
  '',
  '    ```json',
  '    {',
  '      "properties": {',
  '        "roleDefinitionId": "/{scope}/providers/Microsoft.Authorization/roleDefinitions/{roleDefinitionId}",',
  '        "principalId": "{principalId}"',
  '      }',
  '    }',
  '    ```',
  '',
].join('\n');

// tests/corpus/articles/role-based-access-control/elevate-access-global-admin.md, lines 213-253 (shortened)
const ELEVATE = [
  '# Elevate access',
  '',
  '1. Using REST, call `elevateAccess`, which grants you the User Access Administrator role at root scope (`/`).',
  '',
  '   ```http',
  '   POST https://management.azure.com/providers/Microsoft.Authorization/elevateAccess?api-version=2016-07-01',
  '   ```',
  '',
  '- Call Role Assignments - List For Scope where `{objectIdOfUser}` is the object ID of the user.',
  '',
  '   ```http',
  "   GET https://management.azure.com/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=principalId+eq+'{objectIdOfUser}'",
  '   ```',
  '',
].join('\n');

describe('an HTTP request in an http block is a request step', () => {
  it('reads method, URL and the body from the json block right after; {name} variables are its placeholders, $filter is not', () => {
    const [put] = requests(ROLE_ASSIGNMENT);
    expect(put).toBeDefined();
    expect(put!.raw).toBe('PUT https://management.azure.com/{scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentId}?api-version=2015-07-01');
    expect([put!.curl.method, put!.curl.url, put!.language]).toEqual(['PUT', 'https://management.azure.com/{scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentId}?api-version=2015-07-01', 'http']);
    expect(JSON.parse(put!.curl.data[0]!.value)).toEqual({ properties: { roleDefinitionId: '/{scope}/providers/Microsoft.Authorization/roleDefinitions/{roleDefinitionId}', principalId: '{principalId}' } });
    expect(put!.request?.bodySource).toMatchObject({ startLine: 10, endLine: 15 });
    expect(put!.expectation).toBeUndefined(); // the body is no response
    expect(put!.placeholders).toEqual(['SCOPE', 'ROLE_ASSIGNMENT_ID', 'ROLE_DEFINITION_ID', 'PRINCIPAL_ID'].map((k) => k.replace(/_/g, '')));

    const [, get] = requests(ELEVATE);
    expect(get!.curl.url).toContain("$filter=principalId+eq+'{objectIdOfUser}'");
    expect(get!.placeholders).toEqual(['OBJECTIDOFUSER']);
  });

  it('reads headers and an inline body, HTTP/1.1 on the request line, ```rest and unlabelled blocks; a GET keeps the json after it as its response', () => {
    const text = [
      '# Page',
      '',
      '```rest',
      'POST https://management.azure.com/subscriptions/{subscriptionId}/providers/Microsoft.Web/sites/x/config/appsettings/list?api-version=2022-03-01 HTTP/1.1',
      'Accept: application/json',
      'Content-Type: application/json',
      '',
      '{ "a": 1 }',
      '```',
      '',
      '```',
      'GET https://management.azure.com/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01',
      '```',
      '',
      '```json',
      '{ "value": [] }',
      '```',
      '',
      '```bash',
      'GET /not/a/request',
      '```',
      '',
      '```http',
      'PATCH https://management.azure.com/subscriptions/{subscriptionId}/resourcegroups/g?api-version=2021-04-01',
      '```',
      '',
      'Request body:',
      '',
      '```json',
      '{ "tags": { "env": "{environment}" } }',
      '```',
      '',
      '## Response',
      '',
      '```json',
      '{ "name": "g" }',
      '```',
      '',
    ].join('\n');
    const [post, get, patch, ...rest] = requests(text);
    expect(rest).toEqual([]);
    // A lead-in naming the body keeps the block the request's body; the block under "Response" is its response.
    expect(patch!.curl.data[0]!.value).toBe('{ "tags": { "env": "{environment}" } }');
    expect(patch!.placeholders).toEqual(['SUBSCRIPTIONID', 'ENVIRONMENT']);
    expect(patch!.expectation).toMatchObject({ kind: 'json', source: { startLine: 36 } });
    // The inline JSON body is the page's JSON too (json-example-invalid reads it): its place is kept.
    expect(post!.request).toEqual({ httpVersion: 'HTTP/1.1', bodySource: { file: 'page.md', startLine: 8, endLine: 8 } });
    expect(post!.curl.headers.map((h) => [h.name, h.value])).toEqual([
      ['Accept', 'application/json'],
      ['Content-Type', 'application/json'],
    ]);
    expect(post!.curl.data).toEqual([{ flag: '--data-binary', value: '{ "a": 1 }' }]);
    expect(post!.source).toMatchObject({ startLine: 4, endLine: 8 });
    expect(get!.curl.method).toBe('GET');
    expect(get!.expectation).toMatchObject({ kind: 'json', source: { startLine: 16 } });
  });
});

describe('the body written after the request, as Resource Manager\'s REST pages write it', () => {
  // MicrosoftDocs/azure-docs articles/azure-resource-manager/templates/deploy-rest.md at 0b8729eaf7eb0aabc6390cb17348d19761285f12 (steps 2 and 4, shortened)
  const page = [
    '# Deploy resources with ARM templates and Azure Resource Manager REST API',
    '',
    '1. If you\'re deploying to a resource group that doesn\'t exist, create the resource group.',
    '',
    '   ```HTTP',
    '   PUT https://management.azure.com/subscriptions/<YourSubscriptionId>/resourcegroups/<YourResourceGroupName>?api-version=2020-06-01',
    '   ```',
    '',
    '   With a request body like:',
    '',
    '   ```json',
    '   {',
    '    "location": "West US"',
    '   }',
    '   ```',
    '',
    '1. To deploy a template, provide your subscription ID, the name of the resource group, the name of the deployment in the request URI.',
    '',
    '   ```HTTP',
    '   PUT https://management.azure.com/subscriptions/<YourSubscriptionId>/resourcegroups/<YourResourceGroupName>/providers/Microsoft.Resources/deployments/<YourDeploymentName>?api-version=2020-10-01',
    '   ```',
    '',
    '   In the request body, provide a link to your template and parameter file.',
    '',
    '   Notice the `mode` is set to **Incremental**. To run a complete deployment, set `mode` to **Complete**.',
    '',
    '   ```json',
    '   {',
    '    "properties": {',
    '      "mode": "Incremental"',
    '    }',
    '   }',
    '   ```',
    '',
  ].join('\n');

  it('takes the json block as the body through a lead-in naming it, and through two paragraphs of which one names it; ```HTTP is http', () => {
    const [group, deployment, ...rest] = requests(page);
    expect(rest).toEqual([]);
    expect(group!.language).toBe('http');
    expect(JSON.parse(group!.curl.data[0]!.value)).toEqual({ location: 'West US' });
    expect(JSON.parse(deployment!.curl.data[0]!.value)).toEqual({ properties: { mode: 'Incremental' } });
    expect([group!.expectation, deployment!.expectation]).toEqual([undefined, undefined]);
  });

  it('a json block after prose that does not name the body is not the request\'s body', () => {
    const [put] = requests(['# P', '', '```http', 'PUT https://management.azure.com/subscriptions/{subscriptionId}/resourcegroups/g?api-version=2021-04-01', '```', '', 'The service answers:', '', '```json', '{ "name": "g" }', '```', ''].join('\n'));
    expect(put!.curl.data).toEqual([]);
    expect(put!.expectation).toMatchObject({ kind: 'json' });
  });
});

describe('a request step runs as a REST client sends it', () => {
  it.each(['http', 'shell'] as const)('signs in to Resource Manager, sends the JSON body as JSON, binds {subscriptionId}: the resource group is created and read back (pass; %s engine: no shell reads a request line)', async (engine) => {
    const t = await run(
      `rg-${engine}.md`,
      [
        '# Create a resource group with the REST API',
        '',
        'Send the following request and body:',
        '',
        '```http',
        'PUT https://management.azure.com/subscriptions/{subscriptionId}/resourcegroups/demoGroup?api-version=2021-04-01',
        '```',
        '',
        '```json',
        '{',
        '  "location": "eastus"',
        '}',
        '```',
        '',
        '```http',
        'GET https://management.azure.com/subscriptions/{subscriptionId}/resourcegroups/demoGroup?api-version=2021-04-01',
        '```',
        '',
      ].join('\n'),
      engine,
    );
    expect(t.steps.map((s) => [s.kind, s.verdict])).toEqual([
      ['http', 'pass'],
      ['http', 'pass'],
    ]);
    const put = t.steps[0]!.request;
    expect(put?.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1]).toBe('application/json');
    expect(put?.headers.some(([n]) => n.toLowerCase() === 'authorization')).toBe(true);
    expect(JSON.parse(t.steps[1]!.response?.body ?? '{}')).toMatchObject({ name: 'demoGroup', location: 'eastus' });
  });

  it('regression (role-assignments-rest.md): an unbound {roleAssignmentId} blocks the PUT naming the placeholder, never a fail', async () => {
    const t = await run('role-assignment.md', ROLE_ASSIGNMENT);
    expect(t.steps.filter((s) => s.kind === 'http').map((s) => s.verdict)).toEqual(['blocked']);
    expect(t.steps.find((s) => s.kind === 'http')?.reason).toMatch(/\{roleAssignmentId\} has no value; add --set ROLEASSIGNMENTID=/);
  });

  it('regression (elevate-access-global-admin.md): calls at the root scope depend on elevateAccess — not emulated, so blocked, not a 403 fail', async () => {
    const t = await run('elevate.md', ELEVATE);
    const http = t.steps.filter((s) => s.kind === 'http');
    expect(http.map((s) => s.verdict)).toEqual(['unsupported', 'blocked']);
    expect(http[1]!.reason).toMatch(/tenant root scope \(\/\).*elevateAccess/);
  });

  it('a request to a host whose sign-in the tool does not know, with no credentials on the page, is unsupported', async () => {
    const t = await run('other-host.md', ['# Page', '', '```http', 'POST https://events.contoso.example/api/events', 'Content-Type: application/json', '', '{ "name": "x" }', '```', ''].join('\n'));
    expect(t.steps.map((s) => s.verdict)).toEqual(['unsupported']);
    expect(t.steps[0]!.reason).toMatch(/without credentials.*events\.contoso\.example/);
  });
});
