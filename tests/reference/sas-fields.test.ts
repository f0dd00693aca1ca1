// One reader of SAS queries (src/reference/sas-fields.ts sasQueryParts) for lint's tokens on a line
// and the check stage's example token. The copies disagreed on an "&" inside a placeholder: lint's
// made a field "more" of "sp=<read&more>" (the text after "&" as a name), check's cut sp at
// "<read"; a placeholder is one value.
import { describe, expect, it } from 'vitest';
import { sasQueryFields, sasQueryParts } from '../../src/reference/sas-fields.ts';
import { sasTokensIn } from '../../src/lint/sas.ts';

describe('sasQueryParts', () => {
  it('reads names, decoded values and where each name starts, with or without "?"', () => {
    expect(sasQueryParts('?sv=2019-02-02&se=2024-01-01T00%3A00%3A00Z&sig=a%2Bb%3D')).toEqual([
      { name: 'sv', value: '2019-02-02', offset: 1 },
      { name: 'se', value: '2024-01-01T00:00:00Z', offset: 15 },
      { name: 'sig', value: 'a+b=', offset: 43 },
    ]);
  });
  it('keeps a value that does not decode as written, and skips parts without a name', () => {
    expect([...sasQueryFields('sv=1&&=x&bare&sig=%E0%A4%A')]).toEqual([
      ['sv', '1'],
      ['sig', '%E0%A4%A'],
    ]);
  });
  it('an "&" inside a placeholder does not end the field (lint and check read it alike)', () => {
    const token = 'sv=2019-02-02&sp=<read&more>&sig=abc';
    expect([...sasQueryFields(token)]).toEqual([
      ['sv', '2019-02-02'],
      ['sp', '<read&more>'],
      ['sig', 'abc'],
    ]);
    const [onLine] = sasTokensIn(`"serviceSasToken": "${token}"`, 7);
    expect([...onLine!].map(([name, f]) => [name, f.value, f.column])).toEqual([
      ['sv', '2019-02-02', 21],
      ['sp', '<read&more>', 35],
      ['sig', 'abc', 50],
    ]);
  });
});
