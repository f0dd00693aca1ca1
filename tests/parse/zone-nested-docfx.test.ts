// Defect pinned: the parser read a `::: zone` opened inside another zone as a nested zone with its
// own pivot, where DocFX refuses it ("Zones cannot be nested", ZoneExtension.TryValidateAncestry),
// shows its line as text and lets the next `::: zone-end` close the outer zone. A `::: zone-end`
// with no zone open was dropped silently. Both are now read as DocFX reads them and reported.
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';

const NESTED = '# T\n\n::: zone pivot="a"\n\nText a.\n\n::: zone pivot="b"\n\nText b.\n\n::: zone-end\n\nAfter.\n\n::: zone-end\n';

describe('zones as DocFX reads them', () => {
  it('a zone opened inside an open zone is refused: no pivot "b", and the next zone-end closes the outer zone', () => {
    const t = parseTutorialText(NESTED, 'nested.md', { form: 'docfx' });
    expect((t.variants ?? []).map((v) => v.pivot)).not.toContain('b');
    const codes = t.diagnostics.map((d) => [d.code, d.line]);
    expect(codes).toContainEqual(['zone-nested', 7]);
    expect(codes).toContainEqual(['zone-end-unmatched', 15]);
  });
  it('balanced zones give no zone diagnostic', () => {
    const t = parseTutorialText('# T\n\n::: zone pivot="a"\n\nA.\n\n::: zone-end\n\n::: zone pivot="b"\n\nB.\n\n::: zone-end\n', 'ok.md', { form: 'docfx' });
    expect(t.diagnostics.filter((d) => d.code.startsWith('zone'))).toEqual([]);
  });
});
