// Issue 16 session 9 (sasurl): a SAS token anywhere on a page — prose, example URLs, azcopy/curl/az
// commands, PowerShell, JSON, output — is judged against Azure Storage's REST reference ("Create a
// service SAS", "Create an account SAS", "Create a user delegation SAS"). Held on a real page whose
// token cannot be, and kept silent on real pages whose tokens are right.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const rule = 'sas-token-invalid';
const found = (file: string, text = read(file)) => lintText(text, 'docfx', file).filter((f) => f.rule === rule);
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const real = (name: string) => `tests/lint/fixtures/real/${name}`;
const page = (body: string) => `# A page\n\n${body}\n`;

describe('sas-token-invalid on real pages', () => {
  it('storage-use-azcopy-v10.md: the "fictitious" account SAS has ss=bjqt (no service j) and sp=rwddgcup (no permission g)', () => {
    const file = real('storage-use-azcopy-v10.excerpt.md');
    const text = read(file);
    const hits = found(file);
    const line = lineWith(text, 'azcopy copy');
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[line, 'warning'], [line, 'warning']]);
    expect(hits[0]?.message).toMatch(/ss=bjqt: "j" is no letter of signed services \(b, f, q, t\)/);
    expect(hits[1]?.message).toMatch(/sp=rwddgcup: "g" is no letter of an account SAS/);
  });
  it('silent on a real user delegation SAS (PowerShell page): a token cut over two output lines, and a blob URL with sr=b', () => {
    expect(found(real('storage-blob-user-delegation-sas-create-powershell.excerpt.md'))).toEqual([]);
  });
  it('silent on a real account SAS in a Markdown table (Machine Learning labeling tutorial)', () => {
    expect(found(real('tutorial-labeling.excerpt.md'))).toEqual([]);
  });
  it('silent on the tutorials\' listServiceSas answer', () => {
    expect(found('tutorials/000-storage-sas.md')).toEqual([]);
  });
});

describe('sas-token-invalid: what it judges', () => {
  const one = (body: string) => found('t.md', page(body));
  it('a start time whose colons a cmd batch file ate (%3A → A; Azure/azure-storage-azcopy#265)', () => {
    const hits = one('```cmd\nazcopy.exe cp "https://zemaintest.blob.core.windows.net/demo1/test_1kb_blob_sync.txt?st=2019-04-09T18A08A52Z&se=2019-05-10T18A08A00Z&sp=rwdl&sv=2018-03-28&sr=b&sig=gLJ8ZIekS3Q9DD7t5bQDUrFbqiSf8LOdGRQCplsgqU0D" "h:\\DbBkpDownload"\n```');
    expect(hits.map((h) => h.message)).toEqual([expect.stringMatching(/^st=2019-04-09T18A08A52Z is not an ISO 8601 time/), expect.stringMatching(/^se=2019-05-10T18A08A00Z is not an ISO 8601 time/)]);
  });
  it('sr=b on a container URL, a missing sig in a URL, st after se, a misspelt field', () => {
    expect(one('Open https://acct.blob.core.windows.net/photos?sv=2022-11-02&sr=b&sp=r&se=2030-01-01&sig=abc')[0]?.message).toMatch(/sr=b signs one blob, but the URL names the container \/photos.*Signature did not match/);
    expect(one('Open https://acct.blob.core.windows.net/photos/a.png?sv=2022-11-02&sr=b&sp=r&se=2030-01-01')[0]?.message).toMatch(/has no sig:.*403 AuthenticationFailed/);
    expect(one('`sv=2022-11-02&sr=c&sp=r&st=2030-01-02&se=2030-01-01&sig=abc`')[0]?.message).toMatch(/st=2030-01-02 is not before se=2030-01-01/);
    expect(one('`sv=2022-11-02&sr=c&sb=r&se=2030-01-01&sig=abc`').map((h) => h.message)).toEqual([expect.stringMatching(/has no sp:/), expect.stringMatching(/no SAS has a field "sb".*did you mean sp, which this token lacks/)]);
  });
  it('an account SAS on an endpoint it does not cover, spr=http, a user delegation SAS missing its key fields', () => {
    expect(one('https://acct.queue.core.windows.net/q/messages?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01&sig=abc')[0]?.message).toMatch(/AuthorizationServiceMismatch/);
    expect(one('`sv=2022-11-02&sr=c&sp=r&se=2030-01-01&spr=http&sig=abc`')[0]?.message).toMatch(/spr=http is no signed protocol/);
    expect(one('`sv=2022-11-02&sr=c&sp=r&se=2030-01-01&skoid=x&sktid=y&sig=abc`')[0]?.message).toMatch(/user delegation SAS has no skt, ske, sks, skv/);
  });
  it('a token in JSON that PowerShell wrote (ConvertTo-Json escapes "&" as \\u0026), reported where the field is written', () => {
    const line = '  "sasToken": "sv=2022-11-02\\u0026sr=c\\u0026sp=rq\\u0026se=2030-01-01\\u0026sig=abc"';
    const hits = one(`\`\`\`json\n{\n${line}\n}\n\`\`\``);
    expect(hits.map((h) => [h.column, h.message.slice(0, 30)])).toEqual([[line.indexOf('sp=rq') + 1, 'sp=rq: "q" is no letter of a b']]);
  });
  it('silent: sr=c on a blob URL (a container SAS reaches every blob in it), placeholders, elisions, versions newer than the list', () => {
    expect(one('https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&sr=c&sp=r&se=2030-01-01T00:00:00Z&sig=abc')).toEqual([]);
    expect(one('azcopy copy "https://acct.blob.core.windows.net/c?$SAS" . --recursive\n\n`https://acct.blob.core.windows.net/c?<sas-token>`')).toEqual([]);
    expect(one('`?sv=2019-02-02&ss=b&srt=sco&sp=rwdlac&se=<expiry>&sig=xxxx`')).toEqual([]);
    expect(one('`https://acct.blob.core.windows.net/?sv=2020-08-04&ss=b&srt=c&sp=rwlacx&se=2021-11-23T14:30:18Z&st=2021-11-23T02:19:18Z&spr=https&sig=jcql6El...`')).toEqual([]);
    expect(one('`sv=2099-01-01&sr=c&sp=r&se=2100-01-01&sig=abc`')).toEqual([]);
  });
  it('silent on what is no Storage SAS: a Logic Apps callback (sv=1.0), a Service Bus token (skn)', () => {
    expect(one('https://prod-00.westus.logic.azure.com:443/workflows/x/triggers/manual/paths/invoke?api-version=2016-10-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=abc')).toEqual([]);
    expect(one('`SharedAccessSignature sr=https%3A%2F%2Fns.servicebus.windows.net%2Fq&sig=abc&se=1700000000&skn=RootManageSharedAccessKey`')).toEqual([]);
  });
});
