import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseShard, selectShard } from '../../src/live/shard.ts';
import { ToolError } from '../../src/errors.ts';

describe('sharding', () => {
  it('splits the sorted list round-robin, independent of input order', () => {
    const files = ['tutorials/c.md', 'tutorials/a.md', 'tutorials/e.md', 'tutorials/b.md', 'tutorials/d.md'];
    expect(selectShard(files, 1, 2)).toEqual(['tutorials/a.md', 'tutorials/c.md', 'tutorials/e.md']);
    expect(selectShard(files, 2, 2)).toEqual(['tutorials/b.md', 'tutorials/d.md']);
    expect(selectShard([...files].reverse(), 2, 2)).toEqual(['tutorials/b.md', 'tutorials/d.md']);
  });

  it('puts every file in exactly one shard, balanced within one', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (files, n) => {
        const shards = Array.from({ length: n }, (_, k) => selectShard(files, k + 1, n));
        expect(shards.flat().sort()).toEqual([...files].sort());
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('parses i/n and rejects shards that do not exist with E_USAGE', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1-3', '']) {
      expect(() => parseShard(bad)).toThrow(ToolError);
      try {
        parseShard(bad);
      } catch (err) {
        expect((err as ToolError).code).toBe('E_USAGE');
        expect((err as ToolError).message).toContain('--shard');
      }
    }
    expect(() => selectShard(['a'], 3, 2)).toThrow(/shard 3\/2 does not exist/);
  });
});
