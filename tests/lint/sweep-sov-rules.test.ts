// Regressions from the precision sweep of MicrosoftDocs/azure-security-docs @1c4310bed2b90b37d9500bd26dc00a314becfa9f
// (helper sweep-sov, seed 1712, 40 pages; sheet sweeps/sec-1712.review.json). Each fixture is a byte-exact,
// contiguous excerpt of the docset extracted at that commit:
// - sweep-sov-hsm-secure-access.excerpt.md: articles/key-vault/managed-hsm/how-to-secure-access.md:115-137
// - sweep-sov-vbs-protected-header.excerpt.md: articles/attestation/virtualization-based-security-protocol.md:88-96
// - sweep-sov-vbs-tpm-quote-key.excerpt.md: articles/attestation/virtualization-based-security-protocol.md:713-727
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { lineOf, mutate, readRepoFile, ruleFindings } from './helpers.ts';

const SECURE_ACCESS = 'tests/lint/fixtures/sweep-sov-hsm-secure-access.excerpt.md';
const HEADER = 'tests/lint/fixtures/sweep-sov-vbs-protected-header.excerpt.md';
const TPM_QUOTE = 'tests/lint/fixtures/sweep-sov-vbs-tpm-quote-key.excerpt.md';

describe('defect: bash\'s test command `[ "$x" ] || x=$(az …)` in an az block was read as a JSON output of the command above it', () => {
  const TEST_LINE = '[ "$storage_account_principal" ] ||';

  it('how-to-secure-access.md: the line is a command of its own, no invalid JSON and no output in the command fence', () => {
    const text = readRepoFile(SECURE_ACCESS);
    expect(ruleFindings('json-example-invalid', SECURE_ACCESS)).toEqual([]);
    expect(ruleFindings('output-in-command-fence', SECURE_ACCESS)).toEqual([]);
    const line = lineOf(text, TEST_LINE);
    const steps = parseTutorialText(text, SECURE_ACCESS).steps;
    expect(steps.some((s) => s.source.startLine === line && s.raw.startsWith('[ "$storage_account_principal" ]'))).toBe(true);
  });

  it('an array printed after the command (no list operator after its bracket) is still output in the command fence', () => {
    const { text, line } = mutate(readRepoFile(SECURE_ACCESS), TEST_LINE, () => '[ "00000000-0000-0000-0000-000000000000" ]');
    expect(ruleFindings('output-in-command-fence', SECURE_ACCESS, text).map((f) => f.line)).toContain(line);
  });
});

describe('defect: "//" notes in a JSON message format that no command of the page sends were an error ("rejected with 400")', () => {
  it('virtualization-based-security-protocol.md: the JWS protected header with its // note is a warning', () => {
    const found = ruleFindings('json-example-invalid', HEADER);
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', line: lineOf(readRepoFile(HEADER), '// no "kid" parameter') })]);
    expect(found[0]!.message).toContain('no command of the page sends or reads it');
  });

  it('the same header sent by a command after it is an error again', () => {
    const sent = `${readRepoFile(HEADER)}\n\`\`\`bash\naz rest --method post --url "https://<instance>.attest.azure.net/attest/Tpm?api-version=2022-08-01" --body @header.json\n\`\`\`\n`;
    const found = ruleFindings('json-example-invalid', HEADER, sent);
    expect(found).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringContaining('rejected with 400') })]);
  });

  it('a slip in such a format (the "{" missing after "tpm_quote":) is still an error', () => {
    const text = readRepoFile(TPM_QUOTE);
    expect(ruleFindings('json-example-invalid', TPM_QUOTE)).toEqual([expect.objectContaining({ severity: 'error', line: lineOf(text, '"hash_alg": "sha-256"') })]);
    const { text: fixed } = mutate(text, '"tpm_quote":', (l) => `${l} {`);
    expect(ruleFindings('json-example-invalid', TPM_QUOTE, fixed)).toEqual([]);
  });
});
