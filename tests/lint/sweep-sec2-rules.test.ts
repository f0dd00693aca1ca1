// False findings of a precision sweep of never-seen Key Vault, Managed HSM, Attestation and Confidential Ledger
// pages (seed 1501, MicrosoftDocs/azure-security-docs @1c4310bed2b9), on byte-exact excerpts of the pages
// (tests/lint/fixtures/real, README table):
// - a Managed HSM local-RBAC scope ("--scope /keys", "/keys/<key-name>" of az keyvault role assignment) was
//   called no resource id, error ×13 (managed-hsm/role-management.md, tls-offload-library.md);
// - a JSON Web Token shown decoded ({header}.{payload}.[Signature]) was called an invalid request body, error
//   (attestation/attestation-token-examples.md:21, key-vault/general/rest-error-codes.md:57);
// - Learn's cloud-shell-try-it include and the Terraform "Install and configure Terraform" prerequisite were
//   not read as a signed-in Azure CLI (managed-hsm/backup-restore.md:149, confidential-ledger/quickstart-terraform.md:78);
// - "External key identifiers are case-sensitive and must be URL-safe" was read as a claim about ARM URLs
//   (managed-hsm/external-key-management-troubleshooting.md:135);
// - Azure Monitor's insights-logs-auditevent container, which the page's diagnostic setting creates, was said to
//   be assumed (key-vault/general/howto-logging.md:152);
// - az keyvault key … --hsm-name was judged against Azure RBAC roles ("Key Vault Crypto Officer") on a page that
//   names the Managed HSM local role it needs (managed-hsm/key-rotation.md, recovery.md).
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const REAL = 'tests/lint/fixtures/real';
const ROLES = `${REAL}/sec2-mhsm-role-management.excerpt.md`;
const TOKEN = `${REAL}/sec2-attestation-token-examples.excerpt.md`;
const DECODED = `${REAL}/sec2-rest-error-codes.excerpt.md`;
const BACKUP = `${REAL}/sec2-mhsm-backup-restore.excerpt.md`;
const TERRAFORM = `${REAL}/sec2-confidential-ledger-quickstart-terraform.md`;
const ROTATION = `${REAL}/sec2-mhsm-key-rotation.excerpt.md`;
const EKM = `${REAL}/sec2-mhsm-ekm-troubleshooting.excerpt.md`;
const LOGGING = `${REAL}/sec2-kv-howto-logging.excerpt.md`;

describe('a Managed HSM role assignment scope is no ARM id', () => {
  it('az keyvault role assignment create --scope /keys and /keys/<key-name> are not reported', () => {
    expect(ruleFindings('az-scope-not-resource-id', ROLES)).toEqual([]);
  });
  it('the same scope on az role assignment create (Azure RBAC) is still an error', () => {
    const text = readRepoFile(ROLES).replace(/az keyvault role assignment create --hsm-name <hsm-name>/g, 'az role assignment create');
    expect(ruleFindings('az-scope-not-resource-id', ROLES, text).map((f) => f.severity)).toEqual(['error', 'error']);
  });
});

describe('a JSON Web Token shown decoded is no request body', () => {
  it('the attestation token sample ({…}.{…}.[Signature]) is said as warnings, never an error', () => {
    const found = ruleFindings('json-example-invalid', TOKEN);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((f) => f.severity)).not.toContain('error');
    expect(found[0]?.message).toMatch(/JSON Web Token shown decoded/);
  });
  it('each part is read whole: the unclosed placeholder of the header (21) and the missing comma after "tee": "sgx" (46), placeholders read as values', () => {
    expect(ruleFindings('json-example-invalid', TOKEN).map((f) => f.line + 14)).toEqual([21, 46]);
  });
  it('the token "decoded" with bare keys ({ typ: "JWT", … }.) likewise', () => {
    const found = ruleFindings('json-example-invalid', DECODED);
    expect(found.map((f) => [f.line, f.severity])).toEqual([[34, 'warning'], [40, 'warning']]);
  });
  it('the same header without the token\'s dots is still an invalid JSON example (error)', () => {
    const text = readRepoFile(TOKEN).replace('}.{', '}\n```\n\n```\n{').replace('}.[Signature]', '}');
    expect(ruleFindings('json-example-invalid', TOKEN, text).map((f) => f.severity)).toContain('error');
  });
});

