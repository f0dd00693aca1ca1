// Example vs the request that produced it (issue 16 item 2): a SAS shown after listServiceSas /
// listAccountSas or az … generate-sas must carry what the request asked for. Positive: the
// tutorial's st= (000-storage-sas.md) and the corpus page's sp (storage-blob-user-delegation-sas-
// create-cli.md). Negative: the Storage resource provider's own recorded exchanges (vendor/specs,
// Azure/azure-rest-api-specs at the commit in vendor/specs/README.md), written as a page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const rule = 'example-sas-fields';
const lint = (text: string, file = 'tests/lint/fixtures/mutated.md') => lintText(text, 'docfx', file).filter((f) => f.rule === rule);

const EXAMPLES = 'vendor/specs/storage/resource-manager/Microsoft.Storage/stable/2017-06-01/examples';
interface SpecExample {
  parameters: { subscriptionId: string; resourceGroupName: string; accountName: string; 'api-version': string; parameters: Record<string, string> };
  responses: { '200': { body: Record<string, string> } };
}

/** A page made of a recorded exchange: the request as a curl command, the response as its example. */
function pageOf(file: string, operation: string, editBody: (b: Record<string, string>) => Record<string, string> = (b) => b, editToken: (t: string) => string = (t) => t): string {
  const ex = JSON.parse(readFileSync(join(root, EXAMPLES, file), 'utf8')) as SpecExample;
  const p = ex.parameters;
  const url = `https://management.azure.com/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/Microsoft.Storage/storageAccounts/${p.accountName}/${operation}?api-version=${p['api-version']}`;
  const [key, token] = Object.entries(ex.responses['200'].body)[0]!;
  return [
    '# SAS from Resource Manager',
    '',
    'Ask Resource Manager for a SAS:',
    '',
    '```bash',
    `curl -X POST '${url}' -H "Authorization: Bearer <ACCESS TOKEN>" -H "Content-Type: application/json" -d '${JSON.stringify(editBody(p.parameters))}'`,
    '```',
    '',
    'The response:',
    '',
    '```json',
    JSON.stringify({ [key]: editToken(token) }),
    '```',
    '',
  ].join('\n');
}

