// The session-4 shell, placeholder and URL rules on real pages (corpus copies: tests/corpus/manifest.json
// gives repo, path and commit): silent where a page writes the pattern correctly (each page is checked
// to contain the correct form, so the test cannot pass on a page without it), and reporting the real
// defects of corpus pages at their lines. Positive cases on the clean fixture: findings-cases-shellph.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAN_DOCFX, lintText, mutate } from './helpers.ts';

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
  /** Or only these lines (where one text is both right and wrong on the page, e.g. in two scripts). */
  onLines?: number[];
}

const negatives: Negative[] = [
  // a JSON body in single quotes over twelve lines, closed on the block's last line
  { rule: 'shell-unclosed-quote', page: `${CORPUS}/app-service/configure-basic-auth-disable.md`, has: /--role-definition '\{\n[\s\S]*?\n\}'\n```/ },
  { rule: 'shell-unclosed-quote', page: `${CORPUS}/app-service/deploy-zip.md`, has: /"https:\/\/<app-name>\.scm\.azurewebsites\.net\/api\/publish\?type=zip"/, lines: /"https:\/\/<app-name>\.scm/ },
  // variables assigned and expanded later ($containerName, ${containerPrefix})
  { rule: 'shell-variable-unused', page: `${CORPUS}/storage/blobs/blob-containers-cli.md`, has: /containerName="demo-container-1"[\s\S]*\$containerName/, lines: /^(?!permissions=)/ },
  { rule: 'shell-variable-unused', page: `${CORPUS}/role-based-access-control/custom-roles-cli.md`, has: /az role definition create --role-definition/ },
  // the first script reads location and passes --location $location
  { rule: 'shell-variable-unused', page: `${CORPUS}/azure-resource-manager/management/manage-resources-cli.md`, has: /read location &&\n[\s\S]*?--location \$location/, onLines: [29, 31, 33, 44] },
  // request lines with {placeholders} and no space in the URL
  { rule: 'url-literal-space', page: `${CORPUS}/role-based-access-control/role-assignments-rest.md`, has: /```http\n\s*PUT https:\/\/management\.azure\.com\/\{scope\}\/providers/ },
  // curl URLs whose only spaces are inside <PLACEHOLDER NAME>s the reader replaces
  { rule: 'url-literal-space', page: 'tutorials/003-arm-user-assigned.md', has: /curl -H Metadata:true "http:\/\/169\.254\.169\.254\/[^"]*&client_id=<UAMI CLIENT ID>"/ },
  { rule: 'url-literal-space', page: `${CORPUS}/role-based-access-control/elevate-access-global-admin.md`, has: /GET https:\/\/management\.azure\.com\/[^\n ]*\$filter=principalId\+eq\+'\{objectIdOfUser\}'/, lines: /\$filter=principalId/ },
  // one spelling of each placeholder throughout: <app-name> eight times, {subscriptionId1} in the REST page
  { rule: 'placeholder-spelling-varies', page: `${CORPUS}/app-service/deploy-local-git.md`, has: /<app-name>[\s\S]*<app-name>/ },
  { rule: 'placeholder-spelling-varies', page: `${CORPUS}/role-based-access-control/role-assignments-rest.md`, has: /\{subscriptionId1\}[\s\S]*\{subscriptionId1\}/ },
  // the stand-in subscription of the updated role file: the page said earlier to replace the one in AssignableScopes
  { rule: 'example-id-in-input-file', page: `${CORPUS}/role-based-access-control/tutorial-custom-role-cli.md`, has: /In `AssignableScopes`, replace `\{subscriptionId1\}` with your subscription ID[\s\S]*"\/subscriptions\/00000000-0000-0000-0000-000000000000"/ },
  // AzCopy v10: a command first, the URLs quoted (an excerpt of a real page: fixtures/real/README.md)
  { rule: 'azcopy-legacy-syntax', page: 'tests/lint/fixtures/real/storage-use-azcopy-blobs-upload.excerpt.md', has: /```azcopy\nazcopy copy 'C:\\myDirectory\\myTextFile\.txt' 'https:/ },
  // assignments written NAME=value in bash; Python's "name = value" in a python block is not bash
  { rule: 'shell-assignment-spaces', page: `${CORPUS}/storage/blobs/blob-containers-cli.md`, has: /\nstorageAccount="<storage-account>"\n/ },
  { rule: 'shell-assignment-spaces', page: `${CORPUS}/key-vault/secrets/quick-create-python.md`, has: /```python[\s\S]*?\nkeyVaultName = os\.environ\["KEY_VAULT_NAME"\]/ },
  // the Azure CLI's own query page: single quotes or \` in the Bash tab; its PowerShell and Cmd tabs follow their shells' rules
  { rule: 'az-query-backtick', page: 'tests/lint/fixtures/real/query-azure-cli-concepts.excerpt.md', has: /### \[Bash\][\s\S]*--query "\[\?isDefault == \\`false\\`\]\.name"[\s\S]*### \[Cmd\][\s\S]*--query "\[\?isDefault == `false`\]\.name"/ },
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
      const silent = found.filter((f) => (!n.lines || n.lines.test(lines[f.line - 1] ?? '')) && (!n.onLines || n.onLines.includes(f.line)));
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
  it('manage-resources-cli.md: the template script asks for a location and never uses it', () => {
    const { found } = lint(`${CORPUS}/azure-resource-manager/management/manage-resources-cli.md`, 'shell-variable-unused');
    expect(found.map((f) => f.line)).toEqual([46]);
    expect(found[0]?.message).toMatch(/asks the reader to type location \(read location\), but no command after it uses \$location/);
  });
  it('storage-quickstart-blobs-cli.md: azcopy written with AzCopy 7 options over continued lines', () => {
    const { found } = lint(`${CORPUS}/storage/blobs/storage-quickstart-blobs-cli.md`, 'azcopy-legacy-syntax');
    expect(found.map((f) => [f.line, f.message.split(' ')[0]])).toEqual([
      [96, '--source'],
      [97, '--destination'],
      [98, '--dest-key'],
    ]);
  });
  it("elevate-access-global-admin.md: roleName+eq+'User Access Administrator' has literal spaces in the request line", () => {
    const { found } = lint(`${CORPUS}/role-based-access-control/elevate-access-global-admin.md`, 'url-literal-space');
    expect(found.map((f) => f.line)).toEqual([252]);
    expect(found[0]?.message).toMatch(/'User%20Access%20Administrator'/);
  });
  it('elevate-access-global-admin.md: {objectid} in the request and {objectID} in the sample response are not compared; two requests that differ are', () => {
    // The sample response (line 312) is what ARM prints: the reader replaces nothing there, so the
    // request's {objectid} leaves nothing behind (sweep-aks3: outputs are not read by this rule).
    const page = `${CORPUS}/role-based-access-control/elevate-access-global-admin.md`;
    const { text: real, found: none } = lint(page, 'placeholder-spelling-varies');
    expect(none).toEqual([]);
    const text = real.replace("    > `GET https://management.azure.com/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=atScope()`", "    > `GET https://management.azure.com/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=principalId+eq+'{objectID}'`");
    const found = lintText(text, 'docfx', page).filter((f) => f.rule === 'placeholder-spelling-varies');
    expect(found.map((f) => f.line)).toEqual([295, 300]);
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

describe('shell-unassigned-variable: a variable used before the step that assigns it', () => {
  it('reports the use and names the later assignment', () => {
    const { text, line } = mutate(CLEAN_DOCFX, 'az storage blob upload', (l) => l.replace('--account-name <STORAGE ACCOUNT>', '--account-name $account'));
    const later = mutate(text, 'az storage blob download', (l) => `account=<STORAGE ACCOUNT>\n${l}`);
    const found = lintText(later.text).filter((f) => f.rule === 'shell-unassigned-variable');
    expect(found.map((f) => f.line)).toEqual([line]);
    expect(found[0]?.message).toMatch(new RegExp(`first step that assigns it is on line ${later.line}, further down`));
  });
  it('stays silent when the assignment comes first', () => {
    const { text } = mutate(CLEAN_DOCFX, 'az storage blob upload', (l) => `account=<STORAGE ACCOUNT>\n${l.replace('--account-name <STORAGE ACCOUNT>', '--account-name $account')}`);
    expect(lintText(text).filter((f) => f.rule === 'shell-unassigned-variable')).toEqual([]);
  });
});

describe('shell-unquoted-ampersand: in any command, not only curl', () => {
  const at = (replace: (l: string) => string) => {
    const { text, line } = mutate(CLEAN_DOCFX, 'az storage blob upload', replace);
    return { line, found: lintText(text).filter((f) => f.rule === 'shell-unquoted-ampersand') };
  };
  it('an az option given a SAS URL unquoted', () => {
    const { line, found } = at((l) => l.replace('-f test.txt', '-f test.txt --source-uri https://src.blob.core.windows.net/c/test.txt?sv=2022-11-02&sr=b&sp=r&sig=abc'));
    expect(found.map((f) => f.line)).toEqual([line]);
    expect(found[0]?.message).toMatch(/the URL is not quoted.*without "sr", "sp", "sig"/);
  });
  it('a SAS token written on its own, unquoted', () => {
    const { line, found } = at((l) => l.replace('--auth-mode login', '--sas-token sv=2022-11-02&ss=b&srt=co&sp=rl&sig=abc'));
    expect(found.map((f) => f.line)).toEqual([line]);
    expect(found[0]?.message).toMatch(/the SAS token is not quoted.*without "ss", "srt", "sp", "sig".*Quote the whole token/);
  });
  it('stays silent on the same token in quotes', () => {
    expect(at((l) => l.replace('--auth-mode login', "--sas-token 'sv=2022-11-02&ss=b&srt=co&sp=rl&sig=abc'")).found).toEqual([]);
  });
});

describe('shell-missing-continuation: an argument indented under its command without "\\"', () => {
  it('reports the quoted URL on the next line that bash runs as a command', () => {
    const { text, line } = mutate(CLEAN_DOCFX, "curl 'https://management.azure.com/subscriptions/<SUBSCRIPTION ID>/resourceGroups", (l) => `curl -H "Authorization: Bearer <ACCESS TOKEN>"\n    ${l.replace(/^curl /, '').replace(/ -H "Authorization: Bearer <ACCESS TOKEN>"$/, '')}`);
    const found = lintText(text).filter((f) => f.rule === 'shell-missing-continuation');
    expect(found.map((f) => [f.line, f.endLine])).toEqual([[line, line + 1]]);
    expect(found[0]?.message).toMatch(/indented line below continues the command.*without 'https:\/\/management\.azure\.com/);
  });
  it('stays silent when the line ends with "\\"', () => {
    const { text } = mutate(CLEAN_DOCFX, "curl 'https://management.azure.com/subscriptions/<SUBSCRIPTION ID>/resourceGroups", (l) => `curl -H "Authorization: Bearer <ACCESS TOKEN>" \\\n    ${l.replace(/^curl /, '').replace(/ -H "Authorization: Bearer <ACCESS TOKEN>"$/, '')}`);
    expect(lintText(text).filter((f) => f.rule === 'shell-missing-continuation')).toEqual([]);
  });
});

describe('shell-missing-continuation: a blank line after a trailing "\\"', () => {
  it('reports the options the blank line cuts off', () => {
    const { text, line } = mutate(CLEAN_DOCFX, 'az storage blob upload', (l) => l.replace(' -f test.txt', ' \\\n\n    -f test.txt'));
    const found = lintText(text).filter((f) => f.rule === 'shell-missing-continuation');
    expect(found.map((f) => [f.line, f.endLine])).toEqual([[line, line + 2]]);
    expect(found[0]?.message).toMatch(/a blank line follows.*without -f test\.txt.*"-f: command not found"/);
  });
});

describe('placeholder-unquoted-special: only values that hold the character, not names after them', () => {
  const found = (option: string) => {
    const { text } = mutate(CLEAN_DOCFX, 'az storage blob upload', (l) => l.replace('--auth-mode login', option));
    return lintText(text).filter((f) => f.rule === 'placeholder-unquoted-special').map((f) => f.message.split(' ')[0]);
  };
  it('a connection string and a SAS URL unquoted', () => {
    expect(found('--connection-string <CONNECTION STRING>')).toEqual(['<CONNECTION']);
    expect(found('--source-uri <SAS URL>')).toEqual(['<SAS']);
  });
  it('a SAS definition name and a connection name are not reported', () => {
    expect(found('--sas-definition <SAS DEFINITION NAME>')).toEqual([]);
    expect(found('--connection <CONNECTION NAME>')).toEqual([]);
  });
});
