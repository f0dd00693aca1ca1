// The word parsers: bash splitting, curl's and az's reading of argv. Characters are never repaired.
import { describe, expect, it } from 'vitest';
import { ParseError, parseAz, parseCurl, parseCurlArgv, placeholderKey, shellWords, tokenizeShell } from '../../src/parse/index.ts';
import { ToolError } from '../../src/errors.ts';

const NBSP = '\u00a0';

describe('shellWords splits like bash', () => {
  it('honours single and double quotes, escapes and line continuations', () => {
    expect(shellWords(`curl 'a b' "c \\"d\\" \\$e" f\\ g \\\n  -H x`)).toEqual(['curl', 'a b', 'c "d" $e', 'f g', '-H', 'x']);
  });
  it('keeps $var and $( … ) literally inside words', () => {
    expect(shellWords(`x=$(curl 'u' | jq -r '.a') "Bearer $access_token"`)).toEqual([`x=$(curl 'u' | jq -r '.a')`, 'Bearer $access_token']);
  });
  it('splits on ASCII space, tab and newline only: NBSP is part of a word', () => {
    expect(shellWords(`-H Metadata:true${NBSP} ${NBSP}`)).toEqual(['-H', `Metadata:true${NBSP}`, NBSP]);
    expect(shellWords(`"Bearer <T>"${NBSP}`)).toEqual([`Bearer <T>${NBSP}`]);
  });
  it('treats smart quotes as ordinary characters', () => {
    expect(shellWords('--role \u2018Reader\u2019')).toEqual(['--role', '\u2018Reader\u2019']);
  });
  it('reads a <PLACEHOLDER WITH SPACES> as part of one word, not as redirections', () => {
    expect(shellWords('-g <RESOURCE GROUP> -n <UAMI NAME>')).toEqual(['-g', '<RESOURCE GROUP>', '-n', '<UAMI NAME>']);
    expect(shellWords('https://<STORAGE ACCOUNT>.blob.core.windows.net/<FILE NAME>')).toEqual(['https://<STORAGE ACCOUNT>.blob.core.windows.net/<FILE NAME>']);
  });
  it('drops comments and separates operators', () => {
    const { tokens } = tokenizeShell('echo "a b" > f.txt # note');
    expect(tokens.map((t) => (t.kind === 'word' ? t.text : t.kind === 'op' ? `op:${t.op}` : `#${t.text}`))).toEqual(['echo', 'a b', 'op:>', 'f.txt', '# note']);
  });
  it('throws ParseError naming file and line for an unbalanced quote', () => {
    const call = () => shellWords(`curl 'http://x \\\n -H "a`, { file: 'tutorials/x.md', firstLine: 10 });
    expect(call).toThrow(ParseError);
    try {
      call();
    } catch (e) {
      expect(e).toBeInstanceOf(ToolError);
      expect((e as ParseError).code).toBe('E_PARSE');
      expect((e as ParseError).file).toBe('tutorials/x.md');
      expect((e as ParseError).line).toBe(10);
      expect((e as Error).message).toMatch(/^tutorials\/x\.md:10: unbalanced single quote/);
    }
  });
});

describe('parseCurl reads argv as curl does', () => {
  it('-H before the URL, unencoded resource, no method → GET', () => {
    const c = parseCurl(`curl -H Metadata:true "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/"`);
    expect(c.method).toBe('GET');
    expect(c.methodExplicit).toBe(false);
    expect(c.url).toBe('http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/');
    expect(c.headers).toEqual([{ name: 'Metadata', value: 'true', raw: 'Metadata:true' }]);
  });
  it('-d implies POST; --data keeps its flag; -X/--request set the method as written', () => {
    expect(parseCurl('curl http://h --data "resource=x"')).toMatchObject({ method: 'POST', methodExplicit: false, data: [{ flag: '--data', value: 'resource=x' }] });
    expect(parseCurl('curl http://h --request POST -d ""')).toMatchObject({ method: 'POST', methodExplicit: true, data: [{ flag: '-d', value: '' }] });
    expect(parseCurl('curl -XPATCH http://h')).toMatchObject({ method: 'PATCH', methodExplicit: true });
    expect(parseCurl(`curl http://h --data-raw '{"a":1}' --data-binary @f`).data).toEqual([
      { flag: '--data-raw', value: '{"a":1}' },
      { flag: '--data-binary', value: '@f' },
    ]);
  });
  it('-T implies PUT; -L, -i, -G, --get, -s and bundles', () => {
    expect(parseCurl('curl -T f.txt http://h')).toMatchObject({ method: 'PUT', uploadFile: 'f.txt' });
    expect(parseCurl('curl -sSLi http://h')).toMatchObject({ followRedirects: true, includeHeaders: true, silent: true, unknownFlags: ['-S'] });
    expect(parseCurl('curl -G -d a=1 http://h')).toMatchObject({ method: 'GET', get: true });
    expect(parseCurl('curl --get --data a=1 http://h')).toMatchObject({ method: 'GET', get: true });
    expect(parseCurl('curl --upload-file f --location --include --header "A: b" http://h')).toMatchObject({
      method: 'PUT',
      followRedirects: true,
      includeHeaders: true,
      headers: [{ name: 'A', value: 'b', raw: 'A: b' }],
    });
  });
  it('an en dash makes "–-request POST" two more URLs; the method stays what -d implies', () => {
    const c = parseCurl('curl https://h/listKeys?api-version=2016-12-01 \u2013-request POST -d "" -H "Authorization: Bearer <ACCESS TOKEN>"');
    expect(c.method).toBe('POST');
    expect(c.methodExplicit).toBe(false);
    expect(c.extraUrls).toEqual(['\u2013-request', 'POST']);
    expect(c.unknownFlags).toEqual([]);
  });
  it('NBSP glued to a header value stays in the value; a lone NBSP word is another URL', () => {
    const c = parseCurl(`curl http://h -H Metadata:true${NBSP} ${NBSP}`);
    expect(c.headers[0]!.value).toBe(`true${NBSP}`);
    expect(c.extraUrls).toEqual([NBSP]);
  });
  it('keeps and reports unknown flags', () => {
    expect(parseCurl('curl --frobnicate -o out.json http://h').unknownFlags).toEqual(['--frobnicate', '-o out.json']);
  });
  it('rejects what is not curl', () => {
    expect(() => parseCurl('wget http://h')).toThrow(ParseError);
  });
  it('parseCurlArgv never throws, even on an empty argv', () => {
    expect(parseCurlArgv([])).toMatchObject({ method: 'GET', url: '', extraUrls: [] });
    expect(parseCurlArgv(['-H'])).toMatchObject({ unknownFlags: ['-H'] });
  });
});

