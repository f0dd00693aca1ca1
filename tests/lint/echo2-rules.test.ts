// Issue 16 session 9 (echo2): data-plane examples checked against the request that produced them —
// Key Vault objects, blobs and BlobCreated events, App Service hosts. Each rule is held on a real
// page where the example contradicts its command and kept silent on a real page where the example
// is right (or illustrates with placeholders, which match anything), with the variants that pin why.
// The pages are byte-exact excerpts in fixtures/real (repository, path and commit in its README).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const real = (file: string) => join(import.meta.dirname, 'fixtures', 'real', file);
const read = (file: string) => readFileSync(real(file), 'utf8');
const found = (rule: string, file: string, text = read(file)) => lintText(text, 'docfx', real(file)).filter((f) => f.rule === rule);
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('example-vault-object-vs-request', () => {
  const rule = 'example-vault-object-vs-request';
  const SPRING = 'configure-spring-boot-starter-key-vault.ko-kr.excerpt.md';
  const ACR = 'container-registry-customer-managed-keys.excerpt.md';
  it('Spring Boot Key Vault tutorial (azure-dev-docs.ko-kr): the secret is set to jdbc:sqlserver://SERVER… but the example shows jdbc:sqlserver://.database…', () => {
    const text = read(SPRING);
    const hits = found(rule, SPRING);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineWith(text, '"value": "jdbc:sqlserver://.database'), 'warning']]);
    expect(hits[0]?.message).toMatch(/value is "jdbc:sqlserver:\/\/\.database\.windows\.net:1433;database=DATABASE;" but az keyvault secret set on line 4 sets --value jdbc:sqlserver:\/\/SERVER\.database/);
  });
  it('the same page with the value az prints is silent; its id (vault contosokv, secret connectionString) already agrees, and the file-encoding tag az adds is no defect', () => {
    const fixed = read(SPRING).replace('"jdbc:sqlserver://.database', '"jdbc:sqlserver://SERVER.database');
    expect(found(rule, 'fixed.md', fixed)).toEqual([]);
    const otherVault = fixed.replace('https://contosokv.vault.azure.net/secrets/connectionString/', 'https://wingtiptoyskeyvault.vault.azure.net/secrets/connectionString/');
    expect(found(rule, 'vault.md', otherVault).map((h) => h.message)).toEqual([expect.stringMatching(/names vault "wingtiptoyskeyvault" where az keyvault secret set on line 4 names "contosokv"/)]);
  });
  it('container-registry-customer-managed-keys.md: az keyvault key create with placeholders; the kid example (mykeyvault, mykey) illustrates, and a placeholder matches anything', () => {
    expect(found(rule, ACR)).toEqual([]);
    // as a JSON example the kid is read, and still matches the placeholders
    const json = read(ACR).replace(/\[\.\.\.\]\n  "key"/, '{\n  "key"').replace(/"kty": "RSA",\n\[\.\.\.\]/, '"kty": "RSA"\n  }\n}');
    expect(json).toMatch(/\{\n {2}"key": \{/);
    expect(found(rule, 'json.md', json)).toEqual([]);
    // a command that writes the vault's name shows that vault: another literal one is a defect
    const literal = json.replace('--vault-name <key-vault-name>\n```\n\nIn the command', '--vault-name contosokv\n```\n\nIn the command');
    expect(found(rule, 'literal.md', literal).map((h) => h.line)).toEqual([lineWith(literal, '"kid"')]);
  });
  it('a show after the set prints the value set; a variable vault or a --file secret is never judged', () => {
    const page = '```azurecli\naz keyvault secret set --vault-name kv1 --name s1 --value hunter2\naz keyvault secret show --vault-name kv1 --name s1\n```\n\n```json\n{"id": "https://kv1.vault.azure.net/secrets/s1/0123", "name": "s1", "value": "hunter3"}\n```\n';
    expect(found(rule, 'show.md', page).map((h) => h.message)).toEqual([expect.stringMatching(/value is "hunter3" but the secret s1 was set to "hunter2"/)]);
    expect(found(rule, 'var.md', page.replaceAll('kv1 ', '$KV ').replace('hunter3', 'hunter2'))).toEqual([]);
    // a later set whose value the page does not write (a variable) leaves the shown value unknown
    const reset = page.replace('az keyvault secret show', 'az keyvault secret set --vault-name kv1 --name s1 --value "$NEW"\naz keyvault secret show');
    expect(found(rule, 'reset.md', reset)).toEqual([]);
  });
});

