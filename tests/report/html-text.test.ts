// What "the page says" shows of characters a reader cannot see, and how paths read, on the real
// tutorials' text: the no-break spaces of 000-arm-system-assigned.md, the en dash of
// 002-storage-access-key-user-assigned.md, the smart quotes of 002-storage-user-assigned.md.
import { describe, expect, it } from 'vitest';
import { parseTutorialFile } from '../../src/parse/index.ts';
import { asciiText, charNotes, markedText } from '../../src/report/html/chars.ts';
import { claimPointer, readablePath, readablePointer, readableText } from '../../src/report/html/paths.ts';

function rawOf(file: string, pattern: RegExp): string {
  const step = parseTutorialFile(file).steps.find((s) => pattern.test(s.raw));
  if (!step) throw new Error(`no step of ${file} matches ${pattern}`);
  return step.raw;
}

describe('invisible and look-alike characters in "the page says"', () => {
  it('marks a no-break space at its column with a visible ⍽ and its code point, the character itself kept', () => {
    const raw = rawOf('tutorials/000-arm-system-assigned.md', /\u00a0/);
    const notes = charNotes(raw);
    const col = raw.indexOf('\u00a0') + 1;
    expect(notes).toEqual([expect.objectContaining({ kind: 'nbsp', line: 1, column: col, codePoints: ['U+00A0'] })]);
    const html = markedText(raw, notes);
    // The text before the mark is exactly the command up to that column.
    const at = html.indexOf('<mark');
    expect(html.slice(0, at)).toBe(raw.slice(0, col - 1).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    expect(html).toMatch(/<mark class="ch ch-nbsp"[^>]*><span class="g" aria-hidden="true">⍽<\/span><span class="inv">\u00a0<\/span><span class="cp" aria-hidden="true">U\+00A0<\/span><\/mark>/);
  });

  it('a run of three no-break spaces is one mark saying 3×', () => {
    const html = markedText('curl -H Metadata:true\u00a0\u00a0\u00a0');
    expect(html.match(/<mark/g)).toHaveLength(1);
    expect(html).toContain('⍽⍽⍽');
    expect(html).toContain('3×U+00A0');
  });

  it('highlights an en dash and smart quotes in place; zero-width characters become visible', () => {
    const dash = rawOf('tutorials/002-storage-access-key-user-assigned.md', /\u2013/);
    expect(markedText(dash)).toMatch(/<mark class="ch ch-en-dash"[^>]*>–<span class="cp" aria-hidden="true">U\+2013<\/span><\/mark>-request/);
    const quotes = rawOf('tutorials/002-storage-user-assigned.md', /\u2018/);
    const html = markedText(quotes);
    expect(html).toMatch(/ch-smart-quote[^>]*>‘<span class="cp"[^>]*>U\+2018<\/span><\/mark>Reader<mark class="ch ch-smart-quote"[^>]*>’<span class="cp"[^>]*>U\+2019/);
    expect(markedText('az\u200bvm')).toContain('<span class="g" aria-hidden="true">◌</span><span class="inv">\u200b</span>');
    // Plain ASCII and ordinary non-ASCII letters are left alone.
    expect(charNotes('curl https://example.com/Größe')).toEqual([]);
  });

  it('escapes everything around the marks', () => {
    expect(markedText('<b>\u00a0</b>')).toMatch(/^&lt;b&gt;<mark[^>]*>.*<\/mark>&lt;\/b&gt;$/);
  });

  it('gives the command with each look-alike replaced by the ASCII it passes for; trailing no-break spaces dropped', () => {
    expect(asciiText('curl -X POST\u00a0-d "" \u2013-request POST')).toBe('curl -X POST -d "" --request POST');
    expect(asciiText('az role assignment create --role \u2018Reader\u2019 --scope \u201c/x\u201d')).toBe(`az role assignment create --role 'Reader' --scope "/x"`);
    expect(asciiText('curl -H Metadata:true\u00a0\u00a0\n  next')).toBe('curl -H Metadata:true\n  next');
    expect(asciiText('a\u200bb')).toBe('ab');
    expect(asciiText('curl https://example.com')).toBeUndefined();
    // Mojibake has no sure replacement.
    expect(asciiText('echo \u00e2\u20ac\u2122')).toBeUndefined();
    const raw = rawOf('tutorials/000-arm-system-assigned.md', /\u00a0/);
    expect(asciiText(raw)).toBe(raw.replace(/\u00a0+\s*$/, '').replace(/\u00a0/g, ' '));
  });
});

describe('readable paths', () => {
  it('says a JSON pointer as a reader would, without ~1 and ~0 escapes', () => {
    expect(readablePointer('/keys/0/permissions')).toBe('keys[0].permissions');
    expect(readablePointer('/paths/~1subscriptions~1{subscriptionId}/get')).toBe('paths["/subscriptions/{subscriptionId}"].get');
    expect(readablePointer('/a~0b')).toBe('["a~b"]');
    expect(readablePointer('/')).toBe('(the whole body)');
    expect(readablePath('header:Content-Type#1')).toBe('header Content-Type');
    expect(readablePath('header:ETag#2')).toBe('header ETag (response 2)');
    expect(readablePath('claim:example.resource')).toBe("the example's resource");
    expect(readablePath('claim:example/properties/contentLength')).toBe("the example's properties.contentLength");
    expect(readablePath('status')).toBe('status');
  });

  it('rewrites escaped pointers inside messages and leaves the rest of the text alone', () => {
    expect(readableText('/paths/~1subscriptions~1{id}/get is missing: see /keys/0.')).toBe('paths["/subscriptions/{id}"].get is missing: see /keys/0.');
    expect(readableText('the example shows "a/b" at (/x~1y).')).toBe('the example shows "a/b" at (["x/y"]).');
  });

  it('maps a claim to the body row it is about', () => {
    expect(claimPointer('claim:example.resource')).toBe('/resource');
    expect(claimPointer('claim:resource')).toBe('/resource');
    expect(claimPointer('claim:example/properties/contentRange')).toBe('/properties/contentRange');
    expect(claimPointer('claim:example-body')).toBeUndefined();
    expect(claimPointer('/resource')).toBeUndefined();
  });
});
