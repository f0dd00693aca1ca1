// defect: event-hubs-quickstart-cli.md (tests/fresh) says "Be sure to replace the placeholders
// `myResourceGroup`, `namespaceName`, `eventHubName`, and `storageAccountName` with the appropriate
// values" and then runs az storage account create --name storageAccountName. resource-name-invalid
// reported "storageAccountName" as a name Resource Manager rejects (error): it is a placeholder
// written as a word, which the prose tells the reader to replace. A literal name the prose does not
// mark for replacement is still judged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tellsToReplace } from '../../src/lint/text.ts';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const invalid = (text: string, page = 'p.md') => lintText(text, 'docfx', page).filter((f) => f.rule === 'resource-name-invalid');

describe('a create name the prose tells the reader to replace', () => {
  it('is not judged as a literal name (event-hubs-quickstart-cli.md)', () => {
    const page = 'tests/fresh/articles/event-hubs/event-hubs-quickstart-cli.md';
    expect(invalid(readFileSync(join(root, page), 'utf8'), page)).toEqual([]);
  });
  it('is still judged when the prose does not mark it', () => {
    const text = '# T\n\nCreate the account:\n\n```azurecli\naz storage account create --name storageAccountName -g g\n```\n';
    expect(invalid(text).map((f) => f.line)).toEqual([6]);
  });
  it('reads code, emphasis and replace cues, not a mere mention', () => {
    expect(tellsToReplace('Be sure to replace the placeholders `namespaceName` and `storageAccountName` with values:', 'storageAccountName')).toBe(true);
    expect(tellsToReplace('In the following example *myContainerRegistry007* is used. Update this to a unique value.', 'myContainerRegistry007')).toBe(true);
    expect(tellsToReplace('The account `storageAccountName` holds the data.', 'storageAccountName')).toBe(false);
    expect(tellsToReplace('Replace the name in `storageAccountNameX`.', 'storageAccountName')).toBe(false);
  });
});
