// Misspelt-twin placeholders are found through an index of key pieces, not by comparing every key
// with every other: the pairs must be exactly those the all-pairs comparison finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, keysSimilar, nearKeyPairs } from '../../src/parse/placeholders.ts';
import { parseTutorialText } from '../../src/parse/index.ts';

const allPairs = (keys: string[], keep: (a: string, b: string) => boolean): string[] => {
  const out: string[] = [];
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) if (keep(keys[i]!, keys[j]!)) out.push(`${i},${j}`);
  return out;
};
const indexed = (keys: string[], keep: (a: string, b: string) => boolean): string[] =>
  nearKeyPairs(keys)
    .filter(([i, j]) => keep(keys[i]!, keys[j]!))
    .map(([i, j]) => `${i},${j}`)
    .sort((x, y) => {
      const [a, b] = x.split(',').map(Number) as [number, number];
      const [c, d] = y.split(',').map(Number) as [number, number];
      return a - c || b - d;
    });

describe('nearKeyPairs', () => {
  const keyArb = fc.stringMatching(/^[ABC_]{0,12}$/);
  it('finds every pair within edit distance 2 (random keys over a small alphabet)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(keyArb, { maxLength: 40 }), (keys) => {
        expect(indexed(keys, (a, b) => editDistance(a, b) <= 2)).toEqual(allPairs(keys, (a, b) => editDistance(a, b) <= 2));
      }),
      { numRuns: 300 },
    );
  });
  it('gives keysSimilar exactly the pairs a comparison of all pairs gives', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[A-Z]{1,3}(?:_[A-Z]{1,6}){0,3}$/), { maxLength: 40 }), (keys) => {
        expect(indexed(keys, keysSimilar)).toEqual(allPairs(keys, keysSimilar));
      }),
      { numRuns: 300 },
    );
  });
  it('hands its callers far fewer pairs than all of them on a page with thousands of varied placeholders', () => {
    // Keys made of random letters: an index finds their few near pairs, a comparison of all pairs
    // would hand over n(n-1)/2. (Keys sharing long common prefixes and suffixes share pieces, so
    // they still give many pairs: the index bounds the work by what the keys have in common.)
    let seed = 42;
    const letter = () => String.fromCharCode(65 + ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 26));
    const keys = Array.from({ length: 3000 }, () => Array.from({ length: 8 + (seed % 13) }, letter).join(''));
    expect(nearKeyPairs(keys).length).toBeLessThan(keys.length);
  });
});

describe('similarTo in the model', () => {
  it('links twins both ways, in the order the keys first appear', () => {
    const t = parseTutorialText(
      ['Use <SUBSCRIPTION ID>, <SUBSCRIPTON ID>, <SUBSCRIPTION IDS> and <RESOURCE GROUP>.', '', 'curl https://h/<SUBSCRIPTION ID>/<RESOURCE GROUPS>', ''].join('\n'),
      'x.md',
    );
    expect(t.placeholders.map((p) => [p.key, p.similarTo])).toEqual([
      ['SUBSCRIPTION_ID', ['SUBSCRIPTON_ID', 'SUBSCRIPTION_IDS']],
      ['SUBSCRIPTON_ID', ['SUBSCRIPTION_ID', 'SUBSCRIPTION_IDS']],
      ['SUBSCRIPTION_IDS', ['SUBSCRIPTION_ID', 'SUBSCRIPTON_ID']],
      ['RESOURCE_GROUP', ['RESOURCE_GROUPS']],
      ['RESOURCE_GROUPS', ['RESOURCE_GROUP']],
    ]);
  });
});
