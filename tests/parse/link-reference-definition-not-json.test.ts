// defect: event-hubs-quickstart-powershell.md (MicrosoftDocs/azure-docs b044a4fc) ends with Markdown link
// reference definitions `[3]: ./media/…/sender1.png`. A line opening with `[` and a digit was read as
// the start of a JSON array, so each definition became a "request body example" and json-example-invalid
// said three false errors ("one closing bracket too many"). A `[label]: url` line is never JSON.
import { describe, expect, it } from 'vitest';
import { isJsonStart } from '../../src/parse/lines.ts';
import { lintText } from '../lint/helpers.ts';

describe('a Markdown link reference definition is not JSON', () => {
  it('is no JSON start, while arrays still are', () => {
    expect(isJsonStart('[3]: ./media/event-hubs-quickstart-powershell/sender1.png')).toBe(false);
    expect(isJsonStart('[create a free account]: https://azure.microsoft.com/free/')).toBe(false);
    expect(isJsonStart('[1, 2, 3]')).toBe(true);
    expect(isJsonStart('[{"name": "a"}]')).toBe(true);
    expect(isJsonStart('[')).toBe(true);
  });

  it('draws no json-example-invalid finding at the end of a page', () => {
    const page = [
      '# Create an event hub',
      '',
      '```azurepowershell-interactive',
      'New-AzResourceGroup -Name myResourceGroup -Location eastus',
      '```',
      '',
      '[3]: ./media/event-hubs-quickstart-powershell/sender1.png',
      '[4]: ./media/event-hubs-quickstart-powershell/receiver1.png',
      '',
    ].join('\n');
    expect(lintText(page).filter((f) => f.rule === 'json-example-invalid')).toEqual([]);
  });
});
