// close-matches.ts reproduces Python's difflib, which az uses for its "Did you mean" line. The
// expected values below were computed with CPython 3's difflib (SequenceMatcher(None, a, b).ratio(),
// get_close_matches) on the same inputs.
import { describe, expect, it } from 'vitest';
import { closeMatches, similarity } from '../../src/reference/close-matches.ts';

describe('difflib, as az uses it', () => {
  it('ratio', () => {
    expect(similarity('identity', 'assign-identity')).toBeCloseTo(0.6956521739130435, 12);
    expect(similarity('keyvault', 'keyvalt')).toBeCloseTo(0.9333333333333333, 12);
    expect(similarity('abcd', 'bcda')).toBeCloseTo(0.75, 12);
    expect(similarity('', '')).toBe(1);
  });

  it('get_close_matches: best first, ties to the larger string, at most n, at or above the cutoff', () => {
    expect(closeMatches('contaner', ['containerapp', 'container', 'connection', 'vm'], 3, 0.7)).toEqual(['container', 'containerapp']);
    expect(closeMatches('appel', ['ape', 'apple', 'peach', 'puppy'])).toEqual(['apple', 'ape']);
    expect(closeMatches('ab', ['ba', 'ab2', 'ab1'], 2, 0.5)).toEqual(['ab2', 'ab1']);
    expect(closeMatches('assign-identity', ['identity', 'create', 'assess-patches'], 3, 0.7)).toEqual([]);
  });
});
