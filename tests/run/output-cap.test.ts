// The caps themselves, counted as the input doubles: bytes read from a file, bytes kept of a text or
// a body; the marker's count; a trace read as head and tail.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capBytes, capText, cutMarker, readCapped } from '../../src/run/output-cap.ts';
import { exchangesFromTrace } from '../../src/run/shell/trace.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(os.tmpdir(), 'tc-cap-unit-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lines = (bytes: number): string => 'the quick brown fox jumps over the lazy dog 0123456789 abcdefgh\n'.repeat(bytes / 64);
const cutOf = (text: string): number => Number(/\[… (?:about )?([\d,]+) bytes cut/.exec(text)?.[1]?.replace(/,/g, '') ?? 'NaN');

describe('output caps: what is read and kept does not grow with the output', () => {
  it('readCapped reads the same number of bytes of a file of 1, 2 and 4 times the limit, and says how much it cut', async () => {
    const limit = 64 * 1024;
    const reads = [];
    for (const times of [1, 2, 4]) {
      const file = join(dir, `out-${times}`);
      await writeFile(file, lines(limit * times));
      const r = await readCapped(file, limit);
      reads.push(r.read);
      expect(r.total).toBe(limit * times);
      if (times === 1) expect(r.bytes.toString()).toBe(lines(limit));
      else {
        const text = r.bytes.toString();
        expect(cutOf(text) + Buffer.byteLength(text.replace(/\n\[… [^\]]*\]\n/, ''))).toBe(limit * times);
        expect(text.startsWith('the quick')).toBe(true);
        expect(text.endsWith('abcdefgh\n')).toBe(true);
      }
    }
    expect(reads).toEqual([limit, limit, limit]);
  });

  it('capText and capBytes keep at most the limit whatever the size; a second cut adds to the first count', () => {
    const limit = 10_000;
    for (const size of [40_000, 80_000, 160_000]) {
      const text = lines(size);
      const kept = capText(text, limit);
      expect(Buffer.byteLength(kept.replace(/\n\[… [^\]]*\]\n/, ''))).toBeLessThanOrEqual(limit);
      expect(cutOf(kept) + Buffer.byteLength(kept.replace(/\n\[… [^\]]*\]\n/, ''))).toBe(size);
      const bytes = capBytes(Buffer.from(text), limit);
      expect(cutOf(bytes.toString()) + Buffer.byteLength(bytes.toString().replace(/\n\[… [^\]]*\]\n/, ''))).toBe(size);
      // Cut when read, then cut again when kept: the count is the total.
      const twice = capText(capBytes(Buffer.from(text), 4 * limit).toString(), limit);
      expect(cutOf(twice) + Buffer.byteLength(twice.replace(/\n\[… [^\]]*\]\n/, ''))).toBe(size);
    }
    // Multi-byte characters count as their UTF-8 bytes.
    const wide = 'é'.repeat(50_000);
    expect(Buffer.byteLength(capText(wide, limit).replace(/\n\[… [^\]]*\]\n/, ''))).toBeLessThanOrEqual(limit);
  });

  it('a cut never leaves part of a secret the caller locates, even inside a long run of token characters', () => {
    const secret = 'sEcReT-0123456789-abcdefghij';
    const text = `${'A'.repeat(20_000)}${secret}${'A'.repeat(20_000)}`;
    const at = text.indexOf(secret);
    // The head would end in the middle of the secret.
    const limit = 2 * (at + 10);
    const kept = capText(text, limit, (t) => {
      const i = t.indexOf(secret);
      return i < 0 ? [] : [{ start: i, end: i + secret.length }];
    });
    expect(kept.includes(secret.slice(0, 10))).toBe(false);
    expect(kept.includes(secret.slice(-10))).toBe(false);
  });

  it('a trace read as head and tail gives the response whose body says how much of it was cut', () => {
    const header = (dir: string, label: string, bytes: Buffer): string[] => {
      const out = [`${dir} ${label}, ${bytes.length} bytes (0x${bytes.length.toString(16)})`];
      for (let i = 0; i < bytes.length; i += 16) {
        const cells = [...bytes.subarray(i, i + 16)].map((b) => b.toString(16).padStart(2, '0') + ' ').join('').padEnd(48, ' ');
        out.push(`${i.toString(16).padStart(4, '0')}: ${cells}${[...bytes.subarray(i, i + 16)].map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('')}`);
      }
      return out;
    };
    const trace = [
      ...header('=>', 'Send header', Buffer.from('GET /big HTTP/1.1\r\nHost: example.com\r\n\r\n')),
      ...header('<=', 'Recv header', Buffer.from('HTTP/1.1 200 OK\r\n')),
      ...header('<=', 'Recv header', Buffer.from('\r\n')),
      ...header('<=', 'Recv data', Buffer.from('head of the body ')),
      cutMarker(71_000).trim(),
      ...header('<=', 'Recv data', Buffer.from(' tail of the body')),
    ].join('\n');
    const [x] = exchangesFromTrace(trace);
    expect(x?.response?.status).toBe(200);
    expect(x?.response?.body).toBe(`head of the body ${cutMarker(16_000, true)} tail of the body`);
  });
});
