// --fix-patch on real files: each sure correction as git applies it, the file's other bytes kept
// (CRLF, a BOM, no final newline), conflicting fixes left out, unsure ones never made.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findingId, type Finding } from '../../src/lint/finding.ts';
import { lintFiles } from '../../src/lint/index.ts';
import { collectFixes, suggestionBlock } from '../../src/report/fixes/index.ts';
import { projectRoot } from '../../src/tutorials/manifest.ts';
import { bash, bytes, gitApply, gitRepo, lintFixes, removeRepos, write } from './helpers.ts';

afterAll(removeRepos);

const TOKEN_URL = "'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F'";

describe('a patch git applies, changing only the corrected bytes', () => {
  it('CRLF lines, a UTF-8 BOM and no final newline survive; the no-break space is the only byte pair gone', async () => {
    const dir = gitRepo();
    const original = `\uFEFF# Token\r\n\r\nOn the VM:\r\n\r\n${bash(`curl ${TOKEN_URL} -H Metadata:true\u00A0\u00A0`, '\r\n')}`;
    const path = write(dir, 'docs/token.md', original);
    const { fixes } = await lintFixes(dir, [path]);
    expect(fixes.corrections).toBe(1);
    // The last line has no newline: git needs the marker on both sides of the hunk.
    expect(fixes.patch).toContain('\n\\ No newline at end of file\n');
    expect(fixes.patch).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@ fix nonascii-space-in-command@6:\d+$/m);
    gitApply(dir, fixes.patch);
    const after = bytes(path);
    expect(after.equals(Buffer.from(original.replace('\u00A0\u00A0', ''), 'utf8'))).toBe(true);
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(after.toString('utf8').split('\r\n')).toHaveLength(original.split('\r\n').length);
    expect(after.at(-1)).toBe('`'.charCodeAt(0));
  });

  it('a page with one of each sure correction: applied, its lines read as the fixes say and lint finds none of them again', async () => {
    const dir = gitRepo();
    const fixture = readFileSync(join(import.meta.dirname, 'fixtures/every-fix.md'));
    const path = write(dir, 'articles/every fix é.md', fixture); // a space and a non-ASCII letter in the path: quoted as git does
    const { fixes, findings } = await lintFixes(dir, [path]);
    const fixed = findings.filter((f) => f.fix !== undefined).map((f) => f.rule).sort();
    expect(fixed).toEqual(
      [
        'arm-body-content-type',
        'az-removed-command',
        'az-value-trailing-space',
        'blob-bearer-missing-version',
        'json-example-invalid',
        'lookalike-dash-in-flag',
        'nonascii-space-in-command',
        'smart-quote-in-command',
        'token-resource-mismatch',
        'zero-width-in-command',
      ].sort(),
    );
    expect(fixes.patch).toContain('diff --git "a/articles/every fix \\303\\251.md" "b/articles/every fix \\303\\251.md"');
    gitApply(dir, fixes.patch);
    const lines = readFileSync(path, 'utf8').split('\n');
    const line = (n: number): string => lines[n - 1] ?? '';
    expect(line(14)).toBe('  "resource": "https://management.azure.com/",');
    expect(line(22)).toMatch(/^az vm identity assign -g myRG -n myVM --identities "\/subscriptions\//);
    expect(line(26)).toMatch(/--role 'Reader' --scope "\/subscriptions\/0{8}-0{4}-0{4}-0{4}-0{12}\/resourcegroups\/myRG"$/);
    expect(JSON.parse(lines.slice(31, 36).join('\n'))).toEqual({ canonicalizedResource: '/blob/sa/c', signedResource: 'c', signedPermission: 'rcw' });
    expect(line(40)).toContain(`-d "{\\"signedResource\\":\\"c\\"}" -H "Content-Type: application/json" -H "Authorization`);
    expect(line(44)).toMatch(/-H "Authorization: Bearer <ACCESS TOKEN>"$/); // the no-break space inside quotes is now a space
    expect(line(48)).toBe('curl https://sa.blob.core.windows.net/c/hello.txt -H "Authorization: Bearer <ACCESS TOKEN>" -H "x-ms-version: 2017-11-09" -H "x-ms-date: Mon, 01 Jan 2024 00:00:00 GMT"');
    // Every line the patch did not touch is byte for byte the same.
    const before = fixture.toString('utf8').split('\n');
    const touched = new Set([14, 22, 26, 33, 35, 40, 44, 48]);
    before.forEach((l, i) => {
      if (!touched.has(i + 1)) expect(lines[i]).toBe(l);
    });
    const again = await lintFixes(dir, [path]);
    expect(again.findings.filter((f) => f.fix !== undefined)).toEqual([]);
    expect(again.findings.map((f) => f.rule).filter((r) => fixed.includes(r))).toEqual([]);
  });

  it('report suggestions hold exactly the corrected lines, in a fence longer than any backquote run', async () => {
    const dir = gitRepo();
    const path = write(dir, 'a.md', `# A\n\n${bash(`curl ${TOKEN_URL} -H Metadata:true\u00A0`)}\n`);
    const { fixes } = await lintFixes(dir, [path]);
    const [fix] = [...fixes.byFile.values()].flatMap((f) => f.fixes);
    expect(fix?.line).toEqual({ start: 4, end: 4 });
    expect(fix?.suggestion).toBe(`\`\`\`suggestion\ncurl ${TOKEN_URL} -H Metadata:true\n\`\`\``);
    expect(fix?.edits).toEqual([{ start: Buffer.byteLength(`# A\n\n\`\`\`bash\ncurl ${TOKEN_URL} -H Metadata:true`), end: Buffer.byteLength(`# A\n\n\`\`\`bash\ncurl ${TOKEN_URL} -H Metadata:true\u00A0`), text: '' }]);
    expect(suggestionBlock(['echo ```x```\r\n'], false)).toBe('````suggestion\necho ```x```\n````');
    expect(suggestionBlock(['\uFEFFline\n'], true)).toBe('```suggestion\nline\n```');
  });
});

