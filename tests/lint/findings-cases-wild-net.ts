// Positive cases of issue 16 session 15's wild-net work (Front Door, Virtual Network Manager, Route Server…),
// appended to rules.test.ts's table: a one-line break of the clean fixture. Real pages, positive and negative:
// wild-net-rules.test.ts.
const FIND = 'This page is a test fixture: lint must report nothing here.';
const block = (info: string, ...lines: string[]) => () => ['```' + info, ...lines, '```'].join('\n');
const w = 'warning' as const;

export const wildNetCases = {
  'powershell-missing-mandatory': [
    { name: 'Get-AzRouteServerPeerLearnedRoute with no parameter (azure-docs#72179)', find: FIND, replace: block('azurepowershell-interactive', 'Get-AzRouteServerPeerLearnedRoute'), offset: 1, message: /Get-AzRouteServerPeerLearnedRoute is run without any parameter, but each of its parameter sets has mandatory ones \(RouteServerNPeerNameParameterSet: -ResourceGroupName, -RouteServerName, -PeerName\).*"Cannot process command because of one or more missing mandatory parameters: ResourceGroupName RouteServerName PeerName\."/, severity: w },
  ],
};
