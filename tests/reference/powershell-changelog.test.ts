// How fresh each cmdlet's help is: the ChangeLog excerpts (src/reference/powershell-changelog/) give the parameters
// releases after the stored help added, and a help never compared with its ChangeLog turns an unknown parameter into
// a warning. The defect this pins: New-AzVM's help at d7fcc15 lacks -SshKeyType (Az.Compute 8.4.0), -IfMatch and
// -IfNoneMatch (8.0.0), so powershell-unknown-parameter told a page using them, as an error, that PowerShell rejects them.
import { describe, expect, it } from 'vitest';
import { lintText } from '../lint/helpers.ts';
import { ChangeLogExcerptError, readChangeLogExcerpt } from '../../src/reference/powershell-changelog-source.ts';
import { readHelpExcerpt } from '../../src/reference/powershell-help-source.ts';
import { allCmdlets, findCmdlet, resolveParameter } from '../../src/reference/powershell-cmdlets.ts';
import { resolveArg } from '../../src/run/powershell/run.ts';

const lint = (text: string) => lintText(text, 'docfx', 'p.md').filter((f) => f.rule === 'powershell-unknown-parameter');
const block = (lines: string[]) => ['# Page', '', '```azurepowershell', ...lines, '```', ''].join('\n');

describe('New-AzVM -SshKeyType reported unknown (help older than Az.Compute 8.4.0)', () => {
  it('binds the parameters the ChangeLog says releases after the help added', () => {
    const vm = findCmdlet('New-AzVM')!;
    expect(vm.freshness).toMatchObject({ checked: 'changelog', through: 'Version 9.0.0', source: { path: 'src/Compute/Compute/ChangeLog.md' } });
    expect(resolveParameter(vm, 'SshKeyType')).toEqual({ kind: 'later', name: 'SshKeyType', release: 'Version 8.4.0' });
    expect(resolveParameter(vm, 'ifmatch')).toMatchObject({ kind: 'later', release: 'Version 8.0.0' });
    expect(resolveParameter(vm, 'IfNoneMatch')).toMatchObject({ kind: 'later' });
  });
  it('is silent on a page that creates a VM with -GenerateSshKey -SshKeyType Ed25519', () => {
    expect(lint(block(['New-AzVM -ResourceGroupName $rg -Name myVM -Location eastus -Image Ubuntu2204 -Credential $cred -GenerateSshKey -SshKeyType Ed25519 -IfNoneMatch "*"']))).toEqual([]);
  });
  it('still reports, as an error, a name no release gave New-AzVM (its help was compared with the ChangeLog)', () => {
    const found = lint(block(['New-AzVM -ResourceGroupName $rg -Name myVM -SshKeyTipe Ed25519']));
    expect(found.map((f) => [f.severity, f.line])).toEqual([['error', 4]]);
  });
  it('the runner does not fail a command on a parameter a later release added', () => {
    const r = resolveArg({ name: 'New-AzVM', parameters: [] } as unknown as Parameters<typeof resolveArg>[0], 'SshKeyType');
    expect(r).toMatchObject({ unsupported: expect.stringContaining('Version 8.4.0') });
  });
});

