// Regression test for lint work that grew with the square of a page: rules looked every command,
// file name or earlier step up again for each step (the upload before each download, the command
// after each prose line, each spaced file name in every line). A page of thousands of steps took
// longer than the test timeout before; the findings are checked.
import { describe, expect, it } from 'vitest';
import { lintTutorial } from '../../src/lint/index.ts';
import { parseTutorialText } from '../../src/parse/index.ts';

const N = 3000;

describe('lint stays linear in the page', () => {
  it('a page of thousands of blob reads, each named two ways, gets one finding per read and per second name', () => {
    const blocks = Array.from({ length: N }, (_, k) =>
      [`Replace <FOLDER NAME> below and read report_${k}.txt (the file report ${k}.txt).`, '', `curl https://acct.blob.core.windows.net/c/<FOLDER NAME>/report_${k}.txt`, ''].join('\n'),
    );
    const text = ['# Reads', '', ...blocks].join('\n');
    const findings = lintTutorial(parseTutorialText(text, 'reads.md'), { text });
    const count = (rule: string) => findings.filter((f) => f.rule === rule).length;
    expect(count('missing-prerequisite')).toBe(N); // nothing uploads the blobs
    expect(count('inconsistent-file-name')).toBe(N); // "report k.txt" beside report_k.txt
    expect(count('placeholder-not-in-command')).toBe(0); // the command below has <FOLDER NAME>
    expect(findings.find((f) => f.rule === 'inconsistent-file-name')).toMatchObject({ line: 3, column: 61 });
  });
});
