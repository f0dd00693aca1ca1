import { describe, expect, it } from 'vitest';
import { encodedForms, MIN_SECRET_LENGTH, Redactor, SecretLeakError } from '../../src/report/redact.ts';
import { signToken } from '../check/fixtures.ts';

describe('Redactor', () => {
  it('replaces a secret and its base64, base64url, URL-encoded and JSON-escaped forms', () => {
    const r = new Redactor();
    const secret = 'p@ss "w/rd"+=?';
    r.add(secret, 'kv');
    const text = [secret, Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url'), encodeURIComponent(secret), JSON.stringify(secret)].join(' | ');
    const out = r.redact(text);
    expect(out).toBe('[REDACTED:kv] | [REDACTED:kv] | [REDACTED:kv] | [REDACTED:kv] | "[REDACTED:kv]"');
    expect(encodedForms(secret)).toContain(encodeURIComponent(secret));
  });

  it('secrets with every regular-expression character are matched literally; the longer of two nested secrets wins', () => {
    const r = new Redactor();
    const odd = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o/p';
    r.add(odd, 'odd');
    r.add('sv=2015-04-05&sig=AbCdEf123456', 'sas');
    r.add('AbCdEf123456', 'sig');
    expect(r.redact(`x ${odd} y`)).toBe('x [REDACTED:odd] y');
    // A text that looks like a pattern of the odd secret but is not it stays.
    expect(r.redact('x aXb*c+d?e^f$g{h}i(j)k|l[m]n\\o/p y')).toBe('x aXb*c+d?e^f$g{h}i(j)k|l[m]n\\o/p y');
    expect(r.redact('url?sv=2015-04-05&sig=AbCdEf123456 and AbCdEf123456')).toBe('url?[REDACTED:sas] and [REDACTED:sig]');
    // A secret added later is redacted too.
    r.add('late-secret-value', 'late');
    expect(r.redact('late-secret-value')).toBe('[REDACTED:late]');
  });

  it('defect: a known client secret with spaces in a form body left "[REDACTED:client-secret] Reader client secret]" (the client_secret= pattern took the label again)', () => {
    const r = new Redactor();
    r.add('Tutorial Reader client secret', 'Tutorial Reader client secret');
    const body = 'grant_type=client_credentials&client_secret=Tutorial Reader client secret&scope=x';
    expect(r.redact(body)).toBe('grant_type=client_credentials&client_secret=[REDACTED:Tutorial Reader client secret]&scope=x');
    // Unknown values are still taken by the patterns.
    expect(r.redact('client_secret=abc.def~ghi&sig=xyz%2Babc&AccountKey=QUJD;')).toBe('client_secret=[REDACTED:client-secret]&sig=[REDACTED:sas-signature]&AccountKey=[REDACTED:account-key];');
  });

  it('ignores strings too short to be secrets', () => {
    const r = new Redactor();
    r.add('abc', 'x');
    expect(r.size).toBe(0);
    expect('abc'.length).toBeLessThan(MIN_SECRET_LENGTH);
  });

  it('patterns: JWT, Bearer, sig=, SharedKey, AccountKey, client_secret, access_token and listKeys values', async () => {
    const r = new Redactor();
    const jwt = await signToken({ aud: 'https://vault.azure.net' });
    const key = 'A'.repeat(86) + '==';
    const text = [
      `Authorization: Bearer ${jwt}`,
      'https://sa.blob.core.windows.net/c?sv=2015-04-05&sr=c&sig=QcVwljccgWcNMbe9roAJbD8J5oEkYoq%2F0cUPlgriBn0%3D&sp=rcw',
      'Authorization: SharedKey sa1:Zm9vYmFyYmF6cXV4cXV1eHF1dXg9PQ==',
      `AccountKey=${key};EndpointSuffix=core.windows.net`,
      'grant_type=client_credentials&client_secret=s3cr3t~value&scope=x',
      '{"access_token":"opaque-token-value-123"}',
      `{"keys":[{"keyName":"key1","permissions":"FULL","value":"${key}"}]}`,
      'Bearer <ACCESS TOKEN>',
      '"access_token":"eyJ0eXAiOiJ..."',
    ].join('\n');
    const out = r.redact(text);
    expect(out).not.toContain(jwt);
    expect(out).not.toContain('QcVwljcc');
    expect(out).not.toContain('Zm9vYmFy');
    expect(out).not.toContain(key);
    expect(out).not.toContain('s3cr3t~value');
    expect(out).not.toContain('opaque-token-value-123');
    expect(out).toContain('sig=[REDACTED:sas-signature]&sp=rcw');
    expect(out).toContain('SharedKey sa1:[REDACTED:shared-key-signature]');
    // The page's own placeholders and elided examples are text, not secrets: they stay.
    expect(out).toContain('Bearer <ACCESS TOKEN>');
    expect(out).toContain('"access_token":"eyJ0eXAiOiJ..."');
    expect(r.redact(out)).toBe(out);
  });

  it('redactDeep: labelled fields by structure (listKeys value, Key Vault value, tokens), a deep copy', () => {
    const r = new Redactor();
    const input = { keys: [{ keyName: 'key1', value: 'short-key', permissions: 'Full' }], kv: { value: 'pw', id: 'https://v.vault.azure.net/secrets/s/0123' }, access_token: 'tok-123456789', other: { value: 'keep me' } };
    const out = r.redactDeep(input);
    expect(out.keys[0]!.value).toBe('[REDACTED:account-key]');
    expect(out.kv.value).toBe('[REDACTED:key-vault-secret]');
    expect(out.access_token).toBe('[REDACTED:token]');
    expect(out.other.value).toBe('keep me');
    expect(input.keys[0]!.value).toBe('short-key');
  });

  it('assertClean throws a SecretLeakError that names the label, never the secret', () => {
    const r = new Redactor();
    r.add('very-secret-value', 'client-secret');
    expect(() => r.assertClean('x very-secret-value y', 'junit.xml')).toThrow(SecretLeakError);
    try {
      r.assertClean(Buffer.from('very-secret-value').toString('base64'), 'junit.xml');
    } catch (e) {
      expect((e as Error).message).toBe('refusing to write junit.xml: it contains an unredacted secret (client-secret)');
      expect((e as Error).message).not.toContain('very-secret-value');
    }
    expect(() => r.assertClean('nothing here', 'x')).not.toThrow();
  });
});

describe('defect: --set values of 16+ characters were secrets by length (role names printed as [REDACTED:a --set value])', () => {
  it('a value is a secret when its key or its shape says so', async () => {
    const { isSecretSetting } = await import('../../src/report/redact.ts');
    // Keys that say so; keys that only name a thing do not.
    for (const key of ['ACCESS_TOKEN', 'STORAGE_KEY', 'CLIENT_SECRET', 'ADMIN_PASSWORD', 'SAS', 'SAS_TOKEN', 'SIG', 'AZURE_STORAGE_CONNECTION_STRING', 'ACCOUNT_KEY']) expect(isSecretSetting(key, 'whatever-it-is'), key).toBe(true);
    for (const key of ['KEY_VAULT_NAME', 'YOUR_KEY_VAULT_URL', 'SECRET_NAME', 'KEY_NAME', 'TOKEN_TYPE', 'ROLE', 'RESOURCE_GROUP', 'SCOPE']) expect(isSecretSetting(key, 'Storage Blob Data Contributor'), key).toBe(false);
    // Shapes that say so whatever the key.
    expect(isSecretSetting('X', 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln')).toBe(true);
    expect(isSecretSetting('X', 'sv=2022-11-02&ss=b&srt=sco&sp=r&se=2030-01-01&sig=abc%2Bdef')).toBe(true);
    expect(isSecretSetting('X', 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc==;EndpointSuffix=core.windows.net')).toBe(true);
    expect(isSecretSetting('X', Buffer.alloc(64, 7).toString('base64'))).toBe(true);
    expect(isSecretSetting('X', 'abc8Q~' + 'x'.repeat(34))).toBe(true);
    // Long values that are not secrets are not.
    for (const v of ['Storage Blob Data Contributor', '00000000-0000-0000-0000-000000000000', '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myResourceGroup', 'https://myvault.vault.azure.net/secrets/mysecret']) {
      expect(isSecretSetting('VALUE', v), v).toBe(false);
    }
  });
});

describe('defect: a secret as az prints it ("value" and a newline) kept its quotes, and redacting it cut the quotes out of JSON', () => {
  it('one reading of the registered text: the quotes and blanks around a JSON string are not the secret; a structure is not registered', () => {
    const r = new Redactor();
    r.add('"s3cr3t-value-0123456789abcdef"\n', 'az printed');
    const text = JSON.stringify({ key: 's3cr3t-value-0123456789abcdef', n: 1 }, null, 2);
    const out = r.redact(text);
    expect(JSON.parse(out)).toEqual({ key: '[REDACTED:az printed]', n: 1 });
    const structure = new Redactor();
    structure.add(' {"a": "s3cr3t-value-0123456789abcdef"}\n', 'az printed');
    structure.add('"{\\"a\\": \\"s3cr3t-value-0123456789abcdef\\"}"', 'az printed, a JSON string holding JSON');
    expect(structure.size).toBe(0);
    const plain = new Redactor();
    plain.add('[not-json-s3cr3t-0123456789abcdef', 'brackets');
    expect(plain.redact('x [not-json-s3cr3t-0123456789abcdef y')).toBe('x [REDACTED:brackets] y');
  });
});