describe('a help not compared with its ChangeLog', () => {
  it('is recorded as such in the table', () => {
    expect(findCmdlet('New-AzResourceGroup')!.freshness).toEqual({ checked: 'unknown' });
    expect(allCmdlets().filter((c) => c.freshness.checked === 'changelog').map((c) => c.name).sort()).toEqual(['New-AzEventHubNamespace', 'New-AzRoleAssignment', 'New-AzServiceBusSubscription', 'New-AzVM', 'Remove-AzResourceGroup', 'Set-AzKeyVaultSecret', 'Set-AzServiceBusQueue', 'Set-AzServiceBusSubscription']);
  });
  it('makes an unknown parameter a warning that says the help may be stale', () => {
    const found = lint(block(['New-AzResourceGroup -Nmae myRG -Location eastus']));
    expect(found.map((f) => f.severity)).toEqual(['warning']);
    expect(found[0]!.message).toMatch(/not compared with the module's ChangeLog/);
  });
  it('keeps an unknown parameter an error where the help was compared (Set-AzServiceBusQueue -QueueObj, azure-docs#122602)', () => {
    const found = lint(block(['Set-AzServiceBusQueue -ResourceGroup $rg -NamespaceName $ns -QueueName $q -QueueObj $queue']));
    expect(found.map((f) => f.severity)).toEqual(['error']);
  });
});

describe('New-AzEventHubNamespace -NamespaceName reported by a reader (azure-docs#113192): the alias went with Az.EventHub 4.0.0', () => {
  it('the generated help, compared with the ChangeLog, makes -NamespaceName an error and -Name bind', () => {
    expect(findCmdlet('New-AzEventHubNamespace')!.freshness).toMatchObject({ checked: 'changelog', helpCovers: 'Version 4.0.0', through: 'Version 5.0.1' });
    const found = lint(block(['New-AzEventHubNamespace -ResourceGroupName myResourceGroup -NamespaceName namespace_name -Location eastus']));
    expect(found.map((f) => [f.severity, f.line])).toEqual([['error', 4]]);
    expect(lint(block(['New-AzEventHubNamespace -ResourceGroupName myResourceGroup -Name namespace_name -Location eastus']))).toEqual([]);
  });
  it('New-AzEventHub, whose help predates parameters 4.1.0 added unnamed, stays unknown: a warning', () => {
    expect(findCmdlet('New-AzEventHub')!.freshness).toEqual({ checked: 'unknown' });
    const found = lint(block(['New-AzEventHub -ResourceGroupName rg -NamespaceName ns -EventHubName eh -MessageRetentionInDays 3']));
    expect(found.map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('readChangeLogExcerpt', () => {
  const help = readHelpExcerpt('h.md', `Module Name: Az.Test\n\n# New-AzThing\nsource: Azure/azure-powershell src/Test/help/New-AzThing.md ${'a'.repeat(40)}\n## SYNTAX\nNew-AzThing [-Name] <String> [-Force]\n`);
  const find = (n: string) => help.find((c) => c.name.toLowerCase() === n.toLowerCase());
  const head = `# New-AzThing\nsource: Azure/azure-powershell src/Test/Test/ChangeLog.md ${'b'.repeat(40)}\nthrough: Version 2.0.0\n## Version 1.0.0\nhelp-covers: Force\n* Added \`-Force\` to \`New-AzThing\`.\n`;
  it('reads the later parameters with their release', () => {
    const [b] = readChangeLogExcerpt('c.md', `${head}## Version 2.0.0\nadded: Tag\n* Added parameter \`-Tag\` to \`New-AzThing\`.\n`, find);
    expect(b).toMatchObject({ cmdlet: 'New-AzThing', freshness: { checked: 'changelog', helpCovers: 'Version 1.0.0', through: 'Version 2.0.0' }, later: [{ name: 'Tag', release: 'Version 2.0.0' }] });
  });
  it('takes a name quoted any way as a whole word, never inside a longer name', () => {
    const [b] = readChangeLogExcerpt('c.md', `${head}## Version 2.0.0\nadded: Tag\n* \`New-AzThing\` - support parameter "[-Tag]".\n`, find);
    expect(b!.later).toEqual([{ name: 'Tag', release: 'Version 2.0.0' }]);
    expect(() => readChangeLogExcerpt('c.md', `${head}## Version 2.0.0\nadded: Tag\n* Added \`-ResourceTag\` to \`New-AzThing\`.\n`, find)).toThrow(/does not name Tag/);
  });
  it('reads help-covers: (cmdlet) only from a line that names the cmdlet', () => {
    const cover = (line: string) => `# New-AzThing\nsource: Azure/azure-powershell src/Test/Test/ChangeLog.md ${'b'.repeat(40)}\nthrough: Version 2.0.0\n## Version 2.0.0\nhelp-covers: (cmdlet)\n${line}\n`;
    expect(readChangeLogExcerpt('c.md', cover('* Replaced `New-AzThing` by the generated cmdlet.'), find)[0]!.freshness.helpCovers).toBe('Version 2.0.0');
    expect(() => readChangeLogExcerpt('c.md', cover('* Moved cmdlets to V4'), find)).toThrow(/does not name New-AzThing/);
  });
  it('refuses an added parameter the verbatim line does not name, one the help has, and a cover the help lacks', () => {
    expect(() => readChangeLogExcerpt('c.md', `${head}## Version 2.0.0\nadded: Tag\n* Added parameter \`-Zone\` to \`New-AzThing\`.\n`, find)).toThrow(ChangeLogExcerptError);
    expect(() => readChangeLogExcerpt('c.md', `${head}## Version 2.0.0\nadded: Name\n* Added parameter \`-Name\` to \`New-AzThing\`.\n`, find)).toThrow(/already has -Name/);
    expect(() => readChangeLogExcerpt('c.md', head.replace('help-covers: Force', 'help-covers: Zone'), find)).toThrow(/lacks -Zone/);
  });
});
