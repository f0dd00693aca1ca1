// defect: a precision sweep (MicrosoftDocs/azure-management-docs @d923d588, articles/container-registry/
// container-registry-tutorial-sign-trusted-ca.md:242) — `az role assignment create --role "Key Vault Certificates
// User" --role "Key Vault Crypto User" …`. az-unknown-role said az stops with "Role 'Key Vault Certificates User'
// doesn't exist" (error), but argparse keeps only the last --role: az assigns Key Vault Crypto User and never looks
// the first name up. The page's defect is the dropped role, which az-option-repeated reports.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const FILE = 'tests/lint/fixtures/real/container-registry-tutorial-sign-trusted-ca.excerpt.md';

describe('az-unknown-role judges the --role az acts on (the last)', () => {
  it('a wrong name overridden by a later --role is not "az stops"; the repeat is still reported', () => {
    expect(ruleFindings('az-unknown-role', FILE)).toEqual([]);
    expect(ruleFindings('az-option-repeated', FILE).map((f) => f.message)).toContainEqual(expect.stringMatching(/"Key Vault Certificates User" is silently dropped/));
  });
  it('the same wrong name as the last --role is still an error', () => {
    const text = readRepoFile(FILE).replace('--role "Key Vault Certificates User" --role "Key Vault Crypto User" --assignee', '--role "Key Vault Crypto User" --role "Key Vault Certificates User" --assignee');
    expect(ruleFindings('az-unknown-role', FILE, text).map((f) => `${f.severity} ${f.message}`)).toEqual([expect.stringMatching(/^error no role definition is named "Key Vault Certificates User".*Write --role 'Key Vault Certificate User'/)]);
  });
});

// defect: the same page's "#### Use an access policy (legacy)" section (line 259) runs az keyvault set-policy
// after a "#### Use Azure RBAC (recommended)" section. rbac-what-if warned that "the page never says its vault"
// uses access policies: the section's own title says it is the route for such a vault.
describe('rbac-what-if: a section offering access policies as the legacy route', () => {
  it('is silent on az keyvault set-policy under "Use an access policy (legacy)"', () => {
    expect(ruleFindings('rbac-what-if', FILE).filter((f) => /set-policy works only/.test(f.message))).toEqual([]);
  });
  it('still warns when the page offers no other model and does not call the route legacy', () => {
    const text = readRepoFile(FILE).replace('#### Use an access policy (legacy)', '#### Grant permissions').replace('#### Use Azure RBAC (recommended)', '#### Assign the roles');
    expect(ruleFindings('rbac-what-if', FILE, text).filter((f) => /set-policy works only/.test(f.message)).length).toBe(1);
  });
});
