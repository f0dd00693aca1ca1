// defect: a JSON body written right after an HTTP request (`PUT https://… HTTP/1.1`, headers, blank
// line, JSON, in the request's own block; or the ```json block right after the request's block) was
// one of the page's examples, and lint gave every example to the step *after* it: the body of
// sql-data-warehouse-manage-compute-rest-api.md's Scale compute PUT (line 31) went to the Pause
// compute POST (line 44), and role-assignments-rest.md's body of line 82 to the next PUT (line 116).
// The literal check read the same example as the parameters the next request must send. The parse
// now says whose body an example is (`bodyOf`), and both read it.
// Pages: tests/fresh (azure-docs, see tests/fresh/manifest.json) and tests/corpus, byte-exact copies.
// Negatives from the same real pages: the JSON the prose calls "an example of the output" stays the
// request's response, and a file's content shown before `az rest --body @file.json` still belongs
// to that command (configure-authentication-api-version.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLiteral } from '../../src/check/literal.ts';
import { producedBy } from '../../src/check/produced.ts';
import { buildDocument } from '../../src/lint/document.ts';
import { parseTutorialText } from '../../src/parse/index.ts';
import { observation } from '../check/fixtures.ts';

const SYNAPSE = 'tests/fresh/articles/synapse-analytics/sql-data-warehouse/sql-data-warehouse-manage-compute-rest-api.md';
const RBAC = 'tests/corpus/articles/role-based-access-control/role-assignments-rest.md';
const AUTH = 'tests/corpus/articles/app-service/configure-authentication-api-version.md';

function load(file: string) {
  const text = readFileSync(file, 'utf8');
  const tutorial = parseTutorialText(text, file);
  return { tutorial, doc: buildDocument(tutorial, text) };
}
const stepAt = (t: ReturnType<typeof load>['tutorial'], line: number) => t.steps.find((s) => s.source.startLine === line);
const blockAt = (d: ReturnType<typeof load>['doc'], line: number) => d.json.find((b) => b.json.source.startLine === line);

describe('a request body written right after its HTTP request line', () => {
  it('belongs to that request, not to the request after it (body in the request block)', () => {
    const { tutorial, doc } = load(SYNAPSE);
    const scale = stepAt(tutorial, 28);
    expect(scale?.kind).toBe('http');
    expect(tutorial.examples.find((e) => e.source.startLine === 31)?.bodyOf).toBe(scale?.id);
    const body = blockAt(doc, 31);
    expect(body?.role).toBe('example');
    expect(body?.step?.id).toBe(scale?.id);
    expect(body?.step?.id).not.toBe(stepAt(tutorial, 44)?.id); // the pause request
  });

  it('belongs to that request when it is the json block after the request block ("request and body")', () => {
    const { tutorial, doc } = load(RBAC);
    for (const [request, body] of [[35, 39], [78, 82], [116, 120]] as const) {
      const step = stepAt(tutorial, request);
      expect(step?.kind).toBe('http');
      expect(blockAt(doc, body)?.step?.id).toBe(step?.id);
    }
  });

  it('a lead-in naming the body between the request and its block keeps it the request\'s', () => {
    const text = ['# Scale', '', '```http', 'PATCH https://management.azure.com/subscriptions/{id}/resourceGroups/rg/providers/Microsoft.Sql/servers/s/databases/d?api-version=2023-08-01 HTTP/1.1', '```', '',
      'with the following request body:', '', '```json', '{ "sku": { "name": "DW200c" } }', '```', '', '## Pause', '', '```http',
      'POST https://management.azure.com/subscriptions/{id}/resourceGroups/rg/providers/Microsoft.Sql/servers/s/databases/d/pause?api-version=2023-08-01 HTTP/1.1', '```', ''].join('\n');
    const t = parseTutorialText(text, 'p.md');
    const doc = buildDocument(t, text);
    expect(blockAt(doc, 10)?.step?.id).toBe(stepAt(t, 4)?.id);
    expect(t.examples[0]?.bodyOf).toBe(stepAt(t, 4)?.id);
  });

  it('is no parameter list of the next request for the literal check', () => {
    const { tutorial } = load(RBAC);
    const next = stepAt(tutorial, 116)!;
    const obs = observation(next.id);
    const r = checkLiteral({ tutorial, step: next, observation: obs, produced: producedBy(next, obs) });
    // The body of line 82 (s9's) does not list principalType; before the fix this said "the command
    // sends principalType, which the parameters listed at lines 82–87 do not mention".
    expect(r.result.differences.filter((d) => d.path.startsWith('claim:request-body'))).toEqual([]);
  });
});

describe('negatives: JSON that is not the request body keeps its place', () => {
  it('the JSON the prose calls the output stays the response of the request before it', () => {
    const { tutorial, doc } = load(RBAC);
    const put = stepAt(tutorial, 78);
    expect(put?.expectation?.source.startLine).toBe(93);
    expect(tutorial.examples.some((e) => e.source.startLine === 93)).toBe(false);
    const response = blockAt(doc, 93);
    expect(response?.role).toBe('response');
    expect(response?.step?.id).toBe(put?.id);
  });

  it('a file shown before `az rest --body @file.json` still belongs to the command after it', () => {
    const { tutorial, doc } = load(AUTH);
    const example = tutorial.examples.find((e) => e.source.startLine === 86);
    expect(example?.bodyOf).toBeUndefined();
    const rest = stepAt(tutorial, 136);
    expect(rest?.kind).toBe('az');
    expect(blockAt(doc, 86)?.step?.id).toBe(rest?.id);
  });
});