describe('parseAz', () => {
  it('reads the command path and options as written', () => {
    const az = parseAz('az vm assign-identity -g <RESOURCE GROUP> -n <VM NAME> -\u2013identities "/subscriptions/<SUBSCRIPTION ID>/x"');
    expect(az.path).toEqual(['vm', 'assign-identity']);
    expect(az.options).toEqual([
      { name: '-g', value: '<RESOURCE GROUP>', raw: ['-g', '<RESOURCE GROUP>'] },
      { name: '-n', value: '<VM NAME>', raw: ['-n', '<VM NAME>'] },
      { name: '-\u2013identities', value: '/subscriptions/<SUBSCRIPTION ID>/x', raw: ['-\u2013identities', '/subscriptions/<SUBSCRIPTION ID>/x'] },
    ]);
  });
  it('keeps smart quotes in a value and a trailing space inside quotes', () => {
    const az = parseAz(`az role assignment create --assignee <UAMI PRINCIPALID> --role \u2018Reader\u2019 --scope "/subscriptions/<SUBSCRIPTION ID>/resourcegroups/<RESOURCE GROUP> "`);
    expect(az.path).toEqual(['role', 'assignment', 'create']);
    expect(az.options.map((o) => [o.name, o.value])).toEqual([
      ['--assignee', '<UAMI PRINCIPALID>'],
      ['--role', '\u2018Reader\u2019'],
      ['--scope', '/subscriptions/<SUBSCRIPTION ID>/resourcegroups/<RESOURCE GROUP> '],
    ]);
  });
  it('flags without values are null; login has a path and no options', () => {
    expect(parseAz('az storage blob upload --container-name').options).toEqual([{ name: '--container-name', value: null, raw: ['--container-name'] }]);
    expect(parseAz('az login')).toEqual({ path: ['login'], options: [], positionals: [], argv: ['login'] });
  });
});

describe('placeholderKey', () => {
  it('normalises every spelling to one key', () => {
    for (const s of ['<ACCESS TOKEN>', '<ACCESS_TOKEN>', '<ACCESS-TOKEN>', '\\<ACCESS TOKEN\\>', '$access_token', '${access_token}']) expect(placeholderKey(s), s).toBe('ACCESS_TOKEN');
    expect(placeholderKey('<SUBSCRIPTON ID>')).toBe('SUBSCRIPTON_ID');
    expect(placeholderKey('<secret-name>')).toBe('SECRET_NAME');
    expect(placeholderKey('\\<ACCESS_TOKEN_VALUE\\>')).toBe('ACCESS_TOKEN_VALUE');
  });
});

describe('placeholderKey is the one normalisation (lint, check and the emulator read it too)', () => {
  it('folds any run of separators into one "_" (a copy in check made <ACCOUNT_ NAME> ACCOUNT__NAME)', () => {
    expect(placeholderKey('<ACCOUNT_ NAME>')).toBe('ACCOUNT_NAME');
    expect(placeholderKey('<storage_-account>')).toBe('STORAGE_ACCOUNT');
    expect(placeholderKey('<STORAGE ACCOUNT NAME>')).toBe('STORAGE_ACCOUNT_NAME');
    expect(placeholderKey('<YOUR-KEY-VAULT-URL>')).toBe('YOUR_KEY_VAULT_URL');
  });
});
