// Lint's fence list is the parser's reading of the page's blocks (src/parse/structure.ts), not a second CommonMark
// reader. The defect this pins: a fence left open inside a `::: zone` ran, for lint, to the end of the file (plain
// CommonMark), while DocFX and the parser end it at `::: zone-end`; every block after it was then "inside" the first
// for the rules that judge a block by its fence (info string, output in a command fence, program source…).
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/lint/document.ts';
import { codeFences, fenceAt } from '../../src/lint/fences.ts';
import { parseTutorialText } from '../../src/parse/index.ts';

const page = [
  '# Page', //                         1
  '', //                               2
  '::: zone pivot="cli"', //           3
  '', //                               4
  '```azurecli', //                    5
  'az group create -n rg -l eastus', // 6
  '', //                               7
  '::: zone-end', //                   8
  '', //                               9
  '```json', //                        10
  '{ "location": "eastus" }', //       11
  '```', //                            12
  '',
].join('\n');

describe('a fence left open in a zone ends at ::: zone-end for lint, as for the parser and DocFX', () => {
  it('lists the zone-closed fence and the block after it as two fences', () => {
    const doc = buildDocument(parseTutorialText(page, 'p.md', { form: 'docfx' }), page);
    expect(codeFences(doc)).toEqual([
      { open: 5, close: 8, info: 'azurecli' },
      { open: 10, close: 12, info: 'json' },
    ]);
    expect(fenceAt(codeFences(doc), 11)?.info).toBe('json');
  });
  it('still runs an unclosed fence outside any zone to the end of the file, as the page renders it', () => {
    const text = '# Page\n\n```bash\necho hi\n\n```json\n{}\n';
    const doc = buildDocument(parseTutorialText(text, 'p.md', { form: 'docfx' }), text);
    expect(codeFences(doc)).toEqual([{ open: 3, close: doc.lineCount + 1, info: 'bash' }]);
  });
  it('opens no block on a line of inline code (```<name>``` in prose)', () => {
    const text = '# Page\n\nRun ```<name>``` here.\n\n```bash\necho hi\n```\n';
    const doc = buildDocument(parseTutorialText(text, 'p.md', { form: 'docfx' }), text);
    expect(codeFences(doc)).toEqual([{ open: 5, close: 7, info: 'bash' }]);
  });
});
