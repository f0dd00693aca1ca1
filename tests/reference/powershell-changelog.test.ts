// How fresh each cmdlet's help is: the cmdlets read from Az 16.2.0's published help are current; for an older stored
// help the ChangeLog excerpts (src/reference/powershell-changelog/) give the parameters releases after it added, and a
// help never compared with its ChangeLog turns an unknown parameter into a warning. The defect this pins: New-AzVM's help at d7fcc15 lacks -SshKeyType (Az.Compute 8.4.0), -IfMatch and
// -IfNoneMatch (8.0.0), so powershell-unknown-parameter told a page using them, as an error, that PowerShell rejects them.
import { describe, expect, it } from 'vitest';
import { lintText } from '../lint/helpers.ts';
import { ChangeLogExcerptError, readChangeLogExcerpt } from '../../src/reference/powershell-changelog-source.ts';
import { readHelpExcerpt } from '../../src/reference/powershell-help-source.ts';
import { allCmdlets, findCmdlet, resolveParameter } from '../../src/reference/powershell-cmdlets.ts';
import { resolveArg } from '../../src/run/powershell/run.ts';

const lint = (text: string) => lintText(text, 'docfx', 'p.md').filter((f) => f.rule === 'powershell-unknown-parameter');
const block = (lines: string[]) => ['# Page', '', '```azurepowershell', ...lines, '```', ''].join('\n');

// Since the table reads Az 16.2.0's published help (src/reference/powershell-docs-source.ts), these cmdlets are
// `current`: the parameters the ChangeLog excerpts added are in their help, and an unknown parameter is an error.
describe('New-AzVM -SshKeyType reported unknown (help older than Az.Compute 8.4.0)', () => {
  it('binds -SshKeyType, -IfMatch and -IfNoneMatch from the Az 16.2.0 help', () => {
    const vm = findCmdlet('New-AzVM')!;
    expect(vm.freshness).toEqual({ checked: 'current', release: 'Az 16.2.0' });
    expect(resolveParameter(vm, 'SshKeyType')).toMatchObject({ kind: 'parameter', parameter: { name: 'SshKeyType', values: ['Ed25519', 'RSA'] } });
    expect(resolveParameter(vm, 'ifmatch')).toMatchObject({ kind: 'parameter', parameter: { name: 'IfMatch' } });
    expect(resolveParameter(vm, 'IfNoneMatch')).toMatchObject({ kind: 'parameter' });
  });
  it('is silent on a page that creates a VM with -GenerateSshKey -SshKeyType Ed25519', () => {
    expect(lint(block(['New-AzVM -ResourceGroupName $rg -Name myVM -Location eastus -Image Ubuntu2204 -Credential $cred -GenerateSshKey -SshKeyType Ed25519 -IfNoneMatch "*"']))).toEqual([]);
  });
  it('still reports, as an error, a name no release gave New-AzVM', () => {
    const found = lint(block(['New-AzVM -ResourceGroupName $rg -Name myVM -SshKeyTipe Ed25519']));
    expect(found.map((f) => [f.severity, f.line])).toEqual([['error', 4]]);
  });
});

describe('New-AzKeyVault -DisableRbacAuthorization reported unknown (help older than Az.KeyVault 6.0.0)', () => {
  it('binds it from the Az 16.2.0 help', () => {
    expect(lint(block(['New-AzKeyVault -Name kv -ResourceGroupName rg -Location eastus -DisableRbacAuthorization']))).toEqual([]);
  });
  it('does not judge -EnableRbacAuthorization, which an older help has and Az 16.2.0 lacks (removed or not, the table cannot date it)', () => {
    expect(resolveParameter(findCmdlet('New-AzKeyVault')!, 'EnableRbacAuthorization')).toMatchObject({ kind: 'later', release: expect.stringMatching(/^not in Az 16\.2\.0's help; in Azure\/azure-powershell src\/KeyVault\/KeyVault\/help\/New-AzKeyVault\.md at 070e222$/) });
    expect(lint(block(['New-AzKeyVault -Name kv -ResourceGroupName rg -Location eastus -EnableRbacAuthorization']))).toEqual([]);
    const r = resolveArg({ name: 'New-AzKeyVault', parameters: [] } as unknown as Parameters<typeof resolveArg>[0], 'EnableRbacAuthorization');
    expect(r).toMatchObject({ unsupported: expect.stringContaining("not in Az 16.2.0's help") });
  });
});

describe('cmdlets read from Az 16.2.0', () => {
  it('are all current: none is left whose help was not compared with anything', () => {
    expect(allCmdlets().filter((c) => c.freshness.checked !== 'current').map((c) => c.name)).toEqual([]);
  });
  it('make an unknown parameter an error (New-AzResourceGroup -Nmae)', () => {
    expect(lint(block(['New-AzResourceGroup -Nmae myRG -Location eastus'])).map((f) => f.severity)).toEqual(['error']);
  });
  it('keep an unknown parameter an error (Set-AzServiceBusQueue -QueueObj, azure-docs#122602)', () => {
    const found = lint(block(['Set-AzServiceBusQueue -ResourceGroup $rg -NamespaceName $ns -QueueName $q -QueueObj $queue']));
    expect(found.map((f) => f.severity)).toEqual(['error']);
  });
});

describe('New-AzEventHubNamespace -NamespaceName reported by a reader (azure-docs#113192): the alias went with Az.EventHub 4.0.0', () => {
  it('the Az 16.2.0 help makes -NamespaceName an error and -Name bind', () => {
    expect(findCmdlet('New-AzEventHubNamespace')!.freshness).toEqual({ checked: 'current', release: 'Az 16.2.0' });
    const found = lint(block(['New-AzEventHubNamespace -ResourceGroupName myResourceGroup -NamespaceName namespace_name -Location eastus']));
    expect(found.map((f) => [f.severity, f.line])).toEqual([['error', 4]]);
    expect(lint(block(['New-AzEventHubNamespace -ResourceGroupName myResourceGroup -Name namespace_name -Location eastus']))).toEqual([]);
  });
  it('New-AzEventHub, whose older help predated parameters 4.1.0 added, binds -RetentionTimeInHour from Az 16.2.0', () => {
    expect(lint(block(['New-AzEventHub -ResourceGroupName rg -NamespaceName ns -Name eh -RetentionTimeInHour 24']))).toEqual([]);
  });
  it('New-AzEventHub -MessageRetentionInDays, in neither help, is now an error (was a warning while the help was of unknown freshness)', () => {
    const found = lint(block(['New-AzEventHub -ResourceGroupName rg -NamespaceName ns -EventHubName eh -MessageRetentionInDays 3']));
    expect(found.map((f) => f.severity)).toEqual(['error']);
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
