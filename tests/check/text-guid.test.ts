// defect: a text example (PowerShell's Format-List after New-AzResourceGroup, tests/fresh
// articles/aks/learn/quick-kubernetes-deploy-powershell.md) showing the page's example subscription
// id was drift against the reader's own, although a GUID is an instance value compared by shape in
// JSON (src/check/volatility.ts).
import { describe, expect, it } from 'vitest';
import { checkExample } from '../../src/check/example.ts';
import type { TextExpectation } from '../../src/model.ts';

const noBindings = { elided: new Set<string>(), lookup: () => undefined };
const exp = (text: string): TextExpectation => ({ kind: 'text', source: { file: 'p.md', startLine: 1, endLine: 6 }, raw: text, text });
const produced = (text: string) => ({ exchanges: [], final: undefined, json: undefined, text });
const list = (sub: string, name = 'myResourceGroup'): string =>
  `ResourceGroupName : ${name}\nLocation          : eastus\nProvisioningState : Succeeded\nTags              :\nResourceId        : /subscriptions/${sub}/resourceGroups/${name}`;

describe('defect: a GUID in a text example was compared exactly', () => {
  it('matches when only the GUIDs differ', () => {
    const r = checkExample(exp(list('a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1')), produced(`\n${list('3f2a8d6c-5b1e-4c7a-9e0d-2b6f8a4c1d73')}\n\n`), noBindings);
    expect(r).toMatchObject({ ok: true, differences: [] });
  });
  it('still differs on anything else', () => {
    const r = checkExample(exp(list('a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1')), produced(list('3f2a8d6c-5b1e-4c7a-9e0d-2b6f8a4c1d73', 'otherGroup')), noBindings);
    expect(r.ok).toBe(false);
  });
});
