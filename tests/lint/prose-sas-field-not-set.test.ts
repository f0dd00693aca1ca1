// Issue 16 session 11 (lead): the prose promises SAS fields the generate-sas command below it does not set.
// blob-containers-cli.md (corpus; its golden lists the defect) says "start and expiry times and a
// protocol" and passes --expiry and --https-only but no --start; the template-spec page's excerpt
// promises an expiration time and passes --expiry, and stays silent.
import { describe, expect, it } from 'vitest';
import { lineOf, readRepoFile, ruleFindings } from './helpers.ts';

const rule = 'prose-sas-field-not-set';
const BLOB_CONTAINERS_CLI = 'tests/corpus/articles/storage/blobs/blob-containers-cli.md';
const SECURE_TEMPLATE = 'tests/lint/fixtures/real/secure-template-with-sas-token.excerpt.md';

describe('prose-sas-field-not-set', () => {
  it('blob-containers-cli.md: "start and expiry times" above az storage container generate-sas without --start', () => {
    const text = readRepoFile(BLOB_CONTAINERS_CLI);
    const hits = ruleFindings(rule, BLOB_CONTAINERS_CLI);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineOf(text, 'The example will configure the SAS with start and expiry times'), 'warning']]);
    expect(hits[0]?.message).toMatch(/a start time \("start and expiry times"\), but az storage container generate-sas on line \d+ does not set it: without --start the token has no st field.*Add --start/);
  });

  it('silent once the command sets the start time the sentence promises', () => {
    const fixed = readRepoFile(BLOB_CONTAINERS_CLI).replace('    --https-only \\\n', '    --https-only \\\n    --start 2025-01-01T00:00Z \\\n');
    expect(fixed).not.toBe(readRepoFile(BLOB_CONTAINERS_CLI));
    expect(ruleFindings(rule, 'fixed.md', fixed)).toEqual([]);
  });

  it('silent on a real page whose prose promises an expiration time and whose command passes --expiry (secure-template-with-sas-token)', () => {
    expect(readRepoFile(SECURE_TEMPLATE)).toMatch(/expiration time for the SAS token/);
    expect(ruleFindings(rule, SECURE_TEMPLATE)).toEqual([]);
  });

  it('an IP range promised and not passed; a sentence that does not speak of the SAS is not a promise', () => {
    const page = (lead: string) => `## Make a SAS\n\n${lead}\n\n\`\`\`azurecli\naz storage blob generate-sas --account-name acct --container-name c --name b.txt --permissions r --expiry 2030-01-01T00:00Z --https-only\n\`\`\`\n`;
    const [hit] = ruleFindings(rule, 'ip.md', page('The SAS is restricted to an IP address range and HTTPS only.'));
    expect(hit?.message).toMatch(/an IP address range .*without --ip the token has no sip field/);
    expect(ruleFindings(rule, 'plain.md', page('Pick a start time for your maintenance window and an IP range for your office.'))).toEqual([]);
  });
});
