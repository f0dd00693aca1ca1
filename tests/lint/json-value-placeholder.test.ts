// defect: a precision sweep (MicrosoftDocs/azure-management-docs @d923d588, articles/container-registry/
// how-to-continuous-patching.md:51) — a configuration file written with cat <<EOF whose `"enabled": <true|false>`
// the reader fills in. json-example-invalid said "not valid JSON: Unexpected token '<'" (error): a false error.
// A value written as a bare placeholder is a template; the page's real slip, a trailing comma in the example
// configuration below it (line 82), is still an error.
import { describe, expect, it } from 'vitest';
import { ruleFindings } from './helpers.ts';

const FILE = 'tests/lint/fixtures/real/how-to-continuous-patching.excerpt.md';

describe('json-example-invalid: a value written as a placeholder', () => {
  it('"enabled": <true|false> is not a syntax error; the trailing comma of the next block still is', () => {
    expect(ruleFindings('json-example-invalid', FILE).map((f) => `${f.line} ${f.severity}`)).toEqual(['43 error']);
  });
  it('a block whose values are placeholders is not reported; a real slip beside one still is', () => {
    const page = (body: string) => `# T\n\nThe request body:\n\n\`\`\`json\n${body}\n\`\`\`\n`;
    expect(ruleFindings('json-example-invalid', 'p.md', page('{\n  "enabled": <true|false>,\n  "ports": [<port>, 443]\n}'))).toEqual([]);
    expect(ruleFindings('json-example-invalid', 'p.md', page('{\n  "enabled": <true|false>\n  "ports": [<port>, 443]\n}')).map((f) => `${f.line} ${f.severity}`)).toEqual(['7 error']); // the line whose comma is missing
  });
});
