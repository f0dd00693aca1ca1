// The small readers the rules share: shell words, mojibake, GUIDs, resource ids.
import { describe, expect, it } from 'vitest';
import { commandWords } from '../../src/parse/shell-words.ts';
import { curlOf, azOf, simpleCommands } from '../../src/lint/commands.ts';
import { findMojibake } from '../../src/lint/mojibake.ts';
import { isGuid, nearGuids, whyNotGuid } from '../../src/lint/guid.ts';
import { checkResourceId } from '../../src/lint/resource-id.ts';
import { placeholdersIn } from '../../src/lint/text.ts';

const words = (text: string) => commandWords(text.split('\n').map((t, i) => ({ line: i + 1, text: t })));

describe('shellWords', () => {
  it('splits on ASCII blanks only, so an NBSP stays in its word', () => {
    expect(words('curl -H Metadata:true\u00a0 x').map((w) => w.value)).toEqual(['curl', '-H', 'Metadata:true\u00a0', 'x']);
    expect(words('curl url \u00a0').map((w) => w.value)).toEqual(['curl', 'url', '\u00a0']);
  });
  it('removes quotes, keeps curly quotes, joins continuation lines and keeps placeholders whole', () => {
    const w = words('az role assignment create --role \u2018Reader\u2019 \\\n  --scope "/subscriptions/<SUB ID>/x " --assignee <MSI CLIENTID>');
    expect(w.map((x) => x.value)).toEqual(['az', 'role', 'assignment', 'create', '--role', '\u2018Reader\u2019', '--scope', '/subscriptions/<SUB ID>/x ', '--assignee', '<MSI CLIENTID>']);
    expect(w[7]).toMatchObject({ line: 2, column: 11, quoted: true });
  });
  it('cuts pipelines and command substitutions into commands', () => {
    const cmds = simpleCommands(words(`access_token=$(curl 'http://h/x' -H Metadata:true | jq -r '.access_token')`));
    expect(cmds.map((c) => c[0]?.value)).toEqual(['curl', 'jq']);
  });
});

describe('curlOf / azOf', () => {
  it('reads method, URL, headers and upload file as curl does', () => {
    const c = curlOf(words('curl -i -X PUT -L -T Test1.txt -H "Authorization: Bearer <T>" \'https://a/b?op=CREATE\''));
    expect(c).toMatchObject({ method: 'PUT', uploadFile: { value: 'Test1.txt' } });
    expect(c?.urls.map((u) => u.value)).toEqual(['https://a/b?op=CREATE']);
    expect(c?.headers[0]).toMatchObject({ name: 'Authorization', value: 'Bearer <T>' });
    // An en-dash "option" is a URL to curl, and the word after it too.
    expect(curlOf(words('curl https://x \u2013-request POST -d ""'))?.urls.map((u) => u.value)).toEqual(['https://x', '\u2013-request', 'POST']);
  });
  it('reads az path and options, with null values for bare flags', () => {
    const a = azOf(words('az storage blob upload --container-name --file f.txt --auth-mode login'));
    expect(a?.path).toEqual(['storage', 'blob', 'upload']);
    expect(a?.options.map((o) => [o.name, o.value?.value ?? null])).toEqual([['--container-name', null], ['--file', 'f.txt'], ['--auth-mode', 'login']]);
  });
});

describe('findMojibake', () => {
  it('decodes UTF-8 read as Windows-1252 and leaves real accents alone', () => {
    expect(findMojibake('itâ€™s')).toEqual([{ index: 2, text: 'â€™', decoded: '\u2019' }]);
    expect(findMojibake('Â\u00a0x')[0]?.decoded).toBe('\u00a0');
    expect(findMojibake('café, naïve, Ã  la')).toEqual([]);
  });
});

describe('GUIDs', () => {
  it('tells GUIDs from near-GUIDs and says why', () => {
    expect(isGuid('acdd72a7-3385-48ef-bd42-f606fba81ae7')).toBe(true);
    expect(isGuid('73444643-8088-4d70-9532-c3a0fdc190fz')).toBe(false);
    expect(whyNotGuid('123444643-8088-4d70-9532-c3a0fdc190fz')).toBe('"z" is not a hexadecimal digit and its groups have 9-4-4-4-12 characters instead of 8-4-4-4-12');
    expect(nearGuids('https://x/credentials?tid=5678&oid=9012&aid=123444643-8088-4d70-9532-c3a0fdc190fz').map((n) => n.text)).toEqual(['123444643-8088-4d70-9532-c3a0fdc190fz']);
    expect(nearGuids('/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7')).toEqual([]);
  });
});

describe('checkResourceId', () => {
  it('accepts ids and extension-resource ids in any segment case', () => {
    expect(checkResourceId('/subscriptions/<S>/resourcegroups/<RG>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<N>').problems).toEqual([]);
    expect(checkResourceId('/subscriptions/<S>/resourceGroups/<RG>/providers/Microsoft.Storage/storageAccounts/<A>/blobServices/default/containers/<C>/providers/Microsoft.Authorization/roleAssignments/<G>').problems).toEqual([]);
  });
  it('finds namespace case, misspelt types and a missing child type, and fixes them', () => {
    const r = checkResourceId('/subscriptions/<S>/resourceGroups/<RG>/providers/Microsoft.storage/storageAccounts/<A>/blogServices/default/<C>');
    expect(r.problems.map((p) => p.message)).toEqual([
      'the provider namespace is written "Microsoft.storage"; Azure returns "Microsoft.Storage"',
      '"blogServices" is not a resource type of Microsoft.Storage; did you mean "blobServices"?',
      '"<C>" is a name without its resource type: under this parent the child type is "containers", so write ".../containers/<C>"',
    ]);
    expect(r.suggestion).toBe('/subscriptions/<S>/resourceGroups/<RG>/providers/Microsoft.Storage/storageAccounts/<A>/blobServices/default/containers/<C>');
  });
});

describe('placeholdersIn', () => {
  it('normalises spellings to one key and reads DocFX-escaped placeholders', () => {
    expect(placeholdersIn('Bearer \\<ACCESS_TOKEN_VALUE\\> and <ACCESS-TOKEN>, <access token>').map((p) => [p.spelling, p.key])).toEqual([
      ['<ACCESS_TOKEN_VALUE>', 'ACCESS_TOKEN_VALUE'],
      ['<ACCESS-TOKEN>', 'ACCESS_TOKEN'],
      ['<access token>', 'ACCESS_TOKEN'],
    ]);
  });
});

describe('src/lint/README.md', () => {
  it('is exactly what src/lint/readme.ts renders from the rules (regenerate it after changing a rule)', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { projectRoot } = await import('../../src/tutorials/manifest.ts');
    const { renderReadme } = await import('../../src/lint/readme.ts');
    const { rules } = await import('../../src/lint/index.ts');
    const readme = readFileSync(join(projectRoot, 'src/lint/README.md'), 'utf8');
    expect(readme).toBe(renderReadme());
    for (const r of rules) expect(readme).toContain(`| \`${r.id}\` | ${r.severity} |`);
  });
});
