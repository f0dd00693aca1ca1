// defect: a precision sweep (MicrosoftDocs/azure-management-docs @d923d588, articles/container-registry/
// how-to-continuous-patching.md:44) — `cat <<EOF > continuouspatching.json` followed by the file's JSON and `EOF`.
// The parser took the here-document's body for the command's output: json-example-invalid called it "this
// response example" (error, on the `<true|false>` the reader fills in), output-in-command-fence said output was
// written in the command block, and `<EOF >` was read as a placeholder. A body is the command's input: its lines
// are the step's, through the delimiter line.
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { tokenizeShell } from '../../src/parse/shell-words.ts';
import { readRepoFile } from '../lint/helpers.ts';
import { lintText } from '../lint/helpers.ts';

const FILE = 'tests/lint/fixtures/real/how-to-continuous-patching.excerpt.md';

describe('here-documents', () => {
  it('the tokenizer leaves a body out of the words (quotes in it open nothing) and says where it ends', () => {
    const r = tokenizeShell('cat <<EOF > x.json\n{ "a": "it\'s" }\nEOF\naz group list');
    expect(r.error).toBeUndefined();
    expect(r.tokens.flatMap((t) => (t.kind === 'word' ? [t.text] : []))).toEqual(['cat', 'EOF', 'x.json', 'az', 'group', 'list']);
    expect(r.heredocs).toEqual([{ delimiter: 'EOF', bodyStart: 19, end: 38, closed: true }]);
    expect(tokenizeShell('grep x <<< "$v"').heredocs).toBeUndefined(); // a here-string has no body
    expect(tokenizeShell("kubectl apply -f - <<'EOF'\nkind: Namespace").heredocs).toEqual([{ delimiter: 'EOF', bodyStart: 27, end: 42, closed: false }]);
  });
  it('the body and its delimiter line are the command step\'s lines, not an expectation', () => {
    const t = parseTutorialText(readRepoFile(FILE), FILE);
    const cat = t.steps.find((s) => s.raw.startsWith('cat <<EOF'));
    expect(cat?.source).toMatchObject({ startLine: 5, endLine: 15 });
    expect(cat?.raw.split('\n').at(-1)).toBe('EOF');
    const expectation = cat && 'expectation' in cat ? cat.expectation : undefined;
    expect(expectation === undefined || expectation.source.startLine > 15).toBe(true); // not the body
    expect(cat?.placeholders).not.toContain('EOF');
  });
  it('lint no longer reads the body as an output written in the command block', () => {
    const found = lintText(readRepoFile(FILE), 'docfx', FILE).filter((f) => f.line >= 5 && f.line <= 15).map((f) => f.rule);
    expect(found).not.toContain('output-in-command-fence');
    expect(found).not.toContain('json-example-invalid');
  });
});