describe('example-blob-vs-request', () => {
  const rule = 'example-blob-vs-request';
  const ABAC = 'storage-auth-abac-cli.excerpt.md';
  // the example elides its end ("..."): closed, it is read as the JSON az prints
  const closed = () => read(ABAC).replace('        "contentRange": null,\n\n      ...\n\n    }', '        "contentRange": null\n      }\n    }');
  it('storage-auth-abac-cli.md: az storage blob show with $containerName and $blobNameCascade; the example shows the placeholders they stand for', () => {
    expect(found(rule, ABAC)).toEqual([]);
    expect(closed()).not.toContain('...');
    expect(found(rule, 'closed.md', closed())).toEqual([]);
  });
  it('the same show with literal names and another blob in the example is reported at the example\'s name', () => {
    const text = closed().replace('--name $blobNameCascade', '--name cascade.txt').replace('"name": "<blobNameCascade>"', '"name": "baker.txt"');
    expect(found(rule, 'literal.md', text).map((h) => h.line)).toEqual([lineWith(text, '"name": "baker.txt"')]);
  });
  it('a BlobCreated event after the one upload: url, subject, topic, size and Put Blob follow the upload and the bytes echo wrote', () => {
    const page = (event: string) =>
      `\`\`\`bash\necho "Hello world" > hello.txt\naz storage blob upload --account-name acct1 --container-name box --name hello.txt --file hello.txt\n\`\`\`\n\nThe viewer shows:\n\n\`\`\`json\n${event}\n\`\`\`\n`;
    const good = '[{"topic": "/subscriptions/{id}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct1", "subject": "/blobServices/default/containers/box/blobs/hello.txt", "eventType": "Microsoft.Storage.BlobCreated", "data": {"api": "PutBlob", "contentLength": 12, "url": "https://acct1.blob.core.windows.net/box/hello.txt"}}]';
    expect(found(rule, 'good.md', page(good))).toEqual([]);
    const bad = good.replace('PutBlob', 'PutBlockList').replace('"contentLength": 12', '"contentLength": 524288').replace('/box/hello.txt"}', '/testcontainer/hello.txt"}');
    expect(found(rule, 'bad.md', page(bad)).map((h) => h.message).sort()).toEqual([
      expect.stringMatching(/data\.api is "PutBlockList".*one Put Blob.*"PutBlob"/),
      expect.stringMatching(/data\.contentLength is 524288, but the upload on line 3 sends the 12 bytes/),
      expect.stringMatching(/data\.url names container "testcontainer" where the upload on line 3 names "box"/),
    ]);
    // a page that uploads with a variable account names no account to compare
    expect(found(rule, 'var.md', page(good.replace('storageAccounts/acct1', 'storageAccounts/other')).replace('--account-name acct1', '--account-name $ACCOUNT'))).toEqual([]);
  });
});

describe('example-app-host-vs-request', () => {
  const rule = 'example-app-host-vs-request';
  const WEBAPP = 'tutorial-net-create-vault-azure-web-app.excerpt.md';
  it('tutorial-net-create-vault-azure-web-app.md: --name "<your-webapp-name>" and a defaultHostName of that placeholder is silent, also when the output is read as JSON', () => {
    expect(found(rule, WEBAPP)).toEqual([]);
    const json = read(WEBAPP).replace('<pre>\nLocal git is configured with url of \'https://&lt;username&gt;@&lt;your-webapp-name&gt;.scm.azurewebsites.net/&lt;ayour-webapp-name&gt;.git\'\n', '```json\n').replace('  &lt; JSON data removed for brevity. &gt;\n}\n</pre>', '  "name": "<your-webapp-name>"\n}\n```').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
    expect(json).toMatch(/```json\n\{/);
    expect(found(rule, 'json.md', json)).toEqual([]);
    const literal = json.replace('--name "<your-webapp-name>"', '--name "contoso-web"').replace('"defaultHostName": "<your-webapp-name>.azurewebsites.net"', '"defaultHostName": "contosoweb.azurewebsites.net"');
    expect(found(rule, 'literal.md', literal).map((h) => h.line)).toEqual([lineWith(literal, '"defaultHostName"')]);
    // the unique default host (--domain-name-scope) keeps the name as its beginning
    expect(found(rule, 'unique.md', literal.replace('contosoweb.azurewebsites.net', 'contoso-web-a6gqaeashthkhkeu.eastus-01.azurewebsites.net'))).toEqual([]);
  });
});