describe('a page set up in Cloud Shell or through Terraform\'s configure quickstart is signed in', () => {
  const signIn = (file: string, text?: string) => ruleFindings('missing-prerequisite', file, text).filter((f) => /signed-in Azure CLI/.test(f.message));
  it('the cloud-shell-try-it include states Cloud Shell, which signs the reader in', () => {
    expect(signIn(BACKUP)).toEqual([]);
  });
  it('without the include the bare-fenced az keyvault restore start still needs a sign-in', () => {
    const text = readRepoFile(BACKUP).replace(/^\[!INCLUDE \[cloud-shell-try-it\.md\]\([^)]*\)\]$/m, '');
    expect(signIn(BACKUP, text).map((f) => f.line)).toEqual([114]);
  });
  it('"Install and configure Terraform" (quickstart-configure) leaves the reader signed in to the Azure CLI', () => {
    expect(signIn(TERRAFORM)).toEqual([]);
  });
  it('a Terraform page without that prerequisite is still told to sign in', () => {
    const text = readRepoFile(TERRAFORM).replace('- [Install and configure Terraform](/azure/developer/terraform/quickstart-configure)', '- Terraform');
    expect(signIn(TERRAFORM, text)).toHaveLength(1);
  });
});

describe('a managed HSM key command is judged against the HSM\'s local RBAC', () => {
  it('a page naming "Managed HSM Crypto User" states the permission of az keyvault key rotate --hsm-name', () => {
    expect(ruleFindings('rbac-permission-not-stated', ROTATION)).toEqual([]);
  });
  it('without a Managed HSM role named, the warning names the managedHsm data action and a Managed HSM role, not a Key Vault one', () => {
    const text = readRepoFile(ROTATION).replace(/"?Managed HSM Crypto User"?/g, 'a role').replace(/local RBAC/g, 'RBAC');
    const found = ruleFindings('rbac-permission-not-stated', ROTATION, text);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.message).toMatch(/Microsoft\.KeyVault\/managedHsm\/keys\/rotate\/action/);
    expect(found.map((f) => f.message).join('\n')).not.toMatch(/Key Vault Crypto|vaults\/keys/);
  });
});

describe('"URL-safe" is no URL', () => {
  it('external key identifiers that are case-sensitive and URL-safe are no claim about ARM URLs', () => {
    expect(ruleFindings('prose-case-sensitive-claim', EKM)).toEqual([]);
  });
  it('a sentence saying the URL is case-sensitive is still reported', () => {
    const text = readRepoFile(EKM).replace('External key identifiers are immutable after assignment and case-sensitive;', 'The request URL is case-sensitive;');
    expect(ruleFindings('prose-case-sensitive-claim', EKM, text).map((f) => f.line)).toEqual([3]);
  });
});

describe('Azure Monitor\'s own log container', () => {
  const container = (file: string, text?: string) => ruleFindings('page-assumes-resource', file, text).filter((f) => /insights-logs-auditevent/.test(f.message));
  it('insights-logs-auditevent on a page that creates a diagnostic setting is not assumed', () => {
    expect(container(LOGGING)).toEqual([]);
  });
  it('another container name on the same page still is', () => {
    const text = readRepoFile(LOGGING).replace(/insights-logs-auditevent/g, 'kv-audit-logs');
    expect(ruleFindings('page-assumes-resource', LOGGING, text).filter((f) => /kv-audit-logs/.test(f.message)).length).toBeGreaterThan(0);
  });
});
