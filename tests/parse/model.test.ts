// What the model says besides the step list: titles, forms, sections, responses, examples,
// placeholders, captures, look-alike marks and diagnostics — exact values read from the texts.
import { describe, expect, it } from 'vitest';
import type { AzStep, HttpStep, JsonExpectation, Step } from '../../src/model.ts';
import { loadManifest } from '../../src/tutorials/manifest.ts';
import { NBSP, tutorial } from './helpers.ts';

const step = (file: string, id: string): Step => {
  const s = tutorial(file).steps.find((x) => x.id === id);
  if (!s) throw new Error(`${file} has no ${id}`);
  return s;
};
const json = (file: string, id: string): JsonExpectation => {
  const e = step(file, id).expectation;
  if (e?.kind !== 'json') throw new Error(`${file} ${id} has no JSON response`);
  return e;
};

describe('title, form, seed, sections', () => {
  it('detects the form the manifest records, and takes the seed from it', () => {
    for (const entry of loadManifest().tutorials) {
      const t = tutorial(entry.file);
      expect(t.form, entry.file).toBe(entry.form);
      expect(t.seed, entry.file).toEqual({ file: entry.seed.file, firstLine: entry.seed.firstLine });
    }
  });
  it('takes the DocFX title from the # heading and the rendered title from the first line', () => {
    expect(tutorial('001-storage-access-key.md').title).toBe('Tutorial: Use a Linux VM system-assigned managed identity to access Azure Storage via access key');
    expect(tutorial('000-storage-access-key.md').title).toBe('Use a Linux VM system-assigned managed identity to access Azure Storage via access key');
    expect(tutorial('002-storage-access-key-user-assigned.md').title).toBe('Grant your user-assigned MSI access to use storage account access keys');
  });
  it('keeps front matter out of the sections and keeps the file line numbers', () => {
    const t = tutorial('001-storage-access-key.md');
    expect(t.lineCount).toBe(195);
    expect(t.sections.map((s) => [s.level, s.line, s.title])).toEqual([
      [1, 19, 'Tutorial: Use a Linux VM system-assigned managed identity to access Azure Storage via access key'],
      [2, 29, 'Prerequisites'],
      [2, 33, 'Create a storage account'],
      [2, 46, 'Create a blob container in the storage account'],
      [2, 57, "Grant your VM's system-assigned managed identity access to use storage account access keys"],
      [2, 67, "Get an access token using the VM's identity and use it to call Azure Resource Manager"],
      [2, 100, 'Get storage account access keys from Azure Resource Manager to make storage calls'],
      [2, 190, 'Next steps'],
    ]);
  });
  it('finds the headings of rendered text, and never reads "# comment" lines as headings', () => {
    expect(tutorial('000-storage.md').sections.map((s) => [s.level, s.line, s.title])).toEqual([
      [1, 1, 'Use a Linux VM system-assigned managed identity to access Azure Storage'],
      [2, 12, 'Create a storage account'],
      [2, 32, 'Create a blob container and upload a file to the storage account'],
      [2, 58, 'Grant your VM access to an Azure Storage container'],
      [2, 68, 'Get an access token and use it to call Azure Storage'],
    ]);
    expect(tutorial('000-key-vault.md').sections.map((s) => s.title)).toEqual([
      'Use a Linux VM system-assigned managed identity to access Azure Key Vault',
      'Create a Key Vault',
      'Create a secret',
      'Grant access',
      'Access data',
      'Clean up resources',
    ]);
    expect(step('000-storage.md', 's10').section).toBe('Get an access token and use it to call Azure Storage');
  });
});

