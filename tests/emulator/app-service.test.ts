// Microsoft.Web through the emulator, over sockets: App Service plans and sites (web and function
// apps) with their app settings, as az webapp/functionapp call them. The emulator used to answer the
// whole namespace "not emulated", so every App Service and Functions step of a page was unsupported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Dispatcher } from 'undici';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';
import { API_VERSIONS } from '../../src/emulator/services/arm/api-versions.ts';
import { readFileSync } from 'node:fs';

let emu: EmulatorHandle;
let agent: Dispatcher;
let sub: string;
let token: string;
let readerToken: string;

const ARM = 'https://management.azure.com';
const V = 'api-version=2024-04-01';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: Record<string, unknown>;
}

async function call(method: Dispatcher.HttpMethod, path: string, body?: unknown, bearer = token): Promise<Answer> {
  const res = await request(`${ARM}${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', ...(body === undefined && method !== 'GET' ? { 'content-length': '0' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    dispatcher: agent,
  });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

const group = (name: string) => `/subscriptions/${sub}/resourceGroups/${name}`;
const plan = (rg: string, name: string) => `${group(rg)}/providers/Microsoft.Web/serverfarms/${name}`;
const site = (rg: string, name: string) => `${group(rg)}/providers/Microsoft.Web/sites/${name}`;

beforeAll(async () => {
  emu = await startEmulator();
  agent = createEmulatorDispatcher(emu);
  sub = emu.values.SUBSCRIPTION_ID!;
  const cli = emu.scenario.principals.find((p) => p.principalId === emu.scenario.cliPrincipal)!;
  token = (await emu.tokens.issue({ principalId: cli.principalId, clientId: cli.clientId, resource: 'https://management.azure.com/', idtyp: 'user' })).token;
  // The VM's identity holds no role on these groups.
  const vm = emu.scenario.vm.systemAssigned!;
  readerToken = (await emu.tokens.issue({ principalId: vm.principalId, clientId: vm.clientId, resource: 'https://management.azure.com/' })).token;
  for (const rg of ['web-one', 'web-two']) expect((await call('PUT', `${group(rg)}?api-version=2021-04-01`, { location: 'westeurope' })).status).toBe(201);
});
afterAll(async () => {
  await agent.close();
  await emu.close();
});

describe('App Service plans', () => {
  it('serves the Microsoft.Web stable versions the generated api-version table lists, no more, no fewer', () => {
    const table = JSON.parse(readFileSync(new URL('../../src/reference/api-versions.json', import.meta.url), 'utf8')) as { namespaces: Record<string, { stable: string[] }> };
    const listed = table.namespaces['Microsoft.Web']!.stable;
    expect([...API_VERSIONS.webSites.versions].sort()).toEqual([...listed].sort());
    expect(API_VERSIONS.webServerFarms.versions).toEqual(API_VERSIONS.webSites.versions);
  });

  it('PUT creates the plan with its SKU tier and family; GET and the group list return it', async () => {
    const put = await call('PUT', `${plan('web-one', 'plan-one')}?${V}`, { location: 'westeurope', kind: 'linux', sku: { name: 'B1' }, properties: { reserved: true } });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ name: 'plan-one', type: 'Microsoft.Web/serverfarms', location: 'West Europe', sku: { name: 'B1', tier: 'Basic', family: 'B', capacity: 1 }, properties: { reserved: true, numberOfSites: 0, provisioningState: 'Succeeded' } });
    const got = await call('GET', `${plan('web-one', 'plan-one')}?${V}`);
    expect(got.status).toBe(200);
    const listed = await call('GET', `${group('web-one')}/providers/Microsoft.Web/serverfarms?${V}`);
    expect((listed.json.value as { name: string }[]).map((p) => p.name)).toEqual(['plan-one']);
    const consumption = await call('PUT', `${plan('web-one', 'WestEuropePlan')}?${V}`, { location: 'westeurope', sku: { name: 'Y1', tier: 'Dynamic' } });
    expect(consumption.json).toMatchObject({ sku: { name: 'Y1', tier: 'Dynamic', family: 'Y' } });
  });

  it('a plan that does not exist: ARM 404 ResourceNotFound; an unknown api-version: NoRegisteredProviderFound', async () => {
    const missing = await call('GET', `${plan('web-one', 'nope')}?${V}`);
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatchObject({ code: 'ResourceNotFound' });
    const old = await call('GET', `${plan('web-one', 'plan-one')}?api-version=2014-01-01`);
    expect(old.status).toBe(400);
    expect(old.json.error).toMatchObject({ code: 'NoRegisteredProviderFound' });
  });
});

describe('sites', () => {
  it('PUT creates a web app on the plan: host names, default host name, state Running; the plan counts it', async () => {
    const put = await call('PUT', `${site('web-one', 'contoso-web-1')}?${V}`, { location: 'westeurope', kind: 'app,linux', properties: { serverFarmId: plan('web-one', 'plan-one'), siteConfig: { appSettings: [{ name: 'A', value: '1' }] } } });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({
      name: 'contoso-web-1',
      type: 'Microsoft.Web/sites',
      kind: 'app,linux',
      properties: { state: 'Running', defaultHostName: 'contoso-web-1.azurewebsites.net', hostNames: ['contoso-web-1.azurewebsites.net'], serverFarmId: plan('web-one', 'plan-one'), reserved: true, resourceGroup: 'web-one' },
    });
    const farm = await call('GET', `${plan('web-one', 'plan-one')}?${V}`);
    expect(farm.json).toMatchObject({ properties: { numberOfSites: 1 } });
    const got = await call('GET', `${site('web-one', 'contoso-web-1')}?${V}`);
    expect(got.json).toMatchObject({ properties: { siteConfig: null, state: 'Running' } });
  });

  it('a name held anywhere: the RP\'s 409 Conflict "Website with given name … already exists." in its own envelope', async () => {
    expect((await call('PUT', `${plan('web-two', 'plan-two')}?${V}`, { location: 'westeurope', sku: { name: 'S1' } })).status).toBe(200);
    const taken = await call('PUT', `${site('web-two', 'CONTOSO-web-1')}?${V}`, { location: 'westeurope', kind: 'app', properties: { serverFarmId: plan('web-two', 'plan-two') } });
    expect(taken.status).toBe(409);
    expect(taken.json).toMatchObject({ Code: 'Conflict', Message: 'Website with given name CONTOSO-web-1 already exists.', Target: null });
    expect(taken.headers['x-ms-failure-cause']).toBeUndefined();
    const check = await call('POST', `/subscriptions/${sub}/providers/Microsoft.Web/checknameavailability?${V}`, { name: 'contoso-web-1', type: 'Site' });
    expect(check.json).toEqual({ nameAvailable: false, reason: 'AlreadyExists' });
    const free = await call('POST', `/subscriptions/${sub}/providers/Microsoft.Web/checknameavailability?${V}`, { name: 'contoso-web-2', type: 'Microsoft.Web/sites' });
    expect(free.json).toEqual({ nameAvailable: true });
  });

  it('a serverFarmId naming no plan: 404 NotFound "Cannot find ServerFarm with name …."', async () => {
    const r = await call('PUT', `${site('web-two', 'contoso-web-3')}?${V}`, { location: 'westeurope', kind: 'app', properties: { serverFarmId: plan('web-two', 'no-such-plan') } });
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ Code: 'NotFound', Message: 'Cannot find ServerFarm with name no-such-plan.' });
  });

  it('an invalid site name is said to be not emulated (the RP\'s text is not documented), never a made-up answer', async () => {
    const r = await call('PUT', `${site('web-two', 'bad_name')}?${V}`, { location: 'westeurope', kind: 'app', properties: { serverFarmId: plan('web-two', 'plan-two') } });
    expect(r.status).toBe(501);
    expect(r.headers['x-emulator-not-emulated']).toBeDefined();
  });

  it('app settings: list is a POST that returns the values; PUT replaces the whole set; slot-sticky names are kept apart', async () => {
    const base = site('web-one', 'contoso-web-1');
    expect((await call('POST', `${base}/config/appsettings/list?${V}`)).json).toMatchObject({ name: 'appsettings', properties: { A: '1' } });
    const put = await call('PUT', `${base}/config/appsettings?${V}`, { properties: { B: '2', C: '3' } });
    expect(put.status).toBe(200);
    expect((await call('POST', `${base}/config/appsettings/list?${V}`)).json.properties).toEqual({ B: '2', C: '3' });
    expect((await call('GET', `${base}/config/slotConfigNames?${V}`)).json).toMatchObject({ properties: { appSettingNames: null } });
    await call('PUT', `${base}/config/slotConfigNames?${V}`, { properties: { appSettingNames: ['B'] } });
    expect((await call('GET', `${base}/config/slotConfigNames?${V}`)).json).toMatchObject({ properties: { appSettingNames: ['B'] } });
  });

  it('RBAC as for every provider: a caller without a role gets 403 AuthorizationFailed naming the Microsoft.Web action', async () => {
    const r = await call('POST', `${site('web-one', 'contoso-web-1')}/config/appsettings/list?${V}`, undefined, readerToken);
    expect(r.status).toBe(403);
    expect((r.json.error as { message: string }).message).toContain("'Microsoft.Web/sites/config/list/action'");
    const w = await call('PUT', `${site('web-one', 'contoso-web-9')}?${V}`, { location: 'westeurope', kind: 'app', properties: { serverFarmId: plan('web-one', 'plan-one') } }, readerToken);
    expect(w.status).toBe(403);
    expect((w.json.error as { message: string }).message).toContain("'Microsoft.Web/sites/write'");
  });

  it('DELETE removes the app and, unless deleteEmptyServerFarm=false, the plan it leaves empty; the group delete removes the rest', async () => {
    expect((await call('PUT', `${site('web-two', 'contoso-web-4')}?${V}`, { location: 'westeurope', kind: 'functionapp', properties: { serverFarmId: plan('web-two', 'plan-two') } })).status).toBe(200);
    expect((await call('DELETE', `${site('web-two', 'contoso-web-4')}?deleteEmptyServerFarm=false&${V}`)).status).toBe(200);
    expect((await call('GET', `${plan('web-two', 'plan-two')}?${V}`)).status).toBe(200);
    expect((await call('PUT', `${site('web-two', 'contoso-web-5')}?${V}`, { location: 'westeurope', kind: 'functionapp', properties: { serverFarmId: plan('web-two', 'plan-two') } })).status).toBe(200);
    expect((await call('DELETE', `${site('web-two', 'contoso-web-5')}?${V}`)).status).toBe(200);
    expect((await call('GET', `${plan('web-two', 'plan-two')}?${V}`)).status).toBe(404);
    expect((await call('DELETE', `${site('web-two', 'contoso-web-5')}?${V}`)).status).toBe(204);
    const all = await call('GET', `/subscriptions/${sub}/providers/Microsoft.Web/sites?${V}`);
    expect((all.json.value as { name: string }[]).map((s) => s.name)).toEqual(['contoso-web-1']);
  });
});
