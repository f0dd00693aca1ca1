// defect: event-hubs-quickstart-powershell.md (MicrosoftDocs/azure-docs b044a4fc) writes
// `New-AzResourceGroup –Name myResourceGroup –Location eastus` with en dashes (U+2013). PowerShell's
// tokenizer takes an en dash, em dash or horizontal bar as a parameter's dash (SpecialCharacters.IsDash),
// so the command binds -Name and -Location and runs; the reader saw none of them as parameters and the
// run said a false `fail` ("A positional parameter cannot be found that accepts argument '–Name'").
import { describe, expect, it } from 'vitest';
import { readPowerShellCommand } from '../../src/parse/powershell-words.ts';

describe('a PowerShell parameter written with a typographic dash', () => {
  it('binds as the parameter, for the en dash, em dash and horizontal bar', () => {
    for (const dash of ['\u2013', '\u2014', '\u2015']) {
      const st = readPowerShellCommand(`New-AzResourceGroup ${dash}Name myResourceGroup ${dash}Location eastus`)!;
      expect(st.pipeline[0]!.args.map((a) => a.param ?? a.value?.text)).toEqual(['Name', 'myResourceGroup', 'Location', 'eastus']);
    }
  });
  it('leaves a negative number a value', () => {
    const st = readPowerShellCommand('Set-Thing -Count \u20135')!;
    expect(st.pipeline[0]!.args.map((a) => a.param ?? a.value?.text)).toEqual(['Count', '\u20135']);
  });
});
