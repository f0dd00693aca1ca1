// Issue 16 session 9 (specs2): the specs vendored for AKS, Network, ACR, Redis, Container Apps, Event Hubs
// and Batch (vendor/specs/README.md), and the Provider model already there, let az-query-path and
// az-output-schema judge what those az commands print. Each command prints its model as az shapes it:
// the SDK model (aks, acr, redis, batch account, provider), an AAZ command's output (network, eventhubs:
// flattened, REST names) or the REST answer itself (containerapp). Held silent on the real pages of
// tests/fresh that query these commands correctly, and made to speak on one-line breaks of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { azPrintedResource } from '../../src/reference/az-resource-output.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const RULES = new Set(['az-query-path', 'az-output-schema']);
const found = (file: string, text = read(file)) => lintText(text, 'docfx', file).filter((f) => RULES.has(f.rule));
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
/** The page with the one line holding `find` changed by `replace`, failing when there is no such line. */
function broken(file: string, find: string, replace: (l: string) => string): { text: string; line: number } {
  const text = read(file);
  const line = lineWith(text, find);
  expect(line).toBeGreaterThan(0);
  const lines = text.split('\n');
  lines[line - 1] = replace(lines[line - 1] as string);
  return { text: lines.join('\n'), line };
}

const AKS_QUICK = 'tests/fresh/articles/aks/learn/quick-kubernetes-deploy-cli.md';
const VIRTUAL_NODES = 'tests/fresh/articles/aks/virtual-nodes-cli.md';
const EGRESS = 'tests/fresh/articles/aks/limit-egress-traffic.md';
const KUBENET = 'tests/fresh/articles/aks/configure-kubenet.md';
const ACR_CACHE = 'tests/fresh/articles/container-registry/artifact-cache-acr-to-acr-cli.md';
const ACR_QUICK = 'tests/fresh/articles/container-registry/container-registry-get-started-azure-cli.md';
const MICROSERVICES = 'tests/fresh/articles/container-apps/communicate-between-microservices.md';
const REDIS = 'tests/fresh/articles/azure-cache-for-redis/scripts/create-manage-cache.md';

describe('what the newly vendored specs say az prints', () => {
  it('each command is judged by its own model, shaped as az shapes it', () => {
    const shapes: [string, string, string][] = [
      ['provider show', 'Providers_Get', 'sdk'],
      ['aks show', 'ManagedClusters_CreateOrUpdate', 'sdk'],
      ['acr list', 'Registries_Create', 'sdk'],
      ['redis show', 'Redis_Create', 'sdk'],
      ['batch account show', 'BatchAccount_Create', 'sdk'],
      ['network vnet show', 'VirtualNetworks_CreateOrUpdate', 'aaz'],
      ['network vnet subnet show', 'Subnets_CreateOrUpdate', 'aaz'],
      ['network public-ip show', 'PublicIPAddresses_CreateOrUpdate', 'aaz'],
      ['eventhubs namespace show', 'Namespaces_CreateOrUpdate', 'aaz'],
      ['eventhubs eventhub show', 'EventHubs_CreateOrUpdate', 'aaz'],
      ['network nsg list', 'NetworkSecurityGroups_CreateOrUpdate', 'aaz'],
      ['network application-gateway show', 'ApplicationGateways_CreateOrUpdate', 'aaz'],
      ['network lb show', 'LoadBalancers_CreateOrUpdate', 'aaz'],
      ['network private-endpoint show', 'PrivateEndpoints_CreateOrUpdate', 'aaz'],
      ['network nic show', 'NetworkInterfaces_CreateOrUpdate', 'aaz'],
      ['network route-table show', 'RouteTables_CreateOrUpdate', 'aaz'],
      ['network profile list', 'NetworkProfiles_CreateOrUpdate', 'aaz'],
      ['network nat gateway show', 'NatGateways_CreateOrUpdate', 'aaz'],
      ['network asg show', 'ApplicationSecurityGroups_CreateOrUpdate', 'aaz'],
      ['containerapp env show', 'ManagedEnvironments_CreateOrUpdate', 'rest'],
      ['containerapp show', 'ContainerApps_CreateOrUpdate', 'rest'],
      ['containerapp create', 'ContainerApps_CreateOrUpdate', 'rest'],
    ];
    for (const [path, operationId, shape] of shapes) {
      const p = azPrintedResource(path.split(' '));
      expect([path, p?.operation.operationId, p?.shape]).toEqual([path, operationId, shape]);
    }
    // AAZ keeps the REST name (publicIPAllocationMethod); the SDK-era spelling is known, so never "unknown".
    const ip = azPrintedResource(['network', 'public-ip', 'show']);
    expect(Object.keys(ip?.item.properties ?? {})).toEqual(expect.arrayContaining(['publicIPAllocationMethod', 'ipAddress', 'resourceGroup']));
    expect(ip?.view.known.has('publicIpAllocationMethod')).toBe(true);
    // The SDK renames (osDiskSizeGB → osDiskSizeGb) and flattens; the REST answer of a container app keeps "properties".
    expect(Object.keys(azPrintedResource(['aks', 'show'])?.item.properties ?? {})).toEqual(expect.arrayContaining(['oidcIssuerProfile', 'nodeResourceGroup', 'enableRbac']));
    expect(Object.keys(azPrintedResource(['containerapp', 'show'])?.item.properties ?? {})).toEqual(expect.arrayContaining(['properties', 'resourceGroup']));
    // A network create wraps the resource ({"newVNet": …}); it is not modelled.
    expect(azPrintedResource(['network', 'vnet', 'create'])).toBeUndefined();
  });
});

