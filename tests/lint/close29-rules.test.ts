// defects: the closing precision sweep of stop 29 (40 untouched pages of MicrosoftDocs/azure-security-docs
// @1c4310be, seed 1599; 40 of MicrosoftDocs/azure-aks-docs @fb060abe, seed 1598). Each false finding is
// pinned on its page's excerpt beside the same text made wrong, so the test fails if the rule goes quiet.
// - assign-access-policy.md:156: the PowerShell tab's <secrets-permissions> was an error "misspelt twin of
//   <secret-permissions>", a spelling its commands never hold (the az tab's, and the tab's own prose).
// - create-certificate-scenarios.md:60: `"id": “https://…` was said to have "//" comments.
// - monitor-aks-mongodb.md:78-83: the lines of a single-quoted sed script were six "NAME = value" errors.
// - attestation/private-endpoint-powershell.md:158: privatelink.attest.azure.net "Did you mean
//   privatelink.vaultcore.azure.net?": the shared privatelink. prefix made two services look alike.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const FIXTURES = 'tests/lint/fixtures/real/';
const POLICY = `${FIXTURES}close29-assign-access-policy.excerpt.md`;
const CERT = `${FIXTURES}close29-create-certificate-scenarios.excerpt.md`;
const SED = `${FIXTURES}close29-monitor-aks-mongodb.excerpt.md`;
const ZONE = `${FIXTURES}close29-attestation-private-endpoint.excerpt.md`;

describe('placeholder-misspelt across the tabs of a page', () => {
  it('a twin the reader of the PowerShell tab meets only in its prose is a warning, not an error', () => {
    const found = ruleFindings('placeholder-misspelt', POLICY);
    expect(found.map((f) => [f.line, f.severity])).toEqual([
      [143, 'warning'],
      [143, 'warning'],
    ]);
    expect(found[0]?.message).toMatch(/<secrets-permissions> is a twin of <secret-permissions>, as the text beside it calls this value \(line 146\)/);
  });
  it('the same twin inside the tab\'s own commands stays an error', () => {
    const text = readRepoFile(POLICY).replace('-PermissionsToKeys <keys-permissions>', '-PermissionsToKeys <secret-permissions>');
    expect(ruleFindings('placeholder-misspelt', POLICY, text).map((f) => f.severity)).toContain('error');
  });
  it('a twin only in the other tab is not reported: the az reader never sees the PowerShell tab', () => {
    const text = readRepoFile(POLICY).replace(/The allowable values for `<secret-permissions>`, `<key-permissions>`, and `<certificate-permissions>` are given in the \[Set-Az/, 'The allowable values are given in the [Set-Az');
    expect(ruleFindings('placeholder-misspelt', POLICY, text)).toEqual([]);
  });
});

describe('json-example-invalid on a URL opened with a curly quote', () => {
  it('says the JSON does not parse at the quote, not that it has "//" comments', () => {
    const found = ruleFindings('json-example-invalid', CERT);
    expect(found.map((f) => f.line)).toEqual([7]);
    expect(found[0]?.message).toMatch(/not valid JSON: Unexpected token '“'/);
    expect(found[0]?.message).not.toMatch(/comments/);
  });
  it('a real // comment in the same block is still one', () => {
    const text = readRepoFile(CERT).replace('"id": “https:', '"id": "https:').replace('"name": "mydigicert"', '"name": "mydigicert" // the issuer');
    expect(ruleFindings('json-example-invalid', CERT, text)[0]?.message).toMatch(/"\/\/" comments \(lines 9\)/);
  });
});

describe('shell-assignment-spaces inside a quoted word over several lines', () => {
  it('is silent on the lines of a single-quoted sed script', () => {
    expect(ruleFindings('shell-assignment-spaces', SED)).toEqual([]);
  });
  it('still reports NAME = value on a line of its own after the script', () => {
    const text = readRepoFile(SED).replace("      }/' mongodb.tfvars\n", "      }/' mongodb.tfvars\n      pmmserver = pool\n");
    expect(ruleFindings('shell-assignment-spaces', SED, text).map((f) => f.message)).toEqual([expect.stringMatching(/"pmmserver = …" has blanks around "="/)]);
  });
});

describe('private-dns-zone-name on a zone the table lacks', () => {
  it('Azure Attestation\'s privatelink.attest.azure.net is not "close" to the Key Vault zone', () => {
    expect(ruleFindings('private-dns-zone-name', ZONE)).toEqual([]);
  });
  it('a slip in a documented zone (privatelink.vaultcore.azure.com) is still said, with the documented name', () => {
    const text = readRepoFile(ZONE).replaceAll('privatelink.attest.azure.net', 'privatelink.vaultcore.azure.com');
    expect(ruleFindings('private-dns-zone-name', ZONE, text)[0]?.message).toMatch(/Did you mean privatelink\.vaultcore\.azure\.net/);
  });
});
