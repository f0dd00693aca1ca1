// The one JSON reader: what JSON.parse says, with the line and column of errors, keys and values;
// comments found and set aside; elided strings recognised by the model's JSON expectation.
import { describe, expect, it } from 'vitest';
import { jsonExpectation } from '../../src/parse/json-expectation.ts';
import { locateKey, locateValue, readJson, scanJsonEnd, stripJsonComments } from '../../src/parse/json-reader.ts';
import type { SourceLine } from '../../src/parse/source-lines.ts';

const lines = (text: string, first = 1): SourceLine[] => text.split('\n').map((t, i) => ({ line: first + i, text: t }));

describe('readJson: errors with a line and column', () => {
  it('points at the missing comma on its file line', () => {
    const r = readJson(lines(['{', '  "a": 1', '  "b": 2', '}'].join('\n'), 20));
    expect(r.ok).toBe(false);
    expect(r.error).toEqual({ message: expect.stringContaining("Expected ',' or '}' after property value"), line: 22, column: 3 });
  });
  it('counts the blanks a page leaves before the JSON (NBSP included) in the column', () => {
    const r = readJson(lines('\u00a0  {"a": 1,}'));
    expect(r.error).toMatchObject({ line: 1, column: 12 });
  });
  it('points at the token V8 names when its message has no position', () => {
    const r = readJson(lines(['{', '  "id": <RESOURCE ID>', '}'].join('\n'), 5));
    expect(r.error).toMatchObject({ message: expect.stringContaining("Unexpected token '<'"), line: 6, column: 9 });
  });
  it('accepts valid JSON with blanks around it and gives its value', () => {
    const r = readJson(lines('  {"a": [1, "x"]}\u00a0'));
    expect(r).toMatchObject({ ok: true, value: { a: [1, 'x'] }, error: undefined, commentLines: [] });
  });
});

describe('readJson: // comments', () => {
  const text = ['{', '  "url": "https://x//y", // the endpoint', '  /* block */ "n": 1', '}'].join('\n');
  it('finds the lines with // outside strings and reads the value without the comments', () => {
    const r = readJson(lines(text, 10));
    expect(r.ok).toBe(false);
    expect(r.commentLines).toEqual([{ line: 11, text: '  "url": "https://x//y", // the endpoint' }]);
    expect(r.value).toEqual({ url: 'https://x//y', n: 1 });
  });
  it('stripJsonComments keeps strings and line breaks and says where // comments start', () => {
    expect(stripJsonComments(text)).toEqual({ text: '{\n  "url": "https://x//y", \n   "n": 1\n}', found: true, lineComments: [27] });
  });
  it('leaves the value undefined when the text without comments is not JSON either', () => {
    expect(readJson(lines('{"a": 1 // x\n "b": 2}')).value).toBeUndefined();
  });
});

describe('readJson: where keys and string values are', () => {
  const text = ['{', '  "keys": [', '    { "keyName": "key1", "value": "abc" },', '    { "keyName": "key2", "value": "abc" }', '  ],', '  "id": "/subscriptions/<S>/x"', '}'].join('\n');
  const r = readJson(lines(text, 100));
  it('records every key and string with its path, line and column', () => {
    expect(r.strings.filter((s) => s.isKey).map((s) => [s.path.join('.'), s.line, s.column])).toEqual([
      ['keys', 101, 3],
      ['keys.0.keyName', 102, 7],
      ['keys.0.value', 102, 26],
      ['keys.1.keyName', 103, 7],
      ['keys.1.value', 103, 26],
      ['id', 105, 3],
    ]);
    expect(r.strings.find((s) => !s.isKey && s.raw === 'key2')).toMatchObject({ path: ['keys', '1', 'keyName'], line: 103, column: 18 });
  });
  it('locateKey finds the first key of that name, or the first whose line goes on with the hint', () => {
    expect(locateKey(r, 'keyName')).toEqual({ line: 102, column: 7 });
    expect(locateKey(r, 'keyName', '"key2"')).toEqual({ line: 103, column: 7 });
    expect(locateKey(r, 'keyName', '"key3"')).toEqual({ line: 102, column: 7 });
    expect(locateKey(r, 'missing')).toBeUndefined();
  });
  it('locateValue points at the first character of the value inside its quotes', () => {
    expect(locateValue(r, '/subscriptions/<S>/x')).toEqual({ line: 105, column: 10 });
    expect(locateValue(r, 'nowhere')).toBeUndefined();
  });
  it('keeps keys of invalid JSON in place (a comment or a placeholder does not stop the reading)', () => {
    const bad = readJson(lines(['{', '  // note', '  "a": <A>,', '  "b": { "c": "d" }', '}'].join('\n')));
    expect(bad.ok).toBe(false);
    expect(bad.strings.map((s) => [s.path.join('.'), s.isKey, s.line, s.column])).toEqual([
      ['a', true, 3, 3],
      ['b', true, 4, 3],
      ['b.c', true, 4, 10],
      ['b.c', false, 4, 15],
    ]);
  });
});

describe('the model JSON: elided strings, progress lines, comments', () => {
  const source = { file: 'x.md', startLine: 1, endLine: 1 };
  it('lists the JSON pointers of strings shortened with "..." or "…"', () => {
    const e = jsonExpectation(['{"access_token": "eyJ0eXAi...", "keys": [{"value": "abc…"}, {"value": "..."}], "a/b": "x..."}'], source);
    expect(e.valid).toBe(true);
    expect(e.elided).toEqual(['/access_token', '/keys/0/value', '/a~1b']);
  });
  it('sets a progress line apart and keeps commented JSON as invalid text with its best-effort value', () => {
    const e = jsonExpectation(['Finished[#####]  100.0000%', '{', '  "a": 1, // one', '  "b": "t..."', '}'], { ...source, endLine: 5 });
    expect(e.progressLine).toBe('Finished[#####]  100.0000%');
    expect(e).toMatchObject({ valid: false, hasComments: true, value: { a: 1, b: 't...' }, elided: ['/b'] });
    expect(e.text).toBe('{\n  "a": 1, // one\n  "b": "t..."\n}');
  });
});

describe('scanJsonEnd', () => {
  it('finds the end of a value, skipping brackets in strings and // comments', () => {
    const t = '{"a": "}", // }\n"b": [1]} tail';
    expect(scanJsonEnd(t, 0)).toBe(t.indexOf(' tail'));
  });
});
