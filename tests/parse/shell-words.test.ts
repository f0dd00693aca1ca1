// The one bash word splitter: tokens with offsets for the parser, words with file lines and columns
// for lint, and `$( … )` kept in its word for the one and split into its command for the other.
import { describe, expect, it } from 'vitest';
import { commandWords, shellWords, tokenizeShell, type ShellWord } from '../../src/parse/shell-words.ts';
import type { SourceLine } from '../../src/parse/source-lines.ts';

const NBSP = '\u00a0';

/** Lines numbered from `first`, as a page would hold them. */
const lines = (text: string, first = 1): SourceLine[] => text.split('\n').map((t, i) => ({ line: first + i, text: t }));
const brief = (w: ShellWord) => [w.value, w.line, w.column];

describe('commandWords: positions', () => {
  it('gives each word its file line and column across continuation lines', () => {
    const w = commandWords(lines(['curl -X POST \\', '  "https://h/x?a=1" \\', "    -H 'A: b'"].join('\n'), 40));
    expect(w.map(brief)).toEqual([
      ['curl', 40, 1],
      ['-X', 40, 6],
      ['POST', 40, 9],
      ['https://h/x?a=1', 41, 3],
      ['-H', 42, 5],
      ['A: b', 42, 8],
    ]);
  });
  it('keeps a word whole across a continuation inside it; raw leaves the continuation out, quotes stay in', () => {
    const [w] = commandWords(lines('ab\\\ncd'));
    expect(w).toEqual({ value: 'abcd', raw: 'abcd', line: 1, column: 1, quoted: false });
    const [q] = commandWords(lines(`"a b"\\\n'c'`));
    expect(q).toEqual({ value: 'a bc', raw: `"a b"'c'`, line: 1, column: 1, quoted: true });
  });
  it('counts columns in UTF-16 units of the file line, container indentation included', () => {
    const w = commandWords([{ line: 7, text: '    az login –-identity' }]);
    expect(w.map(brief)).toEqual([
      ['az', 7, 5],
      ['login', 7, 8],
      ['\u2013-identity', 7, 14],
    ]);
  });
});

describe('commandWords: quotes and escapes', () => {
  it('removes quotes and escapes as bash does and marks quoted words', () => {
    const w = commandWords(lines(`echo 'a b' "c \\"d\\" \\$e" f\\ g plain`));
    expect(w.map((x) => [x.value, x.raw, x.quoted])).toEqual([
      ['echo', 'echo', false],
      ['a b', "'a b'", true],
      ['c "d" $e', `"c \\"d\\" \\$e"`, true],
      ['f g', 'f\\ g', false],
      ['plain', 'plain', false],
    ]);
  });
  it('keeps curly quotes and NBSP inside words: bash splits on ASCII blanks only', () => {
    const w = commandWords(lines(`curl -H Metadata:true${NBSP} ${NBSP} --role \u2018Reader\u2019`));
    expect(w.map((x) => [x.value, x.column])).toEqual([
      ['curl', 1],
      ['-H', 6],
      [`Metadata:true${NBSP}`, 9],
      [NBSP, 24],
      ['--role', 26],
      ['\u2018Reader\u2019', 33],
    ]);
  });
  it('reads an unclosed quote to the end, as the parser does', () => {
    const w = commandWords(lines(`az x --n 'abc\nnext`));
    expect(w.map((x) => [x.value, x.raw, x.line])).toEqual([
      ['az', 'az', 1],
      ['x', 'x', 1],
      ['--n', '--n', 1],
      ['abc\nnext', `'abc\nnext`, 1],
    ]);
  });
  it('keeps a <PLACEHOLDER WITH SPACES> in its word', () => {
    expect(commandWords(lines('-g <RESOURCE GROUP> https://<ACCOUNT NAME>.blob.core.windows.net/c')).map((x) => x.value)).toEqual([
      '-g',
      '<RESOURCE GROUP>',
      'https://<ACCOUNT NAME>.blob.core.windows.net/c',
    ]);
  });
});

