// A private DNS zone name that cannot resolve the private endpoint the page creates. Azure publishes
// <name>.<service domain> as a CNAME to <name>.privatelink.<service domain> once the resource has a
// private endpoint, so a client in the linked network only gets the private address from a zone of
// exactly that name: Learn "Azure Private Endpoint DNS configuration" lists it per resource type and
// sub-resource (MySQL single server mysqlServer: privatelink.mysql.database.azure.com). A zone of
// another name is created and linked without a word, and the name keeps resolving to the public
// address (the MySQL private link CLI page used privatelink.database.azure.com; a contributor fixed the
// same zone name on its PostgreSQL sibling, MicrosoftDocs/azure-docs#52104).
// Data: src/reference/private-dns-zones.json (scripts/generate-private-dns-zones.ts).
import type { Rule, RuleHit } from '../rule.ts';
import { closestZones, documentedZone, rowsFor, zoneMatches, zoneTableSource, type ZoneRow } from '../private-dns-zones.ts';
import { readPrivateDns, type EndpointRead, type ZoneRead } from '../private-dns-reader.ts';

/** A name Azure's CNAME chain could point into: a `privatelink` label (privatelink.x, {region}.privatelink.x). */
const PRIVATELINK = /(^|\.)privatelink\./;

function rowText(rows: readonly ZoneRow[]): string {
  return rows.map((r) => `${r.service} / ${r.groupIds.join(', ')}`).join('; ');
}

function where(z: ZoneRead): string {
  return z.variable ? ` (the value of $${z.variable.name}, line ${z.variable.line})` : '';
}

export const privateDnsZoneName: Rule = {
  id: 'private-dns-zone-name',
  name: 'PrivateDnsZoneName',
  severity: 'warning',
  shortDescription: 'A private DNS zone whose name is not the one Azure documents for the private endpoint\'s sub-resource (or no documented privatelink zone at all): the endpoint\'s name never resolves to its private address.',
  fullDescription:
    'Once a resource has a private endpoint, Azure answers its public name (<name>.mysql.database.azure.com) with a CNAME to <name>.privatelink.mysql.database.azure.com; a client in a linked virtual network gets the private address only from a private DNS zone of exactly that name. Learn "Azure Private Endpoint DNS configuration" (MicrosoftDocs/azure-docs articles/private-link/private-endpoint-dns.md, table "Azure services DNS zone configuration") lists the zone for each resource type and sub-resource (group id): sqlServer privatelink.database.windows.net, blob privatelink.blob.core.windows.net, vault privatelink.vaultcore.azure.net, mysqlServer privatelink.mysql.database.azure.com…, and says "Private endpoint private DNS zone configurations will only automatically generate if you use the recommended naming scheme". A zone of another name is created, linked and filled without any error, and the name keeps resolving to the public address (the connection then goes over the public endpoint, or fails when public access is off). Pages get it wrong: the MySQL private link CLI page created privatelink.database.azure.com for a mysqlServer endpoint, and a contributor fixed the zone name on its PostgreSQL sibling (MicrosoftDocs/azure-docs#52104). The rule reads the endpoints a page creates (az network private-endpoint create --group-id and --private-connection-resource-id, New-AzPrivateLinkServiceConnection -GroupId, template groupIds) and the zones it creates or links (az network private-dns zone create --name, az network private-dns link vnet create --zone-name, az network private-endpoint dns-zone-group create --private-dns-zone, New-AzPrivateDnsZone -Name, New-AzPrivateDnsVirtualNetworkLink -ZoneName, ARM/Bicep Microsoft.Network/privateDnsZones and Terraform azurerm_private_dns_zone names), each value as written or from the one literal the page assigns to its variable. It reports a privatelink zone that is not the documented zone of the page\'s endpoints (when every endpoint\'s sub-resource is read), a documented zone of another service attached to an endpoint by a dns-zone-group, and a privatelink zone that no row documents while a documented one is a close match. Custom zones without a privatelink label, zones of other clouds, and pages whose endpoints are computed are not judged. Data: src/reference/private-dns-zones.json, generated from that page (Azure commercial cloud).',
  help: 'Name the zone exactly as the "Azure services DNS zone configuration" table says for the endpoint\'s sub-resource (for example privatelink.mysql.database.azure.com for mysqlServer, privatelink.blob.core.windows.net for blob), in the zone create, the virtual network link, the dns-zone-group and the record commands alike.',
  check(doc) {
    const { endpoints, zones } = readPrivateDns(doc);
    if (zones.length === 0) return [];
    const hits: RuleHit[] = [];
    const rowsOf = (e: EndpointRead): ZoneRow[] => (e.groupId ? rowsFor(e.groupId, e.resourceType) : []);
    // The page's endpoints, all read and all in the table: the zones they need.
    const known = endpoints.length > 0 && endpoints.every((e) => rowsOf(e).length > 0);
    const expected = known ? [...new Set(endpoints.flatMap(rowsOf))] : [];
    const seen = new Set<string>();
    for (const z of zones) {
      if (seen.has(z.name)) continue; // one finding a zone, where the page first names it
      if (!PRIVATELINK.test(z.name)) continue;
      const tied = z.endpointName ? endpoints.find((e) => e.name === z.endpointName && rowsOf(e).length > 0) : undefined;
      const needs = tied ? rowsOf(tied) : expected;
      const documented = documentedZone(z.name);
      const fits = needs.some((r) => r.zones.some((zone) => zoneMatches(zone, z.name)));
      let message: string | undefined;
      let suggestion: string | undefined;
      if (needs.length > 0 && !fits && (!documented || tied)) {
        const names = [...new Set(needs.flatMap((r) => r.zones))];
        const endpoint = tied ?? endpoints[0]!;
        suggestion = names.length === 1 && !names[0]!.includes('{') ? names[0] : closestZones(z.name, names)[0];
        message = `${z.via} ${z.name}${where(z)}: the private endpoint of line ${endpoint.line} connects to ${rowText(needs)}, whose private DNS zone is ${names.join(' or ')} (${zoneTableSource()}). Azure answers the resource's public name with a CNAME to <name>.${names[0]}, which a zone named ${z.name} never answers, so clients keep resolving the public address. Name the zone ${names.join(' / ')}.`;
      } else if (!documented && !fits) {
        const close = closestZones(z.name);
        if (close.length === 0) continue; // a zone the table does not cover (another cloud, a newer service): not judged
        suggestion = close[0];
        message = `${z.via} ${z.name}${where(z)}: no private endpoint resolves through a zone of that name — it is not one of the private DNS zones Azure documents for private endpoints (${zoneTableSource()}), so Azure's CNAME never points into it and the name keeps resolving to the public address. Did you mean ${close.join(' or ')}?`;
      }
      if (!message) continue;
      seen.add(z.name);
      hits.push({ line: z.line, column: z.column, ...(z.stepId ? { stepId: z.stepId } : {}), message, ...(suggestion ? { suggestion } : {}) });
    }
    return hits;
  },
};