describe('continued commands', () => {
  it('corrections on the continuation lines of one command: placed on their own lines, one run of - then + lines', async () => {
    const dir = gitRepo();
    const cmd = ['curl https://management.azure.com/subscriptions/x/resourcegroups?api-version=2016-09-01 \\', '  \u2013-request GET \\', '  -H "Authorization: Bearer <ACCESS TOKEN>"\u00A0'];
    const path = write(dir, 'k.md', `# K\n\n${bash(cmd.join('\n'))}\n`);
    const { fixes } = await lintFixes(dir, [path]);
    expect(fixes.patch).toContain(['-  \u2013-request GET \\', '-  -H "Authorization: Bearer <ACCESS TOKEN>"\u00A0', '+  --request GET \\', '+  -H "Authorization: Bearer <ACCESS TOKEN>"', ''].join('\n'));
    gitApply(dir, fixes.patch);
    expect(readFileSync(path, 'utf8')).toBe(`# K\n\n${bash([cmd[0], '  --request GET \\', '  -H "Authorization: Bearer <ACCESS TOKEN>"'].join('\n'))}\n`);
  });
});

describe('edges of a file', () => {
  it('an insertion at the very end of a file without a final newline, and an edit on line 1 after a BOM', async () => {
    const dir = gitRepo();
    const original = '\uFEFFcurl a\r\nx\r\ncurl b';
    const path = write(dir, 'e.md', original);
    const finding = (line: number, column: number, text: string): Finding => ({
      rule: 'test-rule',
      severity: 'error',
      message: 'test',
      file: path,
      line,
      column,
      fix: { description: 'test', edits: [{ line, column, endColumn: column, old: '', text }] },
    });
    // Line 1's columns count the BOM, as lint reads the text.
    const fixes = collectFixes([{ file: path, findings: [finding(1, 2, 'x'), finding(3, 7, ' -v')] }], { root: dir, projectRoot: dir });
    expect(fixes.corrections).toBe(2);
    gitApply(dir, fixes.patch);
    expect(readFileSync(path, 'utf8')).toBe('\uFEFFxcurl a\r\nx\r\ncurl b -v');
    const entry = [...fixes.byFile.values()][0];
    expect(entry?.fixes.map((f) => [f.line, f.edits])).toEqual([
      [{ start: 1, end: 1 }, [{ start: 3, end: 3, text: 'x' }]],
      [{ start: 3, end: 3 }, [{ start: Buffer.byteLength(original), end: Buffer.byteLength(original), text: ' -v' }]],
    ]);
    expect(entry?.fixes[0]?.suggestion).toBe('```suggestion\nxcurl a\n```');
  });
});