describe('az-query-path on the pages of tests/fresh that query these commands', () => {
  it('silent where the query is right (provider, aks, network, acr, containerapp, redis)', () => {
    const pages: [string, string][] = [
      [AKS_QUICK, '--query registrationState'],
      [AKS_QUICK, '--query provisioningState'],
      [VIRTUAL_NODES, '--query nodeResourceGroup'],
      [VIRTUAL_NODES, 'az network vnet subnet show'],
      [EGRESS, '--query "ipAddress"'],
      [EGRESS, 'az network route-table show -g $RG -n $FWROUTE_TABLE_NAME --query id'],
      [VIRTUAL_NODES, 'az network profile list --resource-group $NODE_RES_GROUP --query [0].id'],
      [KUBENET, 'az network vnet show'],
      [ACR_CACHE, "--query 'id'"],
      [ACR_QUICK, '--query "[].{acrLoginServer:loginServer}"'],
      [MICROSERVICES, '--query properties.configuration.ingress.fqdn'],
      [REDIS, '--query [hostName,enableNonSslPort,port,sslPort]'],
    ];
    for (const [file, needle] of pages) {
      expect([file, read(file).includes(needle)]).toEqual([file, true]);
      expect([file, found(file)]).toEqual([file, []]);
    }
  });
  it('a key in another case: az provider show --query RegistrationState', () => {
    const { text, line } = broken(AKS_QUICK, '--query registrationState', (l) => l.replace('registrationState', 'RegistrationState'));
    const hits = found('provider.md', text);
    expect(hits.map((h) => [h.rule, h.line])).toEqual([['az-query-path', line]]);
    expect(hits[0]?.message).toMatch(/az prints `registrationState`.*Providers_Get.*resources\.json/);
  });
  it('a one-typo AKS key: nodeResourceGroupe', () => {
    const { text, line } = broken(VIRTUAL_NODES, '--query nodeResourceGroup', (l) => l.replace('nodeResourceGroup', 'nodeResourceGroupe'));
    expect(found('aks.md', text).map((h) => [h.rule, h.line, h.suggestion])).toEqual([['az-query-path', line, 'nodeResourceGroup']]);
  });
  it('the REST spelling (issuerURL) where the SDK prints issuerUrl is not judged: a name some spelling knows is never reported', () => {
    const { text } = broken(VIRTUAL_NODES, '--query nodeResourceGroup', (l) => l.replace('nodeResourceGroup', 'oidcIssuerProfile.issuerURL'));
    expect(found('aks.md', text)).toEqual([]);
  });
  it('the REST path through "properties" for a network resource az flattens (AAZ)', () => {
    const { text, line } = broken(EGRESS, '--query "ipAddress"', (l) => l.replace('"ipAddress"', '"properties.ipAddress"'));
    const hits = found('pip.md', text);
    expect(hits.map((h) => [h.rule, h.line])).toEqual([['az-query-path', line]]);
    expect(hits[0]?.message).toMatch(/no `properties` in what it prints.*AAZ command/);
  });
  it('configuration.ingress.fqdn without "properties." (the Microsoft.Web preview extension\'s flattened shape; jeffhollan/PartsUnlimited deploy/container-apps/deploy.sh)', () => {
    const { text, line } = broken(MICROSERVICES, '--query properties.configuration.ingress.fqdn', (l) => l.replace('properties.configuration', 'configuration'));
    const hits = found('ca.md', text);
    expect(hits.map((h) => [h.rule, h.line, h.suggestion])).toEqual([['az-query-path', line, 'properties.configuration']]);
    expect(hits[0]?.message).toMatch(/under "properties".*as the service returns it/);
  });
  it('a key of a Redis cache in another case: sslport', () => {
    const { text, line } = broken(REDIS, '[hostName,enableNonSslPort,port,sslPort]', (l) => l.replace('sslPort]', 'sslport]'));
    expect(found('redis.md', text).map((h) => [h.rule, h.line, h.suggestion])).toEqual([['az-query-path', line, 'sslPort']]);
  });
});
