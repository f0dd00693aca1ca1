// Which hosts a step names that the emulator does not serve, read as curl reads them.
import { describe, expect, it } from 'vitest';
import { parseTutorialFile } from '../../src/parse/index.ts';
import { CLOSED_PORT, curlHostPort, unservedHostRules } from '../../src/run/shell/unserved-hosts.ts';

describe('curlHostPort', () => {
  it('reads host and port as curl does: default scheme http, empty port, NBSP mapped to a space by IDN', () => {
    expect(curlHostPort('https://https://vault.example/x')).toEqual({ host: 'https', port: 443 });
    expect(curlHostPort('\u00a0')).toEqual({ host: ' ', port: 80 });
    // An en dash is not mapped by NFKC: curl looks the word up (and matches connect-to) as punycode.
    expect(curlHostPort('\u2013-request')).toEqual({ host: 'xn---request-rn3d', port: 80 });
    expect(curlHostPort('http://169.254.169.254/metadata')).toEqual({ host: '169.254.169.254', port: 80 });
    expect(curlHostPort('HTTPS://Acct.Blob.Core.Windows.Net:8443/c')).toEqual({ host: 'acct.blob.core.windows.net', port: 8443 });
    expect(curlHostPort('ftp://x/')).toBeUndefined();
  });
});

describe('unservedHostRules', () => {
  const served = new Set(['169.254.169.254', 'mytestkeyvault.vault.azure.net']);
  const route = (host: string) => (served.has(host) ? { kind: 'connect' as const } : undefined);

  it('sends the hosts of the 000-key-vault secret step the emulator does not serve to a closed port', () => {
    const tutorial = parseTutorialFile('tutorials/000-key-vault.md');
    const step = tutorial.steps.find((s) => s.kind === 'http' && s.raw.includes('<YOUR-KEY-VAULT-URL>'));
    if (!step) throw new Error('000-key-vault.md has no Key Vault curl step');
    const values = [{ spellings: ['<YOUR-KEY-VAULT-URL>'], value: 'https://mytestkeyvault.vault.azure.net/' }, { spellings: ['<secret-name>'], value: 'MyTestSecret' }];
    const text = step.raw.replace('<YOUR-KEY-VAULT-URL>', values[0]!.value).replace('<secret-name>', 'MyTestSecret');
    expect(unservedHostRules(route, step, text, values)).toBe(`connect-to = "https:443:127.0.0.1:${CLOSED_PORT}"\n`);
  });

  it('leaves served hosts, other ports and words bash has yet to expand alone', () => {
    const tutorial = parseTutorialFile('tutorials/000-storage.md');
    const step = tutorial.steps.find((s) => s.kind === 'http' && s.raw.includes('$access_token'));
    if (!step) throw new Error('000-storage.md has no curl step using $access_token');
    expect(unservedHostRules(route, step, 'curl http://169.254.169.254/x http://localhost:50342/oauth2/token "https://$host/x"', [])).toBe('');
  });
});
