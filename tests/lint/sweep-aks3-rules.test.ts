// Regressions from a precision sweep of never-seen AKS pages (MicrosoftDocs/azure-aks-docs @fb060abe,
// 60 pages, seed 1704; sheet sweeps/aks-1704.review.json). Each false finding is pinned on a byte-exact
// excerpt of the page (tests/lint/fixtures/sweep-aks3-excerpts/README.md) beside the same text made
// wrong, so the test fails if the rule goes silent on the defect it is for or loud again on the page.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const DIR = 'tests/lint/fixtures/sweep-aks3-excerpts';

describe('json-example-invalid: an output block cut after a member, its comma kept, is an excerpt, not an error', () => {
  // Regression: a false error on supported-kubernetes-versions.md:143 (excerpt lines 1-12 = page 134-145):
  // the ```output block the prose introduces as az aks show's output holds its first five keys, and the
  // comma after the fifth is where the rest was left out. Nothing sends or parses it.
  const file = `${DIR}/supported-kubernetes-versions.excerpt.md`;
  const page = readRepoFile(file);
  it('is a warning that says the output is shown in part', () => {
    const hits = ruleFindings('json-example-invalid', file, page);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[10, 'warning']]);
    expect(hits[0]?.message).toMatch(/an output shown in part \(the comma after its last member, line 10, is where the rest was left out\)/);
  });
  it('the same block with a missing comma between members is still an error', () => {
    const wrong = page.replace('"autoScalerProfile": null,', '"autoScalerProfile": null');
    expect(ruleFindings('json-example-invalid', file, wrong).map((h) => [h.line, h.severity])).toEqual([[8, 'error']]); // where JSON.parse stops, the next member
  });
  it('the same text as a request body (```json before a command that sends it) keeps its trailing comma an error', () => {
    const wrong = page.replace('```output', '```json').replace(/\n$/, '\n\n```bash\ncurl -X PUT -d @body.json https://contoso.example/items\n```\n');
    expect(ruleFindings('json-example-invalid', file, wrong).map((h) => h.severity)).toEqual(['error']);
  });
});

describe('lookalike-dash-in-flag: a lone en dash before a long option the page types with "--"', () => {
  // Regression: use-etags.md:50 (excerpt line 34) names `–if-none-match`; the finding was right about the
  // dash but told the reader to write "-if-none-match", while the page's az aks create (line 67, excerpt
  // 51) and the az reference take --if-none-match.
  const file = `${DIR}/use-etags.excerpt.md`;
  const page = readRepoFile(file);
  it('says "--" belongs and suggests --if-none-match; the en dash + hyphen forms keep theirs', () => {
    const hits = ruleFindings('lookalike-dash-in-flag', file, page);
    expect(hits.map((h) => [h.line, h.suggestion])).toEqual([
      [5, '--if-match'],
      [7, '--if-none-match'],
      [24, '--if-match'],
      [24, '--if-none-match'],
      [34, '--if-none-match'],
    ]);
    expect(hits[4]?.message).toMatch(/"–if-none-match" with U\+2013 EN DASH where "--" belongs.*Write "--if-none-match", as the page's commands do/);
  });
  it('where the page types the option with one hyphen (a PowerShell parameter), one hyphen is suggested', () => {
    const wrong = page.replace('--if-none-match "*"', '-if-none-match "*"');
    const hits = ruleFindings('lookalike-dash-in-flag', file, wrong).filter((h) => h.line === 34);
    expect(hits.map((h) => h.suggestion)).toEqual(['-if-none-match']);
    expect(hits[0]?.message).toMatch(/where "-" belongs/);
  });
  it('with the prose fixed, nothing is said', () => {
    const fixed = page.replace(/–-|-–|–/g, '--');
    expect(ruleFindings('lookalike-dash-in-flag', file, fixed)).toEqual([]);
  });
});

describe('placeholder-spelling-varies: a spelling only a sample output holds is not one the reader replaces', () => {
  // Regression: use-managed-identity.md:258 (excerpt line 233) writes <subscriptionid> in the output of
  // az identity create (and of az fleet update); the reader types <subscription-id> in az account set
  // (line 32, excerpt 7) and never fills in an output.
  const file = `${DIR}/use-managed-identity.excerpt.md`;
  const page = readRepoFile(file);
  it('silent on the page', () => {
    expect(ruleFindings('placeholder-spelling-varies', file, page)).toEqual([]);
  });
  it('still reports the two spellings when a command types the other one', () => {
    const wrong = page.replace('    az identity create \\', '    az identity create --subscription <subscriptionid> \\');
    const hits = ruleFindings('placeholder-spelling-varies', file, wrong);
    expect(hits.map((h) => h.line)).toEqual([7, 222]);
    expect(hits[1]?.message).toMatch(/<subscriptionid> is written elsewhere on the page as <subscription-id> \(line 7, 1×\)/);
  });
});

describe('markdown-block-unclosed: a fence left open in a list item that ends right after its code', () => {
  // Regression: deploy-valkey-cluster.md:52 (excerpt line 5) opens ```azurecli-interactive in list item 1
  // and never closes it; item 2 ("1. Set the policy…") starts after a blank line. CommonMark ends the block
  // with the item (markdown-it renders the five commands as one block, then item 2 as written), so nothing
  // is shown as code that was meant as text: the message's "every line after it … Copy pastes all of it"
  // does not happen.
  const file = `${DIR}/deploy-valkey-cluster.excerpt.md`;
  const page = readRepoFile(file);
  it('silent on the page', () => {
    expect(ruleFindings('markdown-block-unclosed', file, page)).toEqual([]);
  });
  it('still reported when the item goes on after a blank line (prose the block swallows), or the fence is not in a list', () => {
    const swallowed = page.replace('    rm /tmp/valkey-password-file.conf\n', '    rm /tmp/valkey-password-file.conf\n\n    The secret is now in the vault.\n');
    expect(ruleFindings('markdown-block-unclosed', file, swallowed).map((h) => h.line)).toEqual([5]);
    const unlisted = page.replace('1. Generate a random password', 'Generate a random password').replace(/\n {4}/g, '\n');
    expect(ruleFindings('markdown-block-unclosed', file, unlisted).map((h) => h.line)).toEqual([5]);
  });
});
