// defects: a precision sweep of azure-management-docs (MicrosoftDocs/azure-management-docs @d923d588901082fa2107de6b2a82d7d05cd95160,
// seed 1703, sweeps/mgmt-1703.review.json). The fixtures are byte-exact: the whole page or contiguous lines of it.
// - azure-arc/data/upload-usage-data.md:85 (fixture from line 36) and privacy-data-collection-and-reporting.md:572,603
//   (fixture from line 556): a usage payload whose "data" string (escaped JSON) is written over several lines for
//   display was an error "Bad control character in string literal". Nobody sends it; the breaks are layout.
// - azure-arc/workload-orchestration/how-to-stage.md:73: `--scope --scope "/subscriptions/…"` was also
//   "given twice … the first is silently dropped"; argparse stops at the bare first one ("expected one argument").
// - how-to-stage.md:323: `"$cluster"` + U+00A0 was "a space inside the quotes"; the character follows the quote.
// - how-to-stage.md:648: `kubectl exec … -n $cr` was "one value under two names" with $connectedRegistryName (the
//   extension's name, by initials); -n is the namespace its pods run in (connected-registry, line 122).
// - azure-arc/servers/ssh-arc-troubleshoot.md:113 (fixture from line 77): <Resource Group> in an error message listed
//   after "You may see the following errors:" was a placeholder spelt two ways with line 82's <resourcegroup>.
// - container-registry/tutorial-troubleshoot-customer-managed-keys.md:36 (fixture from line 1): part four of a
//   four-part series was told it never signs the reader in; the earlier parts set the reader up.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const F = 'tests/lint/fixtures/';
const USAGE = `${F}sweep-mgmt3-upload-usage-data.excerpt.md`;
const PRIVACY = `${F}sweep-mgmt3-privacy-data-collection.excerpt.md`;
const STAGE = `${F}sweep-mgmt3-how-to-stage.md`;
const SSH = `${F}sweep-mgmt3-ssh-arc-troubleshoot.excerpt.md`;
const CMK = `${F}sweep-mgmt3-troubleshoot-cmk.excerpt.md`;

const replaced = (file: string, from: string, to: string): string => {
  const text = readRepoFile(file);
  if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
  return text.replace(from, to);
};
const at = (rule: string, file: string, text?: string) => ruleFindings(rule, file, text).map((f) => [f.line, f.severity]);