describe('responses', () => {
  it('JSON with an elided token', () => {
    const e = json('000-datalake.md', 's3');
    expect(e.valid).toBe(true);
    expect(e.elided).toEqual(['/access_token']);
    expect(e.value).toMatchObject({ access_token: 'eyJ0eXAiOiJ...', resource: 'https://datalake.azure.net/', token_type: 'Bearer' });
    expect(json('000-storage-access-key.md', 's6').elided).toEqual(['/keys/0/value', '/keys/1/value']);
  });
  it('a progress line before the JSON', () => {
    for (const [file, id] of [
      ['000-storage-sas.md', 's8'],
      ['001-storage-access-key.md', 's8'],
    ] as const) {
      const e = json(file, id);
      expect(e.progressLine).toBe('Finished[#############################################################]  100.0000%');
      expect(e.valid).toBe(true);
      expect(e.value).toEqual({ etag: '"0x8D4F9929765C139"', lastModified: file.startsWith('000') ? '2017-09-21T03:58:56+00:00' : '2017-09-12T03:58:56+00:00' });
    }
  });
  it('JSON followed by a trailing NBSP is still read; raw keeps the NBSP', () => {
    const e = json('000-arm-system-assigned.md', 's4');
    expect(e.valid).toBe(true);
    expect(e.raw.endsWith(`}${NBSP}`)).toBe(true);
    expect(e.value).toEqual({
      id: '/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e/resourceGroups/DevTest',
      name: 'DevTest',
      location: 'westus',
      properties: { provisioningState: 'Succeeded' },
    });
  });
  it('an HTTP transcript with every status line and its headers', () => {
    const e = step('000-datalake.md', 's6').expectation;
    expect(e?.kind).toBe('http');
    if (e?.kind !== 'http') return;
    expect(e.exchanges.map((x) => [x.line, x.httpVersion, x.status, x.reason, x.headers.length])).toEqual([
      [85, '1.1', 100, 'Continue', 0],
      [86, '1.1', 307, 'Temporary Redirect', 12],
      [100, '1.1', 100, 'Continue', 0],
      [102, '1.1', 201, 'Created', 12],
    ]);
    expect(e.exchanges[1]!.headers.find((h) => h.name === 'Location')).toEqual({
      name: 'Location',
      value: 'https://mytestadls.azuredatalakestore.net/webhdfs/v1/TestFolder/Test1.txt?op=CREATE&write=true',
      line: 90,
    });
    expect(e.body).toBeUndefined();
  });
  it('plain text, in rendered text and in a fence', () => {
    for (const [file, id] of [
      ['000-storage.md', 's6'],
      ['002-storage-user-assigned.md', 's10'],
    ] as const) {
      const e = step(file, id).expectation;
      expect(e).toMatchObject({ kind: 'text', text: 'Hello world! :)' });
    }
  });
  it('request parameters with // comments are an example, not a response', () => {
    const t = tutorial('000-storage-sas.md');
    expect(t.examples).toHaveLength(1);
    const ex = t.examples[0]!;
    expect(ex.source).toEqual({ file: 'tutorials/000-storage-sas.md', startLine: 103, endLine: 109 });
    expect(ex.json.valid).toBe(false);
    expect(ex.json.hasComments).toBe(true);
    expect(ex.json.parseError).toBeTruthy();
    expect(ex.json.value).toEqual({
      canonicalizedResource: '/blob/<STORAGE ACCOUNT NAME>/<CONTAINER NAME>',
      signedResource: 'c',
      signedPermission: 'rcw',
      signedProtocol: 'https',
      signedExpiry: '<EXPIRATION TIME>',
    });
    // the step before it already has its response; the listServiceSas step gets its own
    expect(json('000-storage-sas.md', 's5').source.startLine).toBe(87);
    expect(json('000-storage-sas.md', 's6').value).toEqual({
      serviceSasToken: 'sv=2015-04-05&sr=c&spr=https&st=2017-09-22T00%3A10%3A00Z&se=2017-09-22T02%3A00%3A00Z&sp=rcw&sig=QcVwljccgWcNMbe9roAJbD8J5oEkYoq%2F0cUPlgriBn0%3D',
    });
  });
});

describe('az commands written over several lines without backslashes (000-storage-sas.md)', () => {
  it('keeps argv as bash passes it and lists the detached option lines, with a diagnostic', () => {
    const s = step('000-storage-sas.md', 's8') as AzStep;
    expect(s.az.argv).toEqual(['storage', 'blob', 'upload', '--container-name']);
    expect(s.az.detachedLines).toEqual([
      { line: 132, argv: ['--file'] },
      { line: 133, argv: ['--name'] },
      { line: 134, argv: ['--account-name'] },
      { line: 135, argv: ['--sas-token'] },
    ]);
    const d = tutorial('000-storage-sas.md').diagnostics.filter((x) => x.code === 'command-lines-without-continuation');
    expect(d.map((x) => [x.line, x.severity])).toEqual([
      [131, 'warning'],
      [149, 'warning'],
    ]);
  });
});