describe('example-sas-fields', () => {
  it('000-storage-sas.md: the example has st= although the request sent no signedStart (line 123)', () => {
    const file = 'tutorials/000-storage-sas.md';
    const found = lint(readFileSync(join(root, file), 'utf8'), file);
    expect(found.map((f) => f.line)).toEqual([123]);
    expect(found[0]?.message).toMatch(/st=2017-09-22T00:10:00Z.*request on line 115 sends no signedStart/);
    expect(readFileSync(join(root, file), 'utf8').split('\n')[122]?.slice((found[0]?.column ?? 1) - 1)).toMatch(/^st=/);
  });

  it('000-storage-sas.md: silent once the request sends a start time (signedStart)', () => {
    const file = 'tutorials/000-storage-sas.md';
    const text = readFileSync(join(root, file), 'utf8').replace('\\"signedProtocol\\":\\"https\\",', '\\"signedProtocol\\":\\"https\\",\\"signedStart\\":\\"2017-09-22T00:10:00Z\\",');
    expect(text).toContain('signedStart');
    expect(lint(text, file)).toEqual([]);
  });

  it('silent on the recorded List Account SAS exchange (signedStart sent, st= returned, fractions of a second dropped)', () => {
    const text = pageOf('StorageAccountListAccountSAS.json', 'ListAccountSas');
    expect(text).toContain('"signedStart":"2017-05-24T10:42:03.1567373Z"');
    expect(text).toContain('st=2017-05-24T10%3A42%3A03Z');
    expect(lint(text)).toEqual([]);
  });

  it('az … generate-sas: spr only with --https-only, sip only with --ip (the Storage SDK adds a field only when its value is set)', () => {
    const page = (options: string, token: string) =>
      ['# SAS', '', '```azurecli', `az storage container generate-sas --account-name mystorageaccount --name mycontainer --permissions r --expiry 2027-01-01T00:00Z ${options}`, '```', '', '```output', `"${token}"`, '```', ''].join('\n');
    const token = 'se=2027-01-01T00%3A00Z&sp=r&spr=https&sv=2022-11-02&sr=c&sig=abc%3D';
    expect(lint(page('--https-only', token))).toEqual([]);
    expect(lint(page('', token)).map((f) => f.message)).toEqual([expect.stringMatching(/spr=https \(protocol\), but the request on line 4 sends no --https-only/)]);
    const withIp = token.replace('&spr=https', '&sip=168.1.5.60-168.1.5.70&spr=https');
    expect(lint(page('--https-only --ip 168.1.5.60-168.1.5.70', withIp))).toEqual([]);
    expect(lint(page('--https-only --ip 168.1.5.65', withIp)).map((f) => f.message)).toEqual([expect.stringMatching(/sip=168\.1\.5\.60-168\.1\.5\.70 \(IP range\).*--ip "168\.1\.5\.65"/)]);
  });

  it('az … generate-sas: the user delegation key\'s fields (skoid…) only with --as-user', () => {
    const page = (options: string, token: string) =>
      ['# SAS', '', '```azurecli', `az storage container generate-sas --account-name mystorageaccount --name mycontainer --permissions r --expiry 2027-01-01T00:00Z ${options}`, '```', '', '```output', `"${token}"`, '```', ''].join('\n');
    const delegated = 'se=2027-01-01T00%3A00Z&sp=r&sv=2022-11-02&sr=c&skoid=00000000-0000-0000-0000-000000000000&sktid=00000000-0000-0000-0000-000000000000&skt=2026-12-06T00%3A00%3A00Z&ske=2027-01-01T00%3A00%3A00Z&sks=b&skv=2022-11-02&sig=abc%3D';
    expect(lint(page('--as-user --auth-mode login', delegated))).toEqual([]);
    expect(lint(page('--account-key <KEY>', delegated)).map((f) => f.message)).toEqual([expect.stringMatching(/has skoid and the other fields of a user delegation key, but the request on line 4 is signed with the account key \(it is given no --as-user\)/)]);
    const keyed = 'se=2027-01-01T00%3A00Z&sp=r&sv=2022-11-02&sr=c&sig=abc%3D';
    expect(lint(page('--account-key <KEY>', keyed))).toEqual([]);
    expect(lint(page('--as-user --auth-mode login', keyed)).map((f) => f.message)).toEqual([expect.stringMatching(/has no skoid.*asks for a user delegation SAS \(it is given --as-user\)/)]);
  });

  it('silent on the recorded List Service SAS exchange (no signedStart, no st)', () => {
    expect(lint(pageOf('StorageAccountListServiceSAS.json', 'listServiceSas'))).toEqual([]);
  });

  it('reports st= shown after the recorded List Service SAS request, which sends no start', () => {
    const found = lint(pageOf('StorageAccountListServiceSAS.json', 'listServiceSas', undefined, (t) => t.replace('&se=', '&st=2017-05-24T10%3A32%3A48Z&se=')));
    expect(found.map((f) => f.line)).toEqual([12]);
    expect(found[0]?.message).toMatch(/sends no signedStart/);
  });

  it('reports permissions, resource and expiry that differ from the recorded request', () => {
    const found = lint(pageOf('StorageAccountListServiceSAS.json', 'listServiceSas', (b) => ({ ...b, signedPermission: 'rl', signedResource: 'b' })));
    expect(found.map((f) => f.message.match(/has (\w+)=/)?.[1]).sort()).toEqual(['sp', 'sr']);
    const expiry = lint(pageOf('StorageAccountListServiceSAS.json', 'listServiceSas', (b) => ({ ...b, signedExpiry: '2017-05-25T11:32:48Z' })));
    expect(expiry.map((f) => f.message)).toEqual([expect.stringMatching(/se=2017-05-24T11:32:48Z .*signedExpiry "2017-05-25T11:32:48Z"/)]);
  });

  it('storage-blob-user-delegation-sas-create-cli.md: sp=r and sp=rw where az generate-sas asks for acdlrw and acdrw', () => {
    const file = 'tests/corpus/articles/storage/blobs/storage-blob-user-delegation-sas-create-cli.md';
    const found = lint(readFileSync(join(root, file), 'utf8'), file);
    expect(found.map((f) => [f.line, f.message.match(/token it returns has (sp=\w+)/)?.[1]])).toEqual([
      [83, 'sp=racwdl'],
      [109, 'sp=racwd'],
    ]);
  });
});
