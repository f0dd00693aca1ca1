// Microsoft.Resources tags at a resource group's scope, provider registration and the /resources
// filters az resource list sends, as raw requests over the emulator's TLS with callers' tokens: who
// may write (RBAC before existence), Azure's shapes, and what is not emulated said so (501 with the
// not-emulated header, never a made-up answer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Dispatcher } from 'undici';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';
import { defaultScenario } from '../../src/tutorials/scenario.ts';

let emu: EmulatorHandle;
let agent: Dispatcher;
let sub: string;
const V = 'api-version=2022-09-01';

async function arm(token: string, path: string, method: Dispatcher.HttpMethod = 'GET', body?: unknown) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(payload !== undefined ? { 'content-type': 'application/json' } : method !== 'GET' ? { 'content-length': '0' } : {}) };
  const res = await request(`https://management.azure.com${path}`, { method, headers, body: payload, dispatcher: agent });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, json: (text ? JSON.parse(text) : undefined) as Record<string, any> | undefined };
}
const tokenOf = async (p: { principalId: string; clientId: string }) => (await emu.tokens.issue({ ...p, resource: 'https://management.azure.com/', idtyp: 'app' })).token;
const owner = () => tokenOf(emu.scenario.principals.find((p) => p.principalId === emu.scenario.cliPrincipal)!);
// The VM's identity is Reader on its group only (the default scenario's grant).
const reader = () => tokenOf(emu.scenario.vm.systemAssigned!);

beforeAll(async () => {
  emu = await startEmulator({ scenario: defaultScenario() });
  agent = createEmulatorDispatcher(emu);
  sub = emu.scenario.subscriptionId;
});
afterAll(async () => {
  await agent?.close();
  await emu?.close();
});

describe('tags at a resource group', () => {
  it('PUT then PATCH Merge then GET: the TagsResource shape of resources.json; the group itself carries the tags', async () => {
    const rg = emu.scenario.vm.resourceGroup;
    const scope = `/subscriptions/${sub}/resourceGroups/${rg}`;
    const put = await arm(await owner(), `${scope}/providers/Microsoft.Resources/tags/default?${V}`, 'PUT', { properties: { tags: { a: '1' } } });
    expect(put.status).toBe(200);
    expect(put.json).toEqual({ id: `${scope}/providers/Microsoft.Resources/tags/default`, name: 'default', type: 'Microsoft.Resources/tags', properties: { tags: { a: '1' } } });
    const patch = await arm(await owner(), `${scope}/providers/Microsoft.Resources/tags/default?${V}`, 'PATCH', { operation: 'Merge', properties: { tags: { b: '2' } } });
    expect(patch.json?.properties).toEqual({ tags: { a: '1', b: '2' } });
    expect((await arm(await owner(), `${scope}?${V}`)).json?.tags).toEqual({ a: '1', b: '2' });
  });

  it('a Reader of the group may read the tags but not write them: 403 AuthorizationFailed naming Microsoft.Resources/tags/write', async () => {
    const scope = `/subscriptions/${sub}/resourceGroups/${emu.scenario.vm.resourceGroup}`;
    expect((await arm(await reader(), `${scope}/providers/Microsoft.Resources/tags/default?${V}`)).status).toBe(200);
    const denied = await arm(await reader(), `${scope}/providers/Microsoft.Resources/tags/default?${V}`, 'PUT', { properties: { tags: {} } });
    expect(denied.status).toBe(403);
    expect(denied.json?.error).toMatchObject({ code: 'AuthorizationFailed', message: expect.stringContaining("'Microsoft.Resources/tags/write'") });
  });

  it('tags of the subscription or of a resource are not emulated (501 with the reason), an unknown operation too', async () => {
    const atSub = await arm(await owner(), `/subscriptions/${sub}/providers/Microsoft.Resources/tags/default?${V}`);
    expect(atSub.status).toBe(501);
    expect(atSub.headers['x-emulator-not-emulated']).toMatch(/resource groups only/);
    const scope = `/subscriptions/${sub}/resourceGroups/${emu.scenario.vm.resourceGroup}`;
    const odd = await arm(await owner(), `${scope}/providers/Microsoft.Resources/tags/default?${V}`, 'PATCH', { operation: 'Append', properties: { tags: {} } });
    expect(odd.status).toBe(501);
  });
});

describe('provider registration', () => {
  it('the owner registers a modelled namespace (200, Registered); a Reader gets 403 for {namespace}/register/action; an unmodelled namespace is not emulated', async () => {
    const ok = await arm(await owner(), `/subscriptions/${sub}/providers/Microsoft.Storage/register?${V}`, 'POST');
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ namespace: 'Microsoft.Storage', registrationState: 'Registered' });
    const denied = await arm(await reader(), `/subscriptions/${sub}/providers/Microsoft.Storage/register?${V}`, 'POST');
    expect(denied.status).toBe(403);
    expect(denied.json?.error?.message).toContain("'Microsoft.Storage/register/action'");
    expect((await arm(await owner(), `/subscriptions/${sub}/providers/Microsoft.Batch/register?${V}`, 'POST')).status).toBe(501);
  });
});

describe('/resources filters az resource list sends', () => {
  it('resourceGroup eq and location eq select; a tag filter is not emulated', async () => {
    const rg = emu.scenario.vm.resourceGroup;
    const inGroup = await arm(await owner(), `/subscriptions/${sub}/resources?$filter=${encodeURIComponent(`resourceGroup eq '${rg}'`)}&${V}`);
    expect(inGroup.status).toBe(200);
    expect((inGroup.json?.value as { id: string }[]).length).toBeGreaterThan(0);
    expect((inGroup.json?.value as { id: string }[]).every((r) => r.id.toLowerCase().includes(`/resourcegroups/${rg.toLowerCase()}/`))).toBe(true);
    const nowhere = await arm(await owner(), `/subscriptions/${sub}/resources?$filter=${encodeURIComponent("location eq 'antarctica'")}&${V}`);
    expect(nowhere.json?.value).toEqual([]);
    expect((await arm(await owner(), `/subscriptions/${sub}/resources?$filter=${encodeURIComponent("tagname eq 'Team'")}&${V}`)).status).toBe(501);
  });
});
