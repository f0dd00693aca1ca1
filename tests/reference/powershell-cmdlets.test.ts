// The Az cmdlet table: read from the help excerpts by the generator (platyPS syntax notation), committed exactly as
// the generator writes it, and covering the Az cmdlets the corpus, fresh pages and tutorials run with parameters.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HelpExcerptError, readHelpExcerpt, readSyntaxLine, renderCmdletTable } from '../../src/reference/powershell-help-source.ts';
import { allCmdlets, findCmdlet } from '../../src/reference/powershell-cmdlets.ts';

const root = join(import.meta.dirname, '../..');

describe('readSyntaxLine (platyPS notation)', () => {
  it('tells mandatory, optional, positional and switch parameters apart', () => {
    expect(readSyntaxLine('Get-X [-Name] <String> [[-Slot] <String>] -Path <String> [-Tag <Hashtable>] [-Force] -Identity [<CommonParameters>]')).toEqual([
      { name: 'Name', type: 'String', mandatory: true },
      { name: 'Slot', type: 'String', mandatory: false },
      { name: 'Path', type: 'String', mandatory: true },
      { name: 'Tag', type: 'Hashtable', mandatory: false },
      { name: 'Force', mandatory: false },
      { name: 'Identity', mandatory: true },
    ]);
  });
});

describe('readHelpExcerpt', () => {
  const excerpt = (body: string) => `Module Name: Az.Test\n\n# Get-AzThing\nsource: Azure/azure-powershell src/Test/help/Get-AzThing.md ${'a'.repeat(40)}\n## SYNTAX\nGet-AzThing [-Name] <String> [-Force]\n## PARAMETERS\n${body}`;
  it('attaches aliases and accepted values to the syntax parameters', () => {
    const [c] = readHelpExcerpt('t.md', excerpt('### -Name\nAliases: ThingName, N\nAccepted values: a, b\n'));
    expect(c!.parameters).toEqual([
      { name: 'Name', type: 'String', switch: false, aliases: ['ThingName', 'N'], values: ['a', 'b'] },
      { name: 'Force', switch: true, aliases: [] },
    ]);
    expect(c!.source.path).toBe('src/Test/help/Get-AzThing.md');
  });
  it('refuses a PARAMETERS entry no syntax line has, naming the file', () => {
    expect(() => readHelpExcerpt('t.md', excerpt('### -Nmae\nAliases: X\n'))).toThrow(HelpExcerptError);
  });
});

describe('src/reference/powershell-cmdlets.json', () => {
  it('is exactly what the generator writes from the committed excerpts', () => {
    const dir = 'src/reference/powershell-help';
    const read = (d: string) => readdirSync(join(root, d)).filter((f) => f.endsWith('.md')).sort().map((f) => ({ file: `${d}/${f}`, text: readFileSync(join(root, d, f), 'utf8') }));
    expect(readFileSync(join(root, 'src/reference/powershell-cmdlets.json'), 'utf8')).toBe(renderCmdletTable(read(dir), read('src/reference/powershell-changelog')));
  });
  // A module rewritten as a generated (AutoRest) one keeps its old help under <Module>/help/ until it is regenerated;
  // the generated help under <Module>.Autorest/docs/ is the cmdlet's (Az.EventHub 4.0.0).
  it('records a repo, path and commit for every cmdlet', () => {
    for (const c of allCmdlets()) expect(c.source).toMatchObject({ repo: 'Azure/azure-powershell', path: expect.stringMatching(/^src\/.*\/(help|\w+\.Autorest\/docs)\/.*\.md$/), commit: expect.stringMatching(/^[0-9a-f]{40}$/) });
  });
  it('knows New-AzStorageAccount -EnableHttpsTrafficOnly as a [bool] (no switch) and -SkuName\'s ValidateSet', () => {
    const sa = findCmdlet('New-AzStorageAccount')!;
    expect(sa.parameters.find((p) => p.name === 'EnableHttpsTrafficOnly')).toMatchObject({ switch: false, type: 'Boolean' });
    expect(sa.parameters.find((p) => p.name === 'SkuName')!.values).toContain('Standard_LRS');
  });
  it('the cmdlet lister runs over the pages', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/list-powershell-cmdlets.ts', '--json'], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toContain('New-AzResourceGroup');
  });
});
