// The Az cmdlet table: read from the help excerpts by the generator (platyPS syntax notation), committed exactly as
// the generator writes it, and covering the Az cmdlets the corpus, fresh pages and tutorials run with parameters.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsExcerpt, readDocsCmdlet } from '../../src/reference/powershell-docs-source.ts';
import { HelpExcerptError, readHelpExcerpt, readSyntaxLine, renderCmdletTable } from '../../src/reference/powershell-help-source.ts';
import { allCmdlets, findCmdlet } from '../../src/reference/powershell-cmdlets.ts';
import { gitBlobSha1, readVendoredManifest } from '../../scripts/powershell-help-vendor.ts';

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

describe('readDocsCmdlet (platyPS help of an Az release, azure-docs-powershell)', () => {
  // Shaped as azps-16.2.0/Az.KeyVault/New-AzKeyVault.md is: front matter, wrapped syntax in a code fence, yaml blocks.
  const md = [
    '---', 'Module Name: Az.Test', '---', '', '# New-AzThing', '', '## SYNOPSIS', 'Makes a thing.', '', '## SYNTAX', '',
    '### ByName (Default)', '```', 'New-AzThing [-Name] <String> [-Sku <String>]', ' [-Force] [-ProgressAction <ActionPreference>] [<CommonParameters>]', '```', '',
    '### ById', '```', 'New-AzThing -Id <String> [<CommonParameters>]', '```', '',
    '## DESCRIPTION', 'x', '', '## PARAMETERS', '',
    '### -Force', 'Forces.', '', '```yaml', 'Type: System.Management.Automation.SwitchParameter', 'Parameter Sets: ByName', 'Aliases:', '', 'Required: False', '```', '',
    '### -Id', '```yaml', 'Type: System.String', 'Parameter Sets: ById', 'Aliases: ThingId', '```', '',
    '### -Name', '```yaml', 'Type: System.String', 'Parameter Sets: ByName', 'Aliases: ThingName', '```', '',
    '### -ProgressAction', '```yaml', 'Type: System.Management.Automation.ActionPreference', 'Parameter Sets: (All)', 'Aliases: proga', '```', '',
    '### -Sku', '```yaml', 'Type: System.String', 'Parameter Sets: ByName', 'Aliases:', 'Accepted values: Standard, Premium', '```', '',
    '### CommonParameters', 'This cmdlet supports the common parameters.', '', '## OUTPUTS', '',
  ].join('\n');
  it('joins the wrapped syntax, keeps sets, aliases and accepted values, leaves the common parameters to the table', () => {
    expect(docsExcerpt('azps-16.2.0/Az.Test/New-AzThing.md', 'c'.repeat(40), md)).toContain('New-AzThing [-Name] <String> [-Sku <String>] [-Force] [<CommonParameters>]');
    const c = readDocsCmdlet('azps-16.2.0', 'azps-16.2.0/Az.Test/New-AzThing.md', 'c'.repeat(40), md);
    expect(c.freshness).toEqual({ checked: 'current', release: 'Az 16.2.0' });
    expect(c.source).toEqual({ repo: 'MicrosoftDocs/azure-docs-powershell', path: 'azps-16.2.0/Az.Test/New-AzThing.md', commit: 'c'.repeat(40) });
    expect(c.parameterSets.map((s) => [s.name, s.default, s.mandatory])).toEqual([['ByName', true, ['Name']], ['ById', false, ['Id']]]);
    expect(c.parameters).toEqual([
      { name: 'Name', type: 'String', switch: false, aliases: ['ThingName'] },
      { name: 'Sku', type: 'String', switch: false, aliases: [], values: ['Standard', 'Premium'] },
      { name: 'Force', switch: true, aliases: [] },
      { name: 'Id', type: 'String', switch: false, aliases: ['ThingId'] },
    ]);
  });
  it('supersedes the older excerpt of the cmdlet, keeping the names only that excerpt binds as not judged', () => {
    const older = `Module Name: Az.Test\n\n# New-AzThing\nsource: Azure/azure-powershell src/Test/help/New-AzThing.md ${'a'.repeat(40)}\n## SYNTAX\nNew-AzThing [-Name] <String> [-Legacy]\n## PARAMETERS\n### -Name\nAliases: OldName\n`;
    const current = readDocsCmdlet('azps-16.2.0', 'azps-16.2.0/Az.Test/New-AzThing.md', 'c'.repeat(40), md);
    const table = JSON.parse(renderCmdletTable([{ file: 'h.md', text: older }], [], [current])) as { cmdlets: Record<string, { later: unknown[]; source: { path: string } }> };
    expect(table.cmdlets['new-azthing']!.source.path).toBe('azps-16.2.0/Az.Test/New-AzThing.md');
    expect(table.cmdlets['new-azthing']!.later).toEqual([
      { name: 'OldName', release: "not in Az 16.2.0's help; in Azure/azure-powershell src/Test/help/New-AzThing.md at aaaaaaa" },
      { name: 'Legacy', release: "not in Az 16.2.0's help; in Azure/azure-powershell src/Test/help/New-AzThing.md at aaaaaaa" },
    ]);
  });
});

describe('src/reference/powershell-cmdlets.json', () => {
  it('is exactly what the generator writes from the vendored help', () => {
    expect(execFileSync('npx', ['tsx', 'scripts/generate-powershell-table.ts', '--check'], { cwd: root, encoding: 'utf8' })).toMatch(/up to date/);
  });
  it('reads help copied byte for byte: each vendored file has the git blob SHA-1 its manifest records from upstream', () => {
    const manifest = readVendoredManifest(root);
    expect(manifest.source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(manifest.files.length).toBe(allCmdlets().length);
    for (const f of manifest.files) {
      const bytes = readFileSync(join(root, 'vendor/azure-docs-powershell', f.path));
      expect(gitBlobSha1(bytes), f.path).toBe(f.sha1);
    }
  });
  it('records a repo, path and commit for every cmdlet, read from Az 16.2.0 where that release has it', () => {
    for (const c of allCmdlets()) {
      expect(c.source).toMatchObject({ repo: 'MicrosoftDocs/azure-docs-powershell', path: `azps-16.2.0/${c.module}/${c.name}.md`, commit: expect.stringMatching(/^[0-9a-f]{40}$/) });
      expect(c.freshness).toEqual({ checked: 'current', release: 'Az 16.2.0' });
    }
  });
  it('covers the cmdlets pages run that the older excerpts lacked (New-AzContainerGroup, New-AzAksCluster, Update-AzKeyVault)', () => {
    expect(findCmdlet('New-AzContainerGroup')!.module).toBe('Az.ContainerInstance');
    expect(findCmdlet('New-AzAksCluster')!.parameters.map((p) => p.name)).toContain('NodeCount');
    expect(findCmdlet('Update-AzKeyVault')!.parameters.map((p) => p.name)).toContain('DisableRbacAuthorization');
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
