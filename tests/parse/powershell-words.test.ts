import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { allCommands, bindArguments, readPowerShellCommand, readPowerShellStatements } from '../../src/parse/powershell-words.ts';

const params = (raw: string): (string | undefined)[] => readPowerShellCommand(raw)!.pipeline[0]!.args.map((a) => a.param ?? a.value?.text);

describe('readPowerShellCommand (about_Parsing)', () => {
  it('reads parameters and values in argument mode, a value attached with a colon, backtick continuations', () => {
    const raw = 'New-AzStorageAccount -ResourceGroupName $rg `\n  -Name:"<name>" -SkuName Standard_LRS -EnableHttpsTrafficOnly $true';
    const st = readPowerShellCommand(raw)!;
    expect(st.pipeline[0]!.name).toBe('New-AzStorageAccount');
    expect(params(raw)).toEqual(['ResourceGroupName', '$rg', 'Name', 'SkuName', 'Standard_LRS', 'EnableHttpsTrafficOnly', '$true']);
    const name = st.pipeline[0]!.args[2]!;
    expect(name.value).toMatchObject({ kind: 'expandable', content: '<name>' });
    expect(raw.slice(name.offset)).toMatch(/^-Name:/);
    expect(st.pipeline[0]!.args.map((a) => a.value?.kind)).toEqual([undefined, 'variable', 'expandable', undefined, 'bare', undefined, 'bool']);
  });

  it('keeps single-quoted strings literal and names the variables an expandable string reads', () => {
    const st = readPowerShellCommand(`Write-Host 'cost: $5' "in $location and $($vm.Name)"`)!;
    const [lit, exp] = st.pipeline[0]!.args.map((a) => a.value!);
    expect(lit).toMatchObject({ kind: 'string', content: 'cost: $5' });
    expect(lit!.variables).toBeUndefined();
    expect(exp).toMatchObject({ kind: 'expandable', variables: ['location', 'vm'] });
  });

  it('reads an assignment, a pipeline, hashtables, splatting, comma lists and comments', () => {
    const st = readPowerShellCommand('$vm = Get-AzVM -Name $n | Stop-AzVM -Force # stop it')!;
    expect(st.assignTo).toBe('vm');
    expect(st.pipeline.map((c) => c.name)).toEqual(['Get-AzVM', 'Stop-AzVM']);
    const all = readPowerShellStatements("$p = @{ Name = 'x'; \"Location\" = $loc }\nNew-AzVM @p -Zone 1, 2; Connect-AzAccount");
    expect(all).toHaveLength(3);
    expect(all[0]!.pipeline[0]!.expression).toMatchObject({ kind: 'hashtable', keys: ['Name', 'Location'], variables: ['loc'] });
    expect(all[1]!.pipeline[0]!.args[0]!.value).toMatchObject({ kind: 'splat', content: 'p' });
    expect(all[1]!.pipeline[0]!.args[2]!.value).toMatchObject({ kind: 'array', items: [{ kind: 'number' }, { kind: 'number' }] });
    expect(all[2]!.pipeline[0]!.name).toBe('Connect-AzAccount');
  });

  it('reads a here-string as one value and keyword statements as one statement', () => {
    const all = readPowerShellStatements('$t = @"\nhello; $name\n"@\nforeach ($x in $list)\n{\n  Remove-AzVM -Name $x -Force\n}\nGet-AzContext');
    expect(all.map((s) => s.keyword ?? s.pipeline[0]?.name ?? s.pipeline[0]?.expression?.kind)).toEqual(['', 'foreach', 'Get-AzContext']);
    expect(all[0]!.pipeline[0]!.expression).toMatchObject({ kind: 'expandable', variables: ['name'] });
  });

  it('allCommands reaches commands inside ( … ), $( … ), script blocks and keyword bodies, with offsets into the raw text', () => {
    const raw = '$ctx = (Get-AzStorageAccount -ResourceGroupName $rg -Name $sa).Context\nGet-AzVM | ForEach-Object { Stop-AzVM -Name $_.Name }\nif ($x) { Remove-AzResourceGroup -Name $rg }';
    const cmds = allCommands(raw);
    expect(cmds.map((c) => c.name)).toEqual(['Get-AzStorageAccount', 'Get-AzVM', 'ForEach-Object', 'Stop-AzVM', 'Remove-AzResourceGroup']);
    expect(raw.slice(cmds[3]!.args[0]!.offset)).toMatch(/^-Name \$_\.Name/);
  });

  it('bindArguments pairs a parameter with the next value only when the parameter is not a switch', () => {
    const st = readPowerShellCommand('Remove-AzResourceGroup -Name myRG -Force -AsJob')!;
    const bound = bindArguments(st.pipeline[0]!.args, (p) => p === 'Force' || p === 'AsJob');
    expect(bound.map((b) => [b.param, b.value?.text])).toEqual([['Name', 'myRG'], ['Force', undefined], ['AsJob', undefined]]);
  });

  it('the parsed statements travel on the PowerShell step', () => {
    const t = parseTutorialText('# T\n\n```azurepowershell\nNew-AzResourceGroup -Name myRG `\n  -Location eastus\n```\n', 'p.md');
    const step = t.steps[0]!;
    expect(step.kind === 'shell' && step.language).toBe('powershell');
    expect(step.kind === 'shell' && step.powershell?.[0]?.pipeline[0]?.name).toBe('New-AzResourceGroup');
  });
});

describe('keyword statements', () => {
  it('a condition in parentheses may hold ; and newlines', () => {
    const all = readPowerShellStatements("if ($a -eq 'x;y') { Get-AzVM }\nGet-AzContext");
    expect(all.map((s) => s.keyword ?? s.pipeline[0]!.name)).toEqual(['if', 'Get-AzContext']);
  });
});

describe('documentation placeholders', () => {
  it('reads <placeholder> as part of a word, not as the reserved < operator, and the step lists it', () => {
    const st = readPowerShellCommand('Remove-AzRoleAssignment -SignInName <username@example.com> -Scope "/" -ResourceGroupName <group name>')!;
    expect(st.pipeline[0]!.args.map((a) => a.param ?? a.value?.text)).toEqual(['SignInName', '<username@example.com>', 'Scope', '"/"', 'ResourceGroupName', '<group name>']);
    const t = parseTutorialText('# T\n\n```azurepowershell\nNew-AzStorageAccount -Name "<storage-account>" -ResourceGroupName <resource-group>\n```\n', 'p.md');
    expect(t.steps[0]!.placeholders.length).toBe(2);
  });
});