describe('placeholders', () => {
  it('normalise spellings to one key and keep each spelling and position', () => {
    const p = tutorial('000-storage.md').placeholders.find((x) => x.key === 'ACCESS_TOKEN')!;
    expect(p.spellings).toEqual(['<ACCESS TOKEN>', '$access_token']);
    expect(p.occurrences).toEqual([
      { spelling: '<ACCESS TOKEN>', line: 84, column: 270, inProse: true },
      { spelling: '<ACCESS TOKEN>', line: 86, column: 143, stepId: 's6', inProse: false },
      { spelling: '$access_token', line: 102, column: 29, stepId: 's10', inProse: false },
    ]);
  });
  it('keeps the misspelt twin under its own key, linked to the near key', () => {
    for (const file of ['000-arm-user-assigned.md', '003-arm-user-assigned.md', '002-storage-user-assigned.md']) {
      const ps = tutorial(file).placeholders;
      expect(ps.find((x) => x.key === 'SUBSCRIPTON_ID')?.similarTo, file).toEqual(['SUBSCRIPTION_ID']);
      expect(ps.find((x) => x.key === 'SUBSCRIPTION_ID')?.similarTo, file).toEqual(['SUBSCRIPTON_ID']);
    }
  });
  it('records prose spellings: <CLIENT ID> in prose while the command says <UAMI CLIENT ID>; escaped \\<…\\>', () => {
    const ps = tutorial('000-arm-user-assigned.md').placeholders;
    expect(ps.find((x) => x.key === 'CLIENT_ID')?.occurrences).toEqual([{ spelling: '<CLIENT ID>', line: 85, column: 103, inProse: true }]);
    expect(ps.find((x) => x.key === 'UAMI_CLIENT_ID')?.occurrences).toEqual([{ spelling: '<UAMI CLIENT ID>', line: 87, column: 160, stepId: 's5', inProse: false }]);
    const esc = tutorial('000-datalake.md').placeholders.find((x) => x.key === 'ACCESS_TOKEN_VALUE');
    expect(esc?.spellings).toEqual(['\\<ACCESS_TOKEN_VALUE\\>']);
    expect(esc?.occurrences[0]).toMatchObject({ line: 36, inProse: true });
  });
  it('lists the keys a command uses on the step', () => {
    expect(step('000-arm-system-assigned.md', 's4').placeholders).toEqual(['SUBSCRIPTION_ID', 'RESOURCE_GROUP', 'ACCESS_TOKEN']);
    expect(step('000-storage.md', 's10').placeholders).toEqual(['STORAGE_ACCOUNT', 'CONTAINER_NAME', 'FILE_NAME', 'ACCESS_TOKEN']);
  });
});

