// defect: the fresh articles/azure-cache-for-redis/scripts/create-manage-cache.md opens its script
// with the azure-docs CLI samples' variable block (`let "randomIdentifier=$RANDOM*$RANDOM"`, then
// location=…, resourceGroup=…, tag=…, cache=…). `let` was no command the parser knew, so the line
// was read as text, and that text ran on over every assignment after it: the steps were lost, and
// the run said "$tag has no value; add --set TAG=<value>" of a variable the page assigns two lines
// up. `let` (and declare, typeset, readonly) is a bash builtin: a step; and text in a shell block
// never runs on over a line that is a step (an assignment, another program).
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';

const raws = (body: string[]) => parseTutorialText(['# T', '', '```azurecli', ...body, '```', ''].join('\n'), 'page.md', { form: 'docfx' }).steps.map((s) => s.raw);

describe('a let line and the assignments after it', () => {
  it('are each a step (the variable block of the azure-docs CLI samples)', () => {
    expect(raws(['', '# Variable block', 'let "randomIdentifier=$RANDOM*$RANDOM"', 'location="East US"', 'tag="create-manage-cache"', '', 'az group create --resource-group rg --location "$location" --tags $tag'])).toEqual([
      '# Variable block',
      'let "randomIdentifier=$RANDOM*$RANDOM"',
      'location="East US"',
      'tag="create-manage-cache"',
      'az group create --resource-group rg --location "$location" --tags $tag',
    ]);
  });
  it('text the parser does not know ends before an assignment or a program line', () => {
    expect(raws(['frobnicate the widget', 'tag="x"', 'cd app', 'az group create -n rg --tags $tag'])).toEqual(['tag="x"', 'cd app', 'az group create -n rg --tags $tag']);
  });
  it('declare, typeset and readonly are steps too', () => {
    expect(raws(['declare -a names', 'readonly region=eastus'])).toEqual(['declare -a names', 'readonly region=eastus']);
  });
});
