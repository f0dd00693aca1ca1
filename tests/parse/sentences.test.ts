// One sentence splitter for every reader of prose (lint's prose rules, the World's stated grants, a
// capture's prose cue). The copies disagreed on the colon: the capture cue's copy cut a sentence at
// ":" and so quoted half of "Replace <ACCESS_TOKEN> with the access token: the value returned in the
// previous step.", losing where the value comes from.
import { describe, expect, it } from 'vitest';
import { sentences } from '../../src/parse/sentences.ts';
import { parseTutorialText } from '../../src/parse/index.ts';
import { statedBy } from '../../src/world/stated.ts';

describe('sentences', () => {
  it('ends a sentence at ".", "!", "?" or a run of them before white space or the end, with its offset', () => {
    expect(sentences('First one.  Second one?! Third... Fourth')).toEqual([
      { text: 'First one.', start: 0 },
      { text: 'Second one?!', start: 12 },
      { text: 'Third...', start: 25 },
      { text: 'Fourth', start: 34 },
    ]);
  });
  it('never inside a name, a version or a link target', () => {
    expect(sentences('See ../storage/x.md, e.g.this one, and v2.0 (preview).').map((s) => s.text)).toEqual(['See ../storage/x.md, e.g.this one, and v2.0 (preview).']);
  });
  it('is empty for white space', () => expect(sentences(' \u00a0 ')).toEqual([]));
});

describe('a colon does not end a sentence (the capture cue copy cut there)', () => {
  it('sentences keep what follows the colon', () => {
    expect(sentences('Replace <ACCESS_TOKEN> with the access token: the value returned in the previous step. Then run it.').map((s) => s.text)).toEqual([
      'Replace <ACCESS_TOKEN> with the access token: the value returned in the previous step.',
      'Then run it.',
    ]);
  });
  it("the capture's prose cue quotes the whole sentence, with where the value comes from", () => {
    const page = [
      '# Read a blob',
      '',
      'Get a token for Azure Storage.',
      '',
      '```bash',
      "curl 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fstorage.azure.com%2F' -H Metadata:true",
      '```',
      '',
      'Replace <ACCESS_TOKEN> with the access token: the value returned in the previous step.',
      '',
      '```bash',
      'curl https://myaccount.blob.core.windows.net/mycontainer/myblob -H "x-ms-version: 2019-02-02" -H "Authorization: Bearer <ACCESS_TOKEN>"',
      '```',
      '',
    ].join('\n');
    const t = parseTutorialText(page, 'colon.md');
    const capture = t.captures.find((c) => c.key === 'ACCESS_TOKEN');
    expect(capture?.reason).toContain('prose (line 9): "Replace <ACCESS_TOKEN> with the access token: the value returned in the previous step."');
  });
  it('a stated grant is read from the sentence that makes it, in a line of several', () => {
    const t = parseTutorialText('# Page\n\nCreate a storage account. Then assign the VM\'s managed identity the Storage Blob Data Reader role: it reads blobs.\n', 'grant.md');
    const stated = statedBy(t, '# Page\n\nCreate a storage account. Then assign the VM\'s managed identity the Storage Blob Data Reader role: it reads blobs.\n');
    expect(stated.grants.map((g) => [g.role, g.principal, g.line])).toEqual([['Storage Blob Data Reader', 'vm', 3]]);
  });
});
