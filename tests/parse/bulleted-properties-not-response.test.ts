// defect: includes/key-vault-cli-kv-creation.md (used by the Key Vault key and certificate CLI
// quickstarts) says after az keyvault create "The output of this command shows properties of the
// newly created key vault. Take note of the two properties listed below:" and lists them as bullets
// ("- **Vault Name**: The name you provided…"). The bullets were attached as the command's literal
// response, so a vault created as asked was `drift` against a description. A bulleted list after
// such a lead-in names fields of the output; short plain text after it is still the response.
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';

const page = (after: string[]) =>
  [
    '# Vault',
    '',
    '```azurecli',
    'az keyvault create --name "<your-unique-keyvault-name>" --resource-group "myResourceGroup" --location "EastUS"',
    '```',
    '',
    'The output of this command shows properties of the newly created key vault. Take note of the two properties listed below:',
    '',
    ...after,
    '',
  ].join('\n');

describe('a bulleted list of properties after "the output shows …:"', () => {
  for (const marker of ['-', '*', '+']) {
    it(`is not the command's response ("${marker} " bullets)`, () => {
      const m = parseTutorialText(page([`${marker} **Vault Name**: The name you provided to the --name parameter above.`, `${marker} **Vault URI**: In the example, this is https://&lt;your-unique-keyvault-name&gt;.vault.azure.net/.`]), 'p.md');
      expect(m.steps[0]?.expectation).toBeUndefined();
    });
  }
  it('short plain text after the lead-in is still the response', () => {
    const m = parseTutorialText(page(['Hello world!']), 'p.md');
    expect(m.steps[0]?.expectation?.kind).toBe('text');
  });
});
