// defect: configure-authentication-api-version.md runs `az functionapp config appsettings set`, then in
// the next list items says "Create a new JSON file named `authsettings.json`…" and "A settings file after
// this operation might look similar to the following:". That JSON was attached as the appsettings
// command's output, so the step drifted against a file az never prints. A lead-in about a file keeps the
// block as an example; a lead-in about the command's output still attaches it, even when it names a file.
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';

const page = (leadIn: string) =>
  [
    '# Settings',
    '',
    '```azurecli',
    'az webapp config appsettings set -g rg -n app --slot-settings A=b',
    '```',
    '',
    leadIn,
    '',
    '```json',
    '{ "name": "authsettings", "properties": { "enabled": true } }',
    '```',
    '',
  ].join('\n');

describe('JSON a lead-in calls a file', () => {
  for (const lead of [
    'A settings file after this operation might look similar to the following, in this case only configured for Microsoft Entra ID:',
    'Save the following content as `authsettings.json`:',
  ]) {
    it(`is the file's content, not the step's output: "${lead.slice(0, 40)}…"`, () => {
      const m = parseTutorialText(page(lead), 'p.md');
      expect(m.steps[0]?.expectation).toBeUndefined();
      expect(m.examples.map((e) => e.source.startLine)).toEqual([10]);
      expect(m.diagnostics.some((d) => d.code === 'json-file-content')).toBe(true);
    });
  }
  it('still attaches when the lead-in says the command writes its output (to a file too)', () => {
    const m = parseTutorialText(page('The command returns output similar to the following, which you can save to a file:'), 'p.md');
    expect(m.steps[0]?.expectation?.source.startLine).toBe(10);
  });
});
