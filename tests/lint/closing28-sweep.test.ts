// defects: a closing precision sweep (MicrosoftDocs/azure-aks-docs @fb060abe).
// - how-to-configure-container-network-logs.md:649-651: a bash script's `declare -A CERT_FILES=(` with one element
//   per line (`["tls.crt"]="tls-client-cert-file"`): the elements were read as a JSON output of the command and
//   json-example-invalid said three times "one closing bracket too many" (error). Bash reads on to the `)`.
// - deploy-application-az-cli.md:56: a resource of an ARM template ("[parameters('app-title')]") shown to copy its
//   configurationSettings from, cut after them: "not valid JSON" (error). A part of a template is said as a warning,
//   as a whole template is.
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { readRepoFile, ruleFindings } from './helpers.ts';

const LOGS = 'tests/lint/fixtures/real/how-to-configure-container-network-logs.excerpt.md';
const ARM = 'tests/lint/fixtures/real/deploy-application-az-cli.excerpt.md';

describe('a bash array written one element per line', () => {
  it('is the assignment\'s, not an output: no JSON finding, one step through the closing parenthesis', () => {
    expect(ruleFindings('json-example-invalid', LOGS)).toEqual([]);
    const t = parseTutorialText(readRepoFile(LOGS), LOGS);
    const declare = t.steps.find((s) => s.raw.startsWith('declare -A CERT_FILES=('));
    expect(declare?.raw.split('\n').at(-1)?.trim()).toBe(')');
    expect(declare && 'expectation' in declare ? declare.expectation : undefined).toBeUndefined();
  });
});

describe('a part of an ARM template', () => {
  it('is said as a warning, not an error', () => {
    expect(ruleFindings('json-example-invalid', ARM).map((f) => `${f.severity} ${f.message}`)).toEqual([expect.stringMatching(/^warning .*a part of\) an ARM template/)]);
  });
  it('the same cut-short body without template expressions is still an error', () => {
    const text = readRepoFile(ARM).replace(/"\[(parameters|variables)\('([^']*)'\)\]"/g, '"$2"');
    expect(ruleFindings('json-example-invalid', ARM, text).map((f) => f.severity)).toEqual(['error']);
  });
});
