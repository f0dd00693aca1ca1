// Issue 16 session 13 (wild-v): defects readers reported on Traffic Manager, DDoS Protection, Virtual WAN and Azure
// Bastion pages (tests/fresh), each held on the real page and kept silent where the same thing is written right on
// a real page.
import { describe, expect, it } from 'vitest';
import { lineOf, readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;

const BASTION_POWERSHELL = 'tests/fresh/articles/bastion/bastion-create-host-powershell.md';
const VWAN_ROUTE_TABLE = 'tests/fresh/articles/virtual-wan/virtual-wan-route-table.md';
const APP_ROLE_POWERSHELL = 'tests/fresh/articles/active-directory/managed-identities-azure-resources/how-to-assign-app-role-managed-identity-powershell.md';

describe('powershell-backtick-space: a backtick followed by blanks ends the statement (sql-docs#9692, PowerShell-Docs#1197)', () => {
  const rule = 'powershell-backtick-space';
  it('bastion-create-host-powershell.md (2023): three lines of the first block end with "` " (an escaped space, not a continuation)', () => {
    const text = read(BASTION_POWERSHELL);
    const hits = found(rule, BASTION_POWERSHELL);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([
      [lineOf(text, 'New-AzResourceGroup -Name TestRG1 -Location EastUS ` '), 'warning'],
      [lineOf(text, '   -AddressPrefix "10.1.0.0/24" ` '), 'warning'],
      [lineOf(text, '   -Subnet $frontendSubnet ` '), 'warning'],
    ]);
    expect(hits[0]?.message).toMatch(/followed by a blank \("`·"\): PowerShell reads it as an escaped space, not as a line continuation, so the statement ends here with an extra " " argument/);
    expect(hits[0]?.suggestion).toBe('   New-AzResourceGroup -Name TestRG1 -Location EastUS `');
  });
  it('silent on the same page\'s lines that end with the backtick itself, and on a real page\'s continued cmdlets', () => {
    const text = read(BASTION_POWERSHELL);
    expect(text).toContain('$virtualNetwork = New-AzVirtualNetwork `\n   -Name TestVNet1 -ResourceGroupName TestRG1 `\n');
    const lines = found(rule, BASTION_POWERSHELL).map((h) => h.line);
    expect(lines).not.toContain(lineOf(text, '$virtualNetwork = New-AzVirtualNetwork `'));
    expect(lines).not.toContain(lineOf(text, 'Add-AzVirtualNetworkSubnetConfig `'));
    expect(read(APP_ROLE_POWERSHELL)).toMatch(/ `\n\s+-/);
    expect(found(rule, APP_ROLE_POWERSHELL)).toEqual([]);
  });
  it('silent where the backtick and blank are text: inside a double-quoted string, a here-string, a comment, or an escaped backtick', () => {
    const text = [
      '```azurepowershell',
      '$a = "one ` ',
      'two"',
      "$b = @\"",
      'text ` ',
      '"@',
      'Get-AzContext # see ` ',
      'Write-Output a`` ',
      '```',
      '',
    ].join('\n');
    expect(found(rule, 'inline.md', text)).toEqual([]);
  });
});

describe('powershell-unknown-parameter on the Virtual WAN cmdlets (the table now reads their Az 16.2.0 help)', () => {
  const rule = 'powershell-unknown-parameter';
  it('virtual-wan-route-table.md (2019): Update-AzVirtualHub -VirtualWanId (azure-docs#45492: "A parameter cannot be found that matches parameter name \'VirtualWanId\'.")', () => {
    const text = read(VWAN_ROUTE_TABLE);
    const hits = found(rule, VWAN_ROUTE_TABLE);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineOf(text, 'Update-AzVirtualHub -VirtualWanId'), 'error']]);
    expect(hits[0]?.message).toMatch(/Update-AzVirtualHub has no parameter -VirtualWanId: PowerShell stops with "A parameter cannot be found that matches parameter name 'VirtualWanId'\."/);
  });
  it('silent on the same page\'s -VirtualHubName, an alias of New-AzVirtualHubVnetConnection\'s -ParentResourceName (azure-docs#65789), and on -VirtualWan of New-AzVirtualHub', () => {
    const text = read(VWAN_ROUTE_TABLE);
    const lines = found(rule, VWAN_ROUTE_TABLE).map((h) => h.line);
    expect(lines).not.toContain(lineOf(text, 'New-AzVirtualHubVnetConnection -ResourceGroupName "testRG" -VirtualHubName'));
    expect(lines).not.toContain(lineOf(text, 'New-AzVirtualHub -VirtualWan $virtualWan'));
  });
});
