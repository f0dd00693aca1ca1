// IMDS instance metadata (/metadata/instance[/compute|/network[/…]]), the other IMDS category the
// design lists. Shape from the IMDS spec (2018-02-01 Instance: compute + network, all strings);
// fields newer api-versions added appear from the version that introduced them. Leaf values are
// plain text ("response filtering"); `format=json` on a leaf is refused — the exact error text for
// that case is not documented, so the answer uses the documented `{"error": "<text>"}` shape.
import { createHash } from 'node:crypto';
import type { EmulatorRequest, EmulatorResponse, ServiceContext } from '../types.ts';
import { vmMiResourceId } from '../state.ts';
import { jsonResponse, queryPairs, queryValue } from '../respond.ts';

type Node = string | Node[] | { [key: string]: Node };

function guidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function instanceDocument(ctx: ServiceContext, apiVersion: string): { [key: string]: Node } {
  const { vm, subscriptionId } = ctx.state.data;
  const since = (v: string): boolean => apiVersion >= v;
  const compute: { [key: string]: Node } = {
    ...(since('2018-10-01') ? { azEnvironment: 'AzurePublicCloud' } : {}),
    location: vm.location,
    name: vm.name,
    offer: '0001-com-ubuntu-server-jammy',
    osType: 'Linux',
    placementGroupId: '',
    platformFaultDomain: '0',
    platformUpdateDomain: '0',
    publisher: 'Canonical',
    resourceGroupName: vm.resourceGroup,
    // The VM's id with ARM's casing (IMDS writes resourceGroups), unlike the token's xms_mirid.
    ...(since('2019-03-11') ? { resourceId: vmMiResourceId(ctx.state).replace('/resourcegroups/', '/resourceGroups/') } : {}),
    sku: '22_04-lts-gen2',
    subscriptionId,
    tags: '',
    version: '22.04.202611010',
    vmId: guidFrom(`${subscriptionId}/${vm.resourceGroup}/${vm.name}`),
    vmScaleSetName: '',
    vmSize: 'Standard_B1s',
    zone: '',
  };
  const network: { [key: string]: Node } = {
    interface: [
      {
        ipv4: { ipAddress: [{ privateIpAddress: '10.0.0.4', publicIpAddress: '' }], subnet: [{ address: '10.0.0.0', prefix: '24' }] },
        ipv6: { ipAddress: [] },
        macAddress: createHash('sha256').update(vm.name).digest('hex').slice(0, 12).toUpperCase(),
      },
    ],
  };
  return { compute, network };
}

/** Answer /metadata/instance…; security headers and api-version were checked by the caller. */
export function instanceMetadata(req: EmulatorRequest, ctx: ServiceContext, apiVersion: string, error: (status: number, text: string) => EmulatorResponse): EmulatorResponse {
  const path = req.url.pathname.replace(/\/+$/, '').split('/').filter(Boolean).slice(2); // after metadata/instance
  let node: Node = instanceDocument(ctx, apiVersion);
  for (const seg of path) {
    const next: Node | undefined = Array.isArray(node) ? node[Number(seg)] : typeof node === 'object' ? node[seg] : undefined;
    if (next === undefined || !/^\w+$/.test(seg)) return error(404, 'Not found');
    node = next;
  }
  const format = queryValue(queryPairs(req.rawTarget), 'format');
  if (typeof node === 'string') {
    if (format === 'json') return error(400, 'Bad request. Leaf nodes are only returned as text: use format=text');
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: node };
  }
  if (format !== undefined && format !== 'json') return error(400, `Bad request. format=${format} is only supported for leaf nodes`);
  return jsonResponse(200, node);
}
