// Issue 16 session 15 (wild-net): defects readers reported on Route Server, Front Door and Virtual Network Manager
// pages (tests/fresh), each held on the real page and kept silent where the same cmdlets are written right.
import { describe, expect, it } from 'vitest';
import { lineOf, readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;

const ROUTE_SERVER_POWERSHELL = 'tests/fresh/articles/route-server/quickstart-configure-route-server-powershell.md';
const FRONT_DOOR_IP_RESTRICTION = 'tests/fresh/articles/frontdoor/waf-front-door-configure-ip-restriction.md';
const CLOUD_SHELL_CONNECT = 'tests/fresh/includes/expressroute-cloud-shell-connect.md';

describe('powershell-missing-mandatory: a cmdlet run bare although every parameter set has mandatory parameters (azure-docs#72179)', () => {
  const rule = 'powershell-missing-mandatory';
  it('quickstart-configure-route-server-powershell.md (April 2021): the Troubleshooting block runs the two route cmdlets with no parameter', () => {
    const text = read(ROUTE_SERVER_POWERSHELL);
    const hits = found(rule, ROUTE_SERVER_POWERSHELL);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([
      [lineOf(text, 'Get-AzRouteServerPeerAdvertisedRoute'), 'warning'],
      [lineOf(text, 'Get-AzRouteServerPeerLearnedRoute'), 'warning'],
    ]);
    expect(hits[0]?.message).toMatch(/Get-AzRouteServerPeerAdvertisedRoute is run without any parameter.*"Cannot process command because of one or more missing mandatory parameters: ResourceGroupName RouteServerName PeerName\."/);
  });
  it('silent on the same page\'s Route Server cmdlets that name their mandatory parameters, and on a bare cmdlet with a set free of them (Get-AzSubscription)', () => {
    const text = read(ROUTE_SERVER_POWERSHELL);
    expect(text).toContain('Remove-AzRouteServer -RouteServerName myRouteServer -ResourceGroupName RouteServerRG');
    const lines = found(rule, ROUTE_SERVER_POWERSHELL).map((h) => h.line);
    expect(lines).not.toContain(lineOf(text, 'Remove-AzRouteServer -RouteServerName'));
    expect(lines).not.toContain(lineOf(text, 'Remove-AzRouteServerPeer -PeerName'));
    expect(lines).not.toContain(lineOf(text, 'Add-AzRouteServerPeer -PeerName "myNVA"'));
    expect(read(CLOUD_SHELL_CONNECT)).toContain('\nGet-AzSubscription\n');
    expect(found(rule, CLOUD_SHELL_CONNECT)).toEqual([]);
  });
  it('silent on a cmdlet fed by a pipeline, given by position or splatted, and on one nested in ( )', () => {
    const text = [
      '```azurepowershell',
      '$rs | Get-AzRouteServerPeerLearnedRoute',
      'Get-AzRouteServerPeerLearnedRoute myRouteServerRG myRouteServer myNVA',
      'Get-AzRouteServerPeerAdvertisedRoute @remotepeer',
      '$n = (Get-AzRouteServerPeerLearnedRoute).Count',
      '```',
      '',
    ].join('\n');
    expect(found(rule, 'inline.md', text)).toEqual([]);
  });
});

describe('powershell-unknown-parameter on the Route Server and Front Door cmdlets (the table now reads their Az 16.2.0 help)', () => {
  const rule = 'powershell-unknown-parameter';
  it('route server quickstart: Get-AzRouteServer -RouterServerName (a typo of -RouteServerName)', () => {
    const text = read(ROUTE_SERVER_POWERSHELL);
    const hits = found(rule, ROUTE_SERVER_POWERSHELL);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineOf(text, 'Get-AzRouteServer -RouterServerName'), 'error']]);
    expect(hits[0]?.message).toMatch(/Get-AzRouteServer has no parameter -RouterServerName: PowerShell stops with "A parameter cannot be found that matches parameter name 'RouterServerName'\." before the cmdlet runs\. Did you mean -RouteServerName/);
  });
  it('Front Door IP restriction (2019): Set-AzFrontDoor -InputObject, which today\'s Set-AzFrontDoor lacks; silent on Get-AzFrontDoor -ResourceGroupName -Name', () => {
    const text = read(FRONT_DOOR_IP_RESTRICTION);
    const hits = found(rule, FRONT_DOOR_IP_RESTRICTION);
    expect(hits.map((h) => h.line)).toEqual([lineOf(text, 'Set-AzFrontDoor -InputObject')]);
  });
});
