// missed defect: container-apps/get-started.md (tests/fresh) has a PowerShell tab using
// $ResourceGroupName and $ContainerAppsEnvironment while its include's PowerShell tab assigns
// $RESOURCE_GROUP and $CONTAINERAPPS_ENVIRONMENT, and reads $CmdArgs.Name before $CmdArgs is assigned.
// PowerShell expands an unassigned variable to $null without complaint (about_Variables).
// shell-unassigned-variable read bash only; it now reads PowerShell blocks too, names without case.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { lintTutorial } from '../../src/lint/index.ts';
import { parseTutorialFile } from '../../src/parse/index.ts';
import { readPowerShellLine } from '../../src/lint/powershell-variables.ts';

const root = join(import.meta.dirname, '..', '..');
const found = (text: string, page = 'p.md') => lintText(text, 'docfx', page).filter((f) => f.rule === 'shell-unassigned-variable');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const ps = (...lines: string[]) => ['# T', '', '```azurepowershell', ...lines, '```', ''].join('\n');

describe('shell-unassigned-variable in PowerShell blocks', () => {
  it('container-apps/get-started.md: $ResourceGroupName and $ContainerAppsEnvironment never assigned, $CmdArgs only further down', () => {
    const p = 'tests/fresh/articles/container-apps/get-started.md';
    // parsed as the run parses it: the include (its PowerShell tab assigns $RESOURCE_GROUP, $LOCATION…) resolved from docfx.json
    const all = lintTutorial(parseTutorialFile(join(root, p)), { text: read(p) });
    const f = all.filter((x) => x.rule === 'shell-unassigned-variable' && /PowerShell/.test(x.message));
    // the two the include assigns under another spelling ($RESOURCE_GROUP…) are powershell-variable-two-names' (session 7)
    expect(all.filter((x) => x.rule === 'powershell-variable-two-names').map((x) => [x.line, x.column])).toEqual([[46, 25], [60, 15]]);
    expect(f.map((x) => [x.line, x.column])).toEqual([[52, 96]]);
    expect(f[0]?.message).toMatch(/\$CmdArgs is used here, but the first PowerShell line that assigns it is line 105, further down/);
    // $Location is assigned: the include's $LOCATION = "canadacentral" (PowerShell names have no case)
    expect(f.some((x) => /\$Location\b/.test(x.message))).toBe(false);
  });
  it('a positive fixture: used, never assigned; used before its assignment', () => {
    expect(found(ps('$rg = "my-group"', 'Get-AzResourceGroup -Name $GroupToShow')).map((x) => x.line)).toEqual([5]);
    expect(found(ps('$rg = "my-group"', 'Get-AzResourceGroup -Name $ResourceGroup'))).toEqual([]); // $rg's twin: powershell-variable-two-names
    expect(found(ps('Get-AzResourceGroup -Name $rg', '$rg = "my-group"'))[0]?.message).toMatch(/first PowerShell line that assigns it is line 5, further down/);
  });
  it('silent on automatic variables, env, scopes, single quotes, comments, escapes, loops, params, -OutVariable, and what the prose gives', () => {
    const text = ps(
      '$rg = "my-group"',
      '[string]$loc = "eastus"',
      'Get-AzResourceGroup | ForEach-Object { $_.ResourceGroupName; $PSItem } | Where-Object { $true -and $null -eq $false }',
      'Write-Output $env:HOME $PSScriptRoot $HOME $LASTEXITCODE $Error $args',
      "Write-Output '$notAVariable' \"`$escaped\" # $comment",
      '<# $blockComment #>',
      'foreach ($g in Get-AzResourceGroup) { $g.Location }',
      'function Show-It($first) { param($second) $first; $second }',
      'Get-AzContext -OutVariable ctx; $ctx',
      '$global:scoped = 1; $scoped; ${rg}; "$loc/$rg"',
      "$here = @'",
      '$insideHere',
      "'@",
      'Write-Output $Subscription',
    );
    expect(found(text)).toHaveLength(1);
    expect(found(text.replace('# T', '# T\n\nSet $Subscription to your subscription ID.'))).toEqual([]);
  });
  it('silent on real pages whose PowerShell assigns what it uses', () => {
    for (const p of ['tests/corpus/articles/storage/common/storage-account-keys-manage.md', 'tests/fresh/articles/governance/resource-graph/first-query-rest-api.md', 'tests/fresh/articles/aks/learn/quick-kubernetes-deploy-powershell.md', 'tests/corpus/articles/key-vault/secrets/multiline-secrets.md']) {
      expect(found(read(p), p).filter((x) => /PowerShell/.test(x.message)), p).toEqual([]);
    }
  });
  it('reads a line as PowerShell does', () => {
    expect(readPowerShellLine('$a, $b = 1, 2 # $c', { inBlockComment: false, hereString: undefined })).toEqual({ uses: [{ name: 'a', written: '$a', offset: 0 }, { name: 'b', written: '$b', offset: 4 }], assigns: ['a', 'b'] });
  });
});