describe('fixes left out', () => {
  it('a conflicting pair produces no hunk: both are named with the reason, and an identical twin is one correction', async () => {
    const dir = gitRepo();
    const path = write(dir, 'c.md', `# C\n\n${bash(`curl ${TOKEN_URL} -H Metadata:true\u00A0`)}\n`);
    const column = `curl ${TOKEN_URL} -H Metadata:true`.length + 1;
    const other = (rule: string, text: string): Finding => ({
      rule,
      severity: 'error',
      message: 'test',
      file: '',
      line: 4,
      column,
      fix: { description: `replace the space by ${JSON.stringify(text)}`, edits: [{ line: 4, column, endColumn: column + 1, old: '\u00A0', text }] },
    });
    const conflicting = await lintFixes(dir, [path], (file) => [{ ...other('test-other-rule', ' '), file }]);
    expect(conflicting.fixes.patch).not.toMatch(/^@@/m);
    expect(conflicting.fixes.patch).not.toMatch(/^diff --git/m);
    expect(conflicting.fixes.corrections).toBe(0);
    const entry = [...conflicting.fixes.byFile.values()][0];
    expect(entry?.fixes).toEqual([]);
    expect(entry?.leftOut.map((l) => l.findings)).toEqual([[`nonascii-space-in-command@4:${column}`], [`test-other-rule@4:${column}`]]);
    expect(entry?.leftOut[0]?.reason).toMatch(/overlap those of test-other-rule@4:\d+ .*neither is in the patch/);
    expect(conflicting.fixes.patch).toMatch(/^# Left out:$/m);
    expect(conflicting.fixes.patch).toMatch(/^# {3}c\.md:4 nonascii-space-in-command@4:\d+: its edits overlap/m);

    const twin = await lintFixes(dir, [path], (file) => [{ ...other('test-twin-rule', ''), file }]);
    expect(twin.fixes.corrections).toBe(1);
    expect(twin.fixes.patch).toMatch(new RegExp(`^@@ .* @@ fix nonascii-space-in-command@4:${column} test-twin-rule@4:${column}$`, 'm'));
    gitApply(dir, twin.fixes.patch);
    expect(readFileSync(path, 'utf8')).not.toContain('\u00A0');
  });

  it('a file that changed since it was linted: the fix is left out, not placed on other bytes', async () => {
    const dir = gitRepo();
    const path = write(dir, 'd.md', `# D\n\n${bash(`curl ${TOKEN_URL} -H Metadata:true\u00A0`)}\n`);
    const { findings } = await lintFixes(dir, [path]);
    write(dir, 'd.md', readFileSync(path, 'utf8').replace('Metadata:true\u00A0', 'Metadata:true\u2003'));
    const fixes = collectFixes([{ file: findings[0]!.file, findings }], { root: dir, projectRoot });
    expect(fixes.corrections).toBe(0);
    expect([...fixes.byFile.values()][0]?.leftOut[0]?.reason).toMatch(/no longer holds "\u00a0" at column \d+ \(the file changed since it was read\)/);
  });

  it('a tutorial outside the repository root: not in the patch (said why at its top), its suggestions still in the report', async () => {
    const dir = gitRepo();
    const elsewhere = gitRepo();
    const path = write(elsewhere, 'o.md', `# O\n\n${bash(`curl ${TOKEN_URL} -H Metadata:true\u00A0`)}\n`);
    const results = await lintFiles([path]);
    const fixes = collectFixes(results.map((r) => ({ file: r.tutorial, findings: r.findings })), { root: dir, projectRoot });
    expect(fixes.patch).not.toMatch(/^diff --git/m);
    expect(fixes.patch).toMatch(new RegExp(`^# {3}${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: nonascii-space-in-command@4:\\d+: the file is outside the repository root`, 'm'));
    expect([...fixes.byFile.values()][0]?.fixes).toHaveLength(1);
  });

  it('a file that is not valid UTF-8 gets no correction', async () => {
    const dir = gitRepo();
    const path = write(dir, 'b.md', `# B\n\n${bash(`curl ${TOKEN_URL} -H Metadata:true\u00A0`)}\n`);
    const results = await lintFiles([path]);
    const invalid = Buffer.concat([readFileSync(path), Buffer.from([0xff, 0x0a])]);
    const fixes = collectFixes(results.map((r) => ({ file: r.tutorial, findings: r.findings })), { root: dir, projectRoot, read: () => invalid });
    expect(fixes.corrections).toBe(0);
    expect([...fixes.byFile.values()][0]?.leftOut[0]?.reason).toBe('the file is not valid UTF-8, so no edit can be placed on its bytes with certainty');
  });

  it('corrections the tool is not sure of get a finding but no fix', async () => {
    const dir = gitRepo();
    const page = [
      '# Unsure',
      '',
      bash(`curl ${TOKEN_URL} –request GET -H Metadata:true`), // one en dash: "--" or "-"?
      '',
      bash("az role assignment create --assignee x --role ‘$ROLE’ --scope /subscriptions/x"), // $ROLE would stop expanding inside ''
      '',
      bash(`curl ${TOKEN_URL} -H\u00A0Metadata:true`), // a separator or a stray character?
      '',
      '```json',
      '{',
      '  "a": 1, // a comment: the explanation would be lost',
      '  "b": 2',
      '}',
      '```',
      '',
    ].join('\n');
    const path = write(dir, 'u.md', page);
    const { findings, fixes } = await lintFixes(dir, [path]);
    const rules = new Set(findings.map((f) => f.rule));
    for (const r of ['lookalike-dash-in-flag', 'smart-quote-in-command', 'nonascii-space-in-command', 'json-example-invalid']) expect(rules, r).toContain(r);
    expect(findings.filter((f) => f.fix !== undefined).map(findingId)).toEqual([]);
    expect(fixes.corrections).toBe(0);
  });
});
