// Steps travel compressed in the page: what goes in comes out, in the browser's order of blocks, and
// whatever scans or redacts a page sees every part a reader can see.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALPHABET, decode85, encode85, expandedText, mapText, packAll, unpack } from '../../src/report/html/pack.ts';

describe('base-85 text of the compressed blocks', () => {
  it('round-trips any bytes, 5 characters per 4 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encode85(bytes);
        expect(text.length).toBe(Math.ceil((bytes.length * 5) / 4));
        expect([...decode85(text)]).toEqual([...bytes]);
      }),
    );
  });

  it('holds no character that ends a script element or that a secret pattern of the redactor starts with', () => {
    expect(new Set(ALPHABET).size).toBe(85);
    for (const c of `<>&"'\\\`=% \n`) expect(ALPHABET).not.toContain(c);
  });

  it('refuses a character outside the alphabet', () => {
    expect(() => decode85('abc<e')).toThrow(/not a base-85 digit/);
  });
});

describe('packAll / unpack', () => {
  it('gives back every part, Unicode included, whatever the blocks', () => {
    const parts = ['<p>é — 𝄞 \u00a0</p>', '', ...Array.from({ length: 40 }, (_, i) => `<article>${'x'.repeat(40_000 + i)}</article>`)];
    const packed = packAll(parts);
    const blocks = new Set(packed.blockOf.values());
    expect(blocks.size).toBeGreaterThan(1);
    expect(packed.scripts.match(/<script type="application\/x-tc-pack" id="p\d+">/g)).toHaveLength(blocks.size);
    const back = unpack(packed.scripts);
    expect([...back.keys()]).toEqual(parts.map((_, i) => i));
    parts.forEach((p, i) => expect(back.get(i)).toBe(p));
  });

  it('expandedText holds the page and every part', () => {
    const html = `<main>page</main>\n${packAll(['<b>one</b>', '<i>two</i>']).scripts}`;
    expect(html).not.toContain('<b>one</b>');
    const text = expandedText(html);
    expect(text).toContain('<main>page</main>');
    expect(text).toContain('<b>one</b>');
    expect(text).toContain('<i>two</i>');
  });
});

describe('mapText', () => {
  const page = `<main>secret-outside</main>\n${packAll(['<b>secret-inside</b>', '<i>clean</i>']).scripts}\n<script>x</script>`;

  it('returns the very same page when nothing changes', () => {
    const seen: string[] = [];
    expect(mapText(page, (p) => (seen.push(p), p))).toBe(page);
    // The parts a reader sees, never a block's base-85 text.
    expect(seen).toEqual(expect.arrayContaining(['<b>secret-inside</b>', '<i>clean</i>']));
    expect(seen.some((p) => p.includes('secret-outside'))).toBe(true);
    expect(seen.some((p) => p.includes('x-tc-pack'))).toBe(false);
  });

  it('changes parts inside and outside the blocks, and the page still unpacks', () => {
    const out = mapText(page, (p) => p.replace(/secret-[a-z]+/g, '[REDACTED:x]'));
    expect(expandedText(out)).not.toMatch(/secret-/);
    expect(unpack(out).get(0)).toBe('<b>[REDACTED:x]</b>');
    expect(unpack(out).get(1)).toBe('<i>clean</i>');
    expect(out).toContain('<main>[REDACTED:x]</main>');
  });
});
