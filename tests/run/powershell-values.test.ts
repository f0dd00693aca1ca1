// PowerShell's value model as the runner reads it (about_Quoting_Rules, about_Variables): expansion in
// double quotes and barewords, member chains, and the default formatting of what a statement outputs.
import { describe, expect, it } from 'vitest';
import { evaluateExpression, expandString } from '../../src/run/powershell/expand.ts';
import { formatOutput } from '../../src/run/powershell/format.ts';
import { PsHashtable, PsObject, PsVariables } from '../../src/run/powershell/values.ts';

const obj = new PsObject('Contoso.Thing', [['Name', 'a'], ['Id', '/x/a'], ['Keys', ['k1', 'k2']]], { kind: 'list', properties: ['Name', 'Id', 'Keys'] }, true);
const vars = new PsVariables();
vars.set('Thing', obj);
vars.set('name', 'rg1');
vars.set('list', [obj, new PsObject('Contoso.Thing', [['Name', 'b']], { kind: 'list', properties: ['Name'] })]);

const value = (e: ReturnType<typeof expandString>): unknown => ('value' in e ? e.value : e);

describe('expansion', () => {
  it('expands $name, ${name} and $($x.Prop); "$x.Prop" is $x then the text .Prop; names are case-insensitive', () => {
    expect(value(expandString('rg-$NAME-x ${name}', vars))).toBe('rg-rg1-x rg1');
    expect(value(expandString('$($thing.Id)', vars))).toBe('/x/a');
    expect(value(expandString('$thing.Id', vars))).toBe('Contoso.Thing.Id');
  });
  it('backtick escapes and doubled quotes', () => {
    expect(value(expandString('a`tb`$name ""q""', vars))).toBe('a\tb$name "q"');
  });
  it('a variable nothing set, or $name: (a drive-qualified name to PowerShell), is not guessed', () => {
    expect(expandString('$nope', vars)).toMatchObject({ unsupported: expect.stringMatching(/no earlier statement/) });
    expect(expandString('$name: done', vars)).toMatchObject({ unsupported: expect.stringMatching(/scope- or drive-qualified/) });
  });
  it('member chains: index, member enumeration over arrays, Count', () => {
    expect(value(evaluateExpression('$thing.Keys[1]', vars))).toBe('k2');
    expect(value(evaluateExpression('$list.Name', vars))).toEqual(['a', 'b']);
    expect(value(evaluateExpression('$list.Count', vars))).toBe(2);
    expect(evaluateExpression('$thing.GetType()', vars)).toMatchObject({ unsupported: expect.any(String) });
  });
});

describe('default formatting', () => {
  it('a list view pads labels to the longest and shows collections as {a, b}', () => {
    expect(formatOutput([obj])).toBe('\nName : a\nId   : /x/a\nKeys : {k1, k2}\n\n');
  });
  it('a table view: headers, dashes, columns as wide as their widest cell; strings as themselves', () => {
    const row = (n: string, v: string): PsObject => new PsObject('K', [['KeyName', n], ['Value', v]], { kind: 'table', properties: ['KeyName', 'Value'] });
    expect(formatOutput([row('key1', 'abc'), row('key2', 'defgh'), 'done'])).toBe('\nKeyName Value\n------- -----\nkey1    abc\nkey2    defgh\n\ndone\n');
  });
  it('a hashtable prints as DictionaryEntry rows, its Name column 30 wide', () => {
    const h = new PsHashtable();
    h.set('Env', 'Test');
    expect(formatOutput([h])).toBe(`\nName${' '.repeat(27)}Value\n----${' '.repeat(27)}-----\nEnv${' '.repeat(28)}Test\n\n`);
  });
});

describe('what is not known is not guessed', () => {
  it('a member a partly modelled type may have, or its string form, is unsupported; a fully modelled type gives $null and its type name', () => {
    const partial = new PsObject('Contoso.Partial', [['Id', 'p']], { kind: 'list', properties: ['Id'] });
    const whole = new PsObject('Contoso.Whole', [['Id', 'w']], { kind: 'list', properties: ['Id'] }, true);
    const v = new PsVariables();
    v.set('p', partial);
    v.set('w', whole);
    expect(evaluateExpression('$p.KeyPolicy', v)).toMatchObject({ unsupported: expect.stringMatching(/KeyPolicy of a Contoso.Partial is not modelled/) });
    expect(value(evaluateExpression('$w.KeyPolicy', v))).toBeNull();
    expect(expandString('$p', v)).toMatchObject({ unsupported: expect.stringMatching(/string form/) });
    expect(value(expandString('$w', v))).toBe('Contoso.Whole');
  });
});