describe('$( … ): one word for the parser, the command inside for lint', () => {
  const text = `token=$(curl 'http://h/t' -H Metadata:true | jq -r .access_token)`;
  it('is part of one word in the tokens, with where the substitution stands', () => {
    const { tokens } = tokenizeShell(text);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ kind: 'word', text, start: 0, end: text.length, subs: [6, text.length] });
    expect(shellWords(text)).toEqual([text]);
  });
  const sub = (w: ShellWord | undefined, k = 0): [string, number, number][] => (w?.substitutions?.[k]?.words ?? []).map((x) => [x.value, x.line, x.column]);
  it('stays one word for the outer command, and gives the words of the command inside with their own positions', () => {
    const words = commandWords(lines(text));
    expect(words.map((w) => w.value)).toEqual([text]);
    expect(sub(words[0])).toEqual([
      ['curl', 1, 9],
      ['http://h/t', 1, 14],
      ['-H', 1, 27],
      ['Metadata:true', 1, 30],
      ['|', 1, 44],
      ['jq', 1, 46],
      ['-r', 1, 49],
      ['.access_token', 1, 52],
    ]);
    expect(words[0]!.substitutions![0]).toMatchObject({ from: 6, to: text.length });
  });
  it('az inside a quoted command substitution is never linted: "$( … )" in double quotes gives its command too, the outer words intact', () => {
    const words = commandWords(lines('az keyvault secret set --value "$(az keyvault secret show -n s --query value -o tsv)" --vault-name kv'));
    expect(words.map((w) => w.value)).toEqual(['az', 'keyvault', 'secret', 'set', '--value', '$(az keyvault secret show -n s --query value -o tsv)', '--vault-name', 'kv']);
    expect(sub(words[5])[0]).toEqual(['az', 1, 35]);
    expect(sub(words[5]).map((x) => x[0]).join(' ')).toBe('az keyvault secret show -n s --query value -o tsv');
  });
  it('reads nested substitutions and backticks, quoted or not, each at its own line and column', () => {
    const words = commandWords([
      { line: 7, text: 'a$(b $(c))d "$(e f)" `g h` "x`i`" \\' },
      { line: 8, text: '  $(j \\' },
      { line: 9, text: '   k)' },
    ]);
    expect(words.map((w) => w.value.slice(0, 3))).toEqual(['a$(', '$(e', '`g ', 'x`i', '$(j']);
    expect(sub(words[0])).toEqual([['b', 7, 4], ['$(c)', 7, 6]]);
    expect(sub(words[0]!.substitutions![0]!.words[1])).toEqual([['c', 7, 8]]);
    expect(sub(words[1])).toEqual([['e', 7, 16], ['f', 7, 18]]);
    expect(sub(words[2])).toEqual([['g', 7, 23], ['h', 7, 25]]);
    expect(sub(words[3])).toEqual([['i', 7, 31]]);
    expect(sub(words[4])).toEqual([['j', 8, 5], ['k', 9, 4]]);
  });
  it('an unclosed substitution reads to the end without a ")"', () => {
    const words = commandWords(lines('x=$(curl h'));
    expect(words.map((w) => w.value)).toEqual(['x=$(curl h']);
    expect(sub(words[0]).map((x) => x[0])).toEqual(['curl', 'h']);
  });
});

describe('operators and comments', () => {
  it('keeps operators as words, drops comments and newlines', () => {
    expect(commandWords(lines('a && b | c; d & # note\ne')).map((w) => w.value)).toEqual(['a', '&&', 'b', '|', 'c', ';', 'd', '&', 'e']);
  });
  it('reads redirections as bash does: their own words, not part of the file name', () => {
    expect(commandWords(lines('echo hi >f.txt 2>&1')).map((w) => w.value)).toEqual(['echo', 'hi', '>', 'f.txt', '2', '>', '&', '1']);
  });
});
