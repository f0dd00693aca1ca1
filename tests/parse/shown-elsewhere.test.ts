// defect: storage-blob-event-quickstart.md says "View your web app to see the event you just sent."
// and shows the Event Grid event the viewer displays; it was attached as the blob upload's output,
// so the upload was `drift` against JSON az never prints. A lead-in that sends the reader elsewhere
// keeps the block as an example; a lead-in about the command's own output still attaches it.
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';

const page = (leadIn: string) =>
  [
    '# Events',
    '',
    '```azurecli',
    'az storage blob upload --file testfile.txt --container-name testcontainer --name testfile.txt',
    '```',
    '',
    leadIn,
    '',
    '```json',
    '[{ "topic": "/subscriptions/x", "eventType": "Microsoft.Storage.BlobCreated" }]',
    '```',
    '',
  ].join('\n');

describe('JSON the page shows somewhere else than the command', () => {
  for (const lead of [
    "You've triggered the event, and Event Grid sent the message to the endpoint you configured when subscribing. View your web app to see the event you just sent.",
    'In the portal, the Activity log shows an entry like this one:',
    'Refresh the browser. The viewer displays the event:',
  ]) {
    it(`is an example, not the step's response: "${lead.slice(0, 40)}…"`, () => {
      const m = parseTutorialText(page(lead), 'p.md');
      expect(m.steps[0]?.expectation).toBeUndefined();
      expect(m.examples.map((e) => e.source.startLine)).toEqual([10]);
      expect(m.diagnostics.some((d) => d.code === 'json-shown-elsewhere')).toBe(true);
    });
  }
  it("still attaches when the lead-in is about the command's output", () => {
    const m = parseTutorialText(page('The command returns output similar to the following:'), 'p.md');
    expect(m.steps[0]?.expectation?.source.startLine).toBe(10);
  });
});
