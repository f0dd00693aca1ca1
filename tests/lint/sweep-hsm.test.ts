// Regressions from the precision sweep of MicrosoftDocs/azure-security-docs @1c4310bed2b90b37d9500bd26dc00a314becfa9f
// (helper sweep-hsm: confidential-ledger, attestation, payment-hsm, cloud-hsm, dedicated-hsm; seed 1402, 60 pages).
// Excerpts in tests/lint/fixtures/real (byte-exact; the table in its README records repo, path, commit, lines).
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const POLICIES = 'tests/lint/fixtures/real/tpm-attestation-sample-policies.excerpt.md';
const VBS = 'tests/lint/fixtures/real/virtualization-based-security-protocol.excerpt.md';
const PAYMENT_HSM = 'tests/lint/fixtures/real/payment-hsm-create-different-vnet.excerpt.md';

describe('defect: an Azure Attestation policy in an untagged fence was read as invalid JSON (30 false errors)', () => {
  it('tpm-attestation-sample-policies.md: "authorizationrules⏎{ … };" blocks are no JSON examples', () => {
    expect(ruleFindings('json-example-invalid', POLICIES)).toEqual([]);
  });
  it('a JSON value in an untagged fence is still checked: after a bare word without ";" statements, and with a "{" not under a bare word', () => {
    const page = (body: string) => `# t\n\nThe response:\n\n\`\`\`\n${body}\n\`\`\`\n`;
    expect(ruleFindings('json-example-invalid', 'x.md', page('Response\n{\n  "name": "a",\n}'))).toHaveLength(1);
    expect(ruleFindings('json-example-invalid', 'x.md', page('version=1.0;\n\n{\n  "name": "a",\n}'))).toHaveLength(1);
  });
});

describe('defect: a JSON example that goes on after a blank line with a // comment was cut there (wrong reason and line)', () => {
  it('virtualization-based-security-protocol.md: the TPM-only payload is said for its // comments, at the comment', () => {
    const text = readRepoFile(VBS);
    const found = ruleFindings('json-example-invalid', VBS);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('"//" comments');
    expect(text.split('\n')[found[0]!.line - 1]).toContain('// aik_pub is represented as a JSON Web Key');
  });
});

describe('defect: az commands on a page that includes the Azure CLI "prepare your environment" include were said to lack a sign-in', () => {
  // includes/cli-rg-create.md of the same commit (lines 13-15), which the page includes in its Azure CLI tab.
  const rgCreate = '\n```azurecli\naz group create --name "myResourceGroup" --location "EastUS"\n```\n';
  it('payment-hsm/create-different-vnet.md includes ~/reusable-content/azure-cli/azure-cli-prepare-your-environment-no-header.md: Cloud Shell and az login', () => {
    expect(ruleFindings('missing-prerequisite', PAYMENT_HSM, readRepoFile(PAYMENT_HSM) + rgCreate)).toEqual([]);
  });
  it('without that include the same page still lacks a sign-in', () => {
    const without = readRepoFile(PAYMENT_HSM).replace(/^\[!INCLUDE \[Azure CLI prepare your environment\].*$/m, '');
    const found = ruleFindings('missing-prerequisite', PAYMENT_HSM, without + rgCreate);
    expect(found.map((f) => f.message).join('\n')).toMatch(/needs a signed-in Azure CLI/);
  });
});
