// Regressions from the precision sweep of MicrosoftDocs/azure-security-docs @1c4310bed2b90b37d9500bd26dc00a314becfa9f
// (helper sweep-sov, seed 1712, 40 pages; sheet sweeps/sec-1712.review.json). Each fixture is a byte-exact,
// contiguous excerpt of the docset extracted at that commit:
// - sweep-sov-hsm-secure-access.excerpt.md: articles/key-vault/managed-hsm/how-to-secure-access.md:115-137
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { lineOf, mutate, readRepoFile, ruleFindings } from './helpers.ts';

const SECURE_ACCESS = 'tests/lint/fixtures/sweep-sov-hsm-secure-access.excerpt.md';

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
