// The session-4 shell, placeholder and URL rules on real pages (corpus copies: tests/corpus/manifest.json
// gives repo, path and commit): silent where a page writes the pattern correctly (each page is checked
// to contain the correct form, so the test cannot pass on a page without it), and reporting the real
// defects of corpus pages at their lines. Positive cases on the clean fixture: findings-cases-shellph.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const CORPUS = 'tests/corpus/articles';

const lint = (page: string, rule: string) => {
  const text = readFileSync(join(root, page), 'utf8');
  return { text, found: lintText(text, 'docfx', page).filter((f) => f.rule === rule) };
};

interface Negative {
  rule: string;
  page: string;
  /** The correct form of the pattern, present on the page. */
  has: RegExp;
  /** The page also has the defect elsewhere: only the lines holding the correct form must be silent. */
  lines?: RegExp;
}

const negatives: Negative[] = [
  // a JSON body in single quotes over twelve lines, closed on the block's last line
  { rule: 'shell-unclosed-quote', page: `${CORPUS}/app-service/configure-basic-auth-disable.md`, has: /--role-definition '\{\n[\s\S]*?\n\}'\n```/ },
  { rule: 'shell-unclosed-quote', page: `${CORPUS}/app-service/deploy-zip.md`, has: /"https:\/\/<app-name>\.scm\.azurewebsites\.net\/api\/publish\?type=zip"/, lines: /"https:\/\/<app-name>\.scm/ },
  // variables assigned and expanded later ($containerName, ${containerPrefix})
  { rule: 'shell-variable-unused', page: `${CORPUS}/storage/blobs/blob-containers-cli.md`, has: /containerName="demo-container-1"[\s\S]*\$containerName/, lines: /^(?!permissions=)/ },
  { rule: 'shell-variable-unused', page: `${CORPUS}/role-based-access-control/custom-roles-cli.md`, has: /az role definition create --role-definition/ },
  // request lines with {placeholders} and no space in the URL
  { rule: 'http-request-line-space', page: `${CORPUS}/role-based-access-control/role-assignments-rest.md`, has: /```http\n\s*PUT https:\/\/management\.azure\.com\/\{scope\}\/providers/ },
  { rule: 'http-request-line-space', page: `${CORPUS}/role-based-access-control/elevate-access-global-admin.md`, has: /GET https:\/\/management\.azure\.com\/[^\n ]*\$filter=principalId\+eq\+'\{objectIdOfUser\}'/, lines: /\$filter=principalId/ },
  // one spelling of each placeholder throughout: <app-name> eight times, {subscriptionId1} in the REST page
  { rule: 'placeholder-spelling-varies', page: `${CORPUS}/app-service/deploy-local-git.md`, has: /<app-name>[\s\S]*<app-name>/ },
  { rule: 'placeholder-spelling-varies', page: `${CORPUS}/role-based-access-control/role-assignments-rest.md`, has: /\{subscriptionId1\}[\s\S]*\{subscriptionId1\}/ },
  // the stand-in subscription of the updated role file: the page said earlier to replace the one in AssignableScopes
  { rule: 'example-id-in-input-file', page: `${CORPUS}/role-based-access-control/tutorial-custom-role-cli.md`, has: /In `AssignableScopes`, replace `\{subscriptionId1\}` with your subscription ID[\s\S]*"\/subscriptions\/00000000-0000-0000-0000-000000000000"/ },
  // the Kudu user and password in single quotes
  { rule: 'placeholder-unquoted-special', page: `${CORPUS}/app-service/deploy-zip.md`, has: /-u '<username>:<password>'/, lines: /-u '<username>:<password>'/ },
];

describe('session-4 shell, placeholder and URL rules stay silent where a real page writes the pattern correctly', () => {
  for (const n of negatives) {
    it(`${n.rule}: ${n.page}`, () => {
      const { text, found } = lint(n.page, n.rule);
      expect(text).toMatch(n.has);
      const lines = text.split('\n');
      if (n.lines) expect(lines.some((l) => n.lines!.test(l))).toBe(true);
      const silent = found.filter((f) => !n.lines || n.lines.test(lines[f.line - 1] ?? ''));
      expect(silent.map((f) => `${f.line}: ${f.message}`)).toEqual([]);
    });
  }
});

describe('session-4 shell, placeholder and URL rules report the real defects of corpus pages at their lines', () => {
  it('deploy-zip.md: the --src-url value opens a double quote that the block never closes', () => {
    const { found } = lint(`${CORPUS}/app-service/deploy-zip.md`, 'shell-unclosed-quote');
    expect(found.map((f) => [f.line, f.severity])).toEqual([[269, 'error']]);
    expect(found[0]?.message).toMatch(/double quote opened here is never closed/);
  });
  it('blob-containers-cli.md: permissions="drwl" is never used; generate-sas gets --permissions dlrw', () => {
    const { found } = lint(`${CORPUS}/storage/blobs/blob-containers-cli.md`, 'shell-variable-unused');
    expect(found.map((f) => f.line)).toEqual([339]);
    expect(found[0]?.message).toMatch(/--permissions dlrw literally.*"drwl" here, "dlrw" there/);
  });
  it("elevate-access-global-admin.md: roleName+eq+'User Access Administrator' has literal spaces in the request line", () => {
    const { found } = lint(`${CORPUS}/role-based-access-control/elevate-access-global-admin.md`, 'http-request-line-space');
    expect(found.map((f) => f.line)).toEqual([252]);
    expect(found[0]?.message).toMatch(/'User%20Access%20Administrator'/);
  });
  it('elevate-access-global-admin.md: {objectid} and {objectID} spell one value two ways', () => {
    const { found } = lint(`${CORPUS}/role-based-access-control/elevate-access-global-admin.md`, 'placeholder-spelling-varies');
    expect(found.map((f) => f.line)).toEqual([295, 312]);
    expect(found[0]?.message).toMatch(/\{objectid\} is written elsewhere on the page as \{objectID\}.*letter case/);
  });
  it('custom-roles-cli.md: vmoperator.json scopes two stand-in subscriptions the page never says to replace', () => {
    const { found } = lint(`${CORPUS}/role-based-access-control/custom-roles-cli.md`, 'example-id-in-input-file');
    expect(found.map((f) => f.line)).toEqual([166, 167, 210, 211]);
  });
  it('deploy-zip.md: -u <username>:<password> unquoted towards Kudu, whose site-level user name starts with "$"', () => {
    const { found } = lint(`${CORPUS}/app-service/deploy-zip.md`, 'placeholder-unquoted-special');
    expect(found.map((f) => f.line)).toEqual([145, 207, 227, 247]);
    expect(found[0]?.message).toMatch(/"\$<app-name>"/);
  });
  it('overview-storage-keys.md: the SAS token of the previous step passed unquoted to --template-uri', () => {
    const { found } = lint(`${CORPUS}/key-vault/secrets/overview-storage-keys.md`, 'placeholder-unquoted-special');
    expect(found.map((f) => f.line)).toEqual([127]);
    expect(found[0]?.message).toMatch(/"&"/);
  });
});
