// defect: an output example written as an excerpt (`<...>` lines for what it leaves out;
// articles/logic-apps/quickstart-logic-apps-azure-cli.md after az group create) was compared as a
// whole text: drift on a response that holds every line the page shows.
import { describe, expect, it } from 'vitest';
import { checkExample } from '../../src/check/example.ts';
import type { TextExpectation } from '../../src/model.ts';

const noBindings = { elided: new Set<string>(), lookup: () => undefined };
const EXCERPT = '<...>\n  "name": "testResourceGroup",\n  "properties": {\n    "provisioningState": "Succeeded"\n  },\n<...>';
const exp = (text: string): TextExpectation => ({ kind: 'text', source: { file: 'p.md', startLine: 1, endLine: 6 }, raw: text, text });
const produced = (text: string) => ({ exchanges: [], final: undefined, json: undefined, text });
const AZ_OUTPUT = JSON.stringify({ id: '/subscriptions/x/resourceGroups/testResourceGroup', location: 'westus', managedBy: null, name: 'testResourceGroup', properties: { provisioningState: 'Succeeded' }, tags: null, type: 'Microsoft.Resources/resourceGroups' }, null, 2);

describe('defect: an excerpt example (<...> lines) was compared as a whole text', () => {
  it('matches when every line the excerpt keeps is in the output, in order', () => {
    const r = checkExample(exp(EXCERPT), produced(AZ_OUTPUT), noBindings);
    expect(r.differences).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('still differs, naming the line, when a kept line is not in the output', () => {
    const r = checkExample(exp(EXCERPT), produced(AZ_OUTPUT.replace('Succeeded', 'Failed')), noBindings);
    expect(r.ok).toBe(false);
    expect(r.differences[0]!.expected).toBe('"provisioningState": "Succeeded"');
    expect(r.differences[0]!.message).toContain('provisioningState');
  });

  it('compares an example without elision lines as a whole text, as before', () => {
    const r = checkExample(exp('"name": "testResourceGroup",'), produced(AZ_OUTPUT), noBindings);
    expect(r.ok).toBe(false);
  });
});
