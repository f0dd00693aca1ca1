// Negative cases of the shell rules (issue 16 item 5) on real pages where the pattern is written
// correctly: each page is checked to contain the correct form (so the test cannot pass on a page
// without it) and the rule must stay silent on the whole page. Pages are corpus copies
// (tests/corpus/manifest.json gives repo, path and commit) or the project's own tutorials.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');

interface Negative {
  rule: string;
  page: string;
  /** The correct form of the pattern, present on the page. */
  has: RegExp;
  /** The page also has the defect elsewhere: only the lines with the correct form must be silent. */
  linesOnly?: true;
}

const negatives: Negative[] = [
  { rule: 'shell-backslash-space', page: 'tests/corpus/articles/storage/blobs/blob-containers-cli.md', has: /\S \\\n/ },
  { rule: 'shell-trailing-backslash', page: 'tests/corpus/articles/storage/blobs/blob-containers-cli.md', has: /\\\n\s+--[^\n\\]+\n```/ },
  { rule: 'shell-missing-continuation', page: 'tests/corpus/articles/storage/blobs/storage-blob-user-delegation-sas-create-cli.md', has: /\\\n\s+--/ },
  { rule: 'shell-missing-continuation', page: 'tests/corpus/articles/app-service/deploy-zip.md', has: /curl -X POST \\\n\s+-H "Authorization: Bearer \$TOKEN" \\/ },
  { rule: 'curl-help-flag', page: 'tests/corpus/articles/app-service/deploy-zip.md', has: /-H "Authorization: Bearer \$TOKEN"/ },
  { rule: 'shell-unquoted-ampersand', page: 'tutorials/000-key-vault.md', has: /curl 'http:\/\/169\.254\.169\.254\/[^']*&resource=/ },
  { rule: 'shell-unquoted-ampersand', page: 'tests/corpus/articles/role-based-access-control/elevate-access-global-admin.md', has: /--url "https:[^"]*&\$filter=/ },
  { rule: 'shell-single-quoted-variable', page: 'tests/corpus/articles/app-service/deploy-zip.md', has: /TOKEN=\$\(az account get-access-token --query accessToken \| tr -d '"'\)/ },
  { rule: 'shell-tilde-in-quotes', page: 'tests/corpus/articles/role-based-access-control/custom-roles-cli.md', has: /--role-definition ~\/roles\/vmoperator\.json/ },
  { rule: 'shell-odata-dollar-expanded', page: 'tests/corpus/articles/role-based-access-control/elevate-access-global-admin.md', has: /GET https:\/\/management\.azure\.com\/[^\n]*\?api-version=2022-04-01&\$filter=/, linesOnly: true },
];

describe('shell rules stay silent where a real page writes the pattern correctly', () => {
  for (const n of negatives) {
    it(`${n.rule}: ${n.page}`, () => {
      const text = readFileSync(join(root, n.page), 'utf8');
      expect(text).toMatch(n.has);
      const lines = text.split('\n');
      const found = lintText(text, 'docfx', n.page).filter((f) => f.rule === n.rule && (!n.linesOnly || n.has.test(lines[f.line - 1] ?? '')));
      expect(found.map((f) => `${f.line}: ${f.message}`)).toEqual([]);
    });
  }
});

describe('shell rules report the real defects of corpus pages at their lines', () => {
  const at = (page: string, rule: string) => {
    const text = readFileSync(join(root, page), 'utf8');
    return lintText(text, 'docfx', page).filter((f) => f.rule === rule);
  };
  it('storage-quickstart-blobs-cli.md: "--name helloworld" has no "\\" before "--file helloworld"', () => {
    const found = at('tests/corpus/articles/storage/blobs/storage-quickstart-blobs-cli.md', 'shell-missing-continuation');
    expect(found.map((f) => [f.line, f.endLine])).toEqual([[59, 60]]);
    expect(found[0]?.message).toMatch(/"--file: command not found"/);
  });
  it('tutorial-custom-role-cli.md: "~/CustomRoles/…" in double quotes, twice', () => {
    expect(at('tests/corpus/articles/role-based-access-control/tutorial-custom-role-cli.md', 'shell-tilde-in-quotes').map((f) => f.line)).toEqual([121, 228]);
  });
  it('elevate-access-global-admin.md: "&$filter=" inside a double-quoted az rest URL, twice', () => {
    expect(at('tests/corpus/articles/role-based-access-control/elevate-access-global-admin.md', 'shell-odata-dollar-expanded').map((f) => f.line)).toEqual([452, 497]);
  });
});