describe('captures', () => {
  const caps = (file: string) =>
    tutorial(file)
      .captures.map((c) => `${c.key} <- ${c.producer}.${c.path} -> ${c.consumers.join(',')}`)
      .sort();
  const expected: Record<string, string[]> = {
    '000-datalake.md': ['ACCESS_TOKEN <- s3.access_token -> s4,s6'],
    '000-storage.md': ['$access_token <- s8.access_token -> s10', 'ACCESS_TOKEN <- s5.access_token -> s6'],
    '000-storage-sas.md': ['--sas-token <- s6.serviceSasToken -> s8,s9', 'ACCESS_TOKEN <- s5.access_token -> s6'],
    '000-storage-access-key.md': ['ACCESS_TOKEN <- s5.access_token -> s6', 'STORAGE_ACCOUNT_KEY <- s6.keys[0].value -> s8,s9'],
    '001-storage-access-key.md': ['ACCESS_TOKEN <- s5.access_token -> s6', 'STORAGE_ACCOUNT_KEY <- s6.keys[0].value -> s8,s9'],
    '000-key-vault.md': ['ACCESS_TOKEN <- s5.access_token -> s6'],
    '004-key-vault.md': ['ACCESS_TOKEN <- s5.access_token -> s6'],
    '000-arm-system-assigned.md': ['ACCESS_TOKEN <- s3.access_token -> s4'],
    '000-arm-user-assigned.md': ['--identities <- s1.id -> s2', 'ACCESS_TOKEN <- s5.access_token -> s6', 'UAMI_CLIENT_ID <- s1.clientId -> s5', 'UAMI_PRINCIPALID <- s1.principalId -> s3'],
    '003-arm-user-assigned.md': ['--identities <- s1.id -> s2', 'ACCESS_TOKEN <- s5.access_token -> s6', 'UAMI_CLIENT_ID <- s1.clientId -> s5', 'UAMI_PRINCIPALID <- s1.principalId -> s3'],
    '002-storage-user-assigned.md': ['--identities <- s3.id -> s4', 'ACCESS_TOKEN <- s9.access_token -> s10', 'CLIENT_ID <- s3.clientId -> s9', 'MSI_CLIENTID <- s3.clientId -> s7'],
    '002-storage-access-key-user-assigned.md': ['ACCESS_TOKEN <- s3.access_token -> s4', 'STORAGE_ACCOUNT_KEY <- s4.keys[0].value -> s6,s7'],
  };
  for (const [file, list] of Object.entries(expected)) {
    it(file, () => expect(caps(file)).toEqual([...list].sort()));
  }
  it('says which resource the token was asked for, and why a link was made', () => {
    const c = tutorial('000-storage.md').captures.find((x) => x.key === 'ACCESS_TOKEN')!;
    expect(c.reason).toContain('resource https://storage.azure.com/');
    const id = tutorial('002-storage-user-assigned.md').captures.find((x) => x.key === '--identities')!;
    expect(id.reason).toContain("option written as '-\u2013identities'");
    const sas = tutorial('000-storage-sas.md').captures.find((x) => x.key === '--sas-token')!;
    expect(sas.reason).toContain('written without a value');
  });
});

describe('look-alike characters are marked, never repaired', () => {
  it('en dashes, smart quotes and NBSPs in commands', () => {
    const m = (file: string, id: string) => step(file, id).marks.map((x) => [x.kind, x.text, x.codePoints, x.line, x.column]);
    expect(m('002-storage-access-key-user-assigned.md', 's4')).toEqual([['en-dash', '\u2013', ['U+2013'], 51, 198]]);
    expect(m('002-storage-user-assigned.md', 's4')).toEqual([['en-dash', '\u2013', ['U+2013'], 100, 57]]);
    expect(m('002-storage-user-assigned.md', 's7')).toEqual([
      ['smart-quote', '\u2018', ['U+2018'], 134, 62],
      ['smart-quote', '\u2019', ['U+2019'], 134, 69],
    ]);
    expect(m('004-key-vault.md', 's5')).toEqual([['nbsp', `${NBSP}${NBSP}`, ['U+00A0', 'U+00A0'], 100, 144]]);
    expect(m('003-arm-user-assigned.md', 's5')).toEqual([['nbsp', `${NBSP}${NBSP}${NBSP}`, ['U+00A0', 'U+00A0', 'U+00A0'], 92, 177]]);
    expect(m('000-storage.md', 's5')).toEqual([]);
  });
  it('keeps the raw text exactly as written', () => {
    const s = step('002-storage-access-key-user-assigned.md', 's4') as HttpStep;
    expect(s.raw).toContain('\u2013-request POST');
    expect(s.curl.argv).toContain('\u2013-request');
    expect(step('004-key-vault.md', 's5').raw.endsWith(`Metadata:true${NBSP}${NBSP}`)).toBe(true);
  });
});

describe('diagnostics', () => {
  it('unresolved DocFX includes are reported with their line', () => {
    expect(
      tutorial('002-storage-user-assigned.md')
        .diagnostics.filter((d) => d.code === 'missing-include')
        .map((d) => d.line),
    ).toEqual([23, 35, 37]);
  });
  it('extra curl URLs from an en dash are reported', () => {
    expect(tutorial('002-storage-access-key-user-assigned.md').diagnostics.find((d) => d.code === 'extra-curl-url')?.line).toBe(51);
  });
});