describe('json-example-invalid: a string value written over several lines for display', () => {
  it('upload-usage-data.md: the "data" entry with its escaped JSON broken after each comma is a warning that says why', () => {
    const found = ruleFindings('json-example-invalid', USAGE);
    expect(found.map((f) => [f.line, f.severity])).toEqual([[50, 'warning']]);
    expect(found[0]?.message).toMatch(/writes a long string value over several lines for display \(lines 50–58/);
  });
  it('a slip besides the breaks (a missing comma) is still an error', () => {
    const text = replaced(USAGE, '"location": "eastus",\n          "uploadRequest"', '"location": "eastus"\n          "uploadRequest"');
    expect(at('json-example-invalid', USAGE, text)).toEqual([[47, 'error']]);
  });
  it('privacy-data-collection: the payload that also lacks its closing braces is an error at its end, for that; the complete one a warning', () => {
    const found = ruleFindings('json-example-invalid', PRIVACY);
    expect(found.map((f) => [f.line, f.severity])).toEqual([[26, 'error'], [48, 'warning']]);
    expect(found[0]?.message).toMatch(/Expected ',' or '}' after property value \(once the string value written over lines 17–25 for display is read as one line\)/);
    expect(found[0]?.message).not.toMatch(/control character/);
  });
  it('with its closing braces written, the first payload is a warning too', () => {
    const text = replaced(PRIVACY, '"signature":"MIIE7gYJKoZIhvcNAQ...2xXqkK" \n```', '"signature":"MIIE7gYJKoZIhvcNAQ...2xXqkK" \n    }\n}\n```');
    expect(at('json-example-invalid', PRIVACY, text)).toEqual([[17, 'warning'], [50, 'warning']]);
  });
  it('a request body a command sends with a line break in a string is still an error', () => {
    const text = ['# Send', '', '```http', 'PUT https://management.azure.com/subscriptions/x/resourcegroups/rg?api-version=2021-04-01', 'Content-Type: application/json', '', '{', '  "location": "east', '     us"', '}', '```', ''].join('\n');
    expect(at('json-example-invalid', 'send.md', text)).toEqual([[8, 'error']]);
  });
});

describe('az-option-repeated: "--scope --scope /subscriptions/…" is no silently dropped value', () => {
  it('how-to-stage.md:73: only az-flag-without-value (argparse: "expected one argument") reports it', () => {
    expect(at('az-option-repeated', STAGE)).toEqual([]);
    expect(at('az-flag-without-value', STAGE)).toContainEqual([73, 'error']);
  });
  it('the first --scope with a value of its own is dropped, and said so', () => {
    const text = replaced(STAGE, '--scope --scope "/subscriptions/', '--scope "/subscriptions/x" --scope "/subscriptions/');
    expect(at('az-option-repeated', STAGE, text)).toEqual([[73, 'warning']]);
  });
});

describe('az-value-trailing-space: a no-break space after the closing quote is not inside it', () => {
  it('how-to-stage.md:323 `"$cluster"` + U+00A0: nonascii-space-in-command only', () => {
    expect(readRepoFile(STAGE)).toContain('--cluster-name "$cluster"\u00a0 --cluster-type');
    expect(at('az-value-trailing-space', STAGE)).toEqual([]);
    expect(at('nonascii-space-in-command', STAGE)).toContainEqual([323, 'error']);
  });
  it('the space inside the quotes is still reported', () => {
    const text = replaced(STAGE, '--cluster-name "$cluster"\u00a0 --cluster-type', '--cluster-name "$cluster " --cluster-type');
    expect(at('az-value-trailing-space', STAGE, text)).toEqual([[323, 'error']]);
  });
});

describe('powershell-variable-two-names: a namespace given to kubectl -n is no twin of a name by initials', () => {
  it('how-to-stage.md:648 `kubectl exec … -n $cr`: unassigned, not $connectedRegistryName', () => {
    expect(at('powershell-variable-two-names', STAGE).filter(([l]) => l === 648)).toEqual([]);
    expect(ruleFindings('shell-unassigned-variable', STAGE).find((f) => f.line === 648)?.message).toMatch(/assigns \$cr and the prose never says to set it/);
  });
  it('the same variable given to another option is still read as the twin by its initials', () => {
    const text = replaced(STAGE, 'kubectl exec -it <connected_registry_pod> -n $cr -- bash\n    # (inside the pod)\n    # cd maestro-tmp\n    # ./check-acr-images.sh "demo-image-0x:latest"\n    ```\n\n1. Install the solution.\n\n    ```powershell', 'kubectl exec -it <connected_registry_pod> --context $cr -- bash\n    # (inside the pod)\n    # cd maestro-tmp\n    # ./check-acr-images.sh "demo-image-0x:latest"\n    ```\n\n1. Install the solution.\n\n    ```powershell');
    expect(ruleFindings('powershell-variable-two-names', STAGE, text).find((f) => f.line === 648)?.message).toMatch(/\$cr is never assigned, but the page assigns \$connectedRegistryName/);
  });
});

describe('placeholder-spelling-varies: an error message listed after "You may see the following errors:"', () => {
  it('ssh-arc-troubleshoot.md:113 <Resource Group> in the AuthorizationFailed message is not read', () => {
    expect(readRepoFile(SSH)).toContain("over scope '/subscriptions/\\<Subscription ID\\>/resourceGroups/\\<Resource Group\\>/");
    expect(at('placeholder-spelling-varies', SSH)).toEqual([]);
  });
  it('the same list after a lead-in that is no error is read', () => {
    const text = replaced(SSH, 'You may see the following errors:', 'Use the following values:');
    expect(at('placeholder-spelling-varies', SSH, text)).toEqual([[37, 'warning']]);
  });
});

describe('missing-prerequisite: a later part of a tutorial series', () => {
  it('tutorial-troubleshoot-customer-managed-keys.md:36, "part four in a four-part tutorial series": no sign-in finding', () => {
    expect(ruleFindings('missing-prerequisite', CMK).filter((f) => /sign/.test(f.message))).toEqual([]);
  });
  it('part one of the series is still told', () => {
    const text = replaced(CMK, 'This article is part four in a four-part tutorial series.', 'This article is part one in a four-part tutorial series.');
    expect(ruleFindings('missing-prerequisite', CMK, text).filter((f) => /sign/.test(f.message)).map((f) => f.line)).toEqual([36]);
  });
});
