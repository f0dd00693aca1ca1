// defect: includes/key-vault-cli-kv-creation.md (Key Vault key and certificate CLI quickstarts)
// says after az keyvault create "**Vault Name**: The name you provided to the --name parameter
// above." prose-parameter-not-in-command compared --name with the NEXT command (az keyvault
// certificate create, which has no --name) and warned. A sentence that points back ("above",
// "previous", "earlier") is about a command already shown; one that has the parameter is enough.
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const found = (text: string, page = 'p.md') => lintText(text, 'docfx', page).filter((f) => f.rule === 'prose-parameter-not-in-command');
const page = (sentence: string) => `# T\n\n\`\`\`azurecli\naz keyvault create --name v1 -g g\n\`\`\`\n\n${sentence}\n\n\`\`\`azurecli\naz keyvault certificate create --vault-name v1 -n c -p p\n\`\`\`\n`;

describe('a parameter the prose names', () => {
  it('is looked up in the command above when the sentence points back (Key Vault certificate quickstart)', () => {
    expect(found(page('**Vault Name**: The name you provided to the --name parameter above.'))).toEqual([]);
  });
  it('is still compared with the next command when the sentence does not point back', () => {
    expect(found(page("Give the vault name with the --name parameter:")).map((f) => f.line)).toEqual([7]);
  });
});
