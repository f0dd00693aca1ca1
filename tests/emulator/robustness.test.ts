// Property tests: whatever arrives, the emulator answers as a server (a 4xx/5xx Azure error or a
// not-emulated 501), never with an emulator crash (500 + x-emulator-error) or a hang.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Dispatcher } from 'undici';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';
import { actionMatches } from '../../src/reference/rbac.ts';

let emu: EmulatorHandle;
let agent: Dispatcher;
let token: string;

beforeAll(async () => {
  emu = await startEmulator();
  agent = createEmulatorDispatcher(emu);
  const cli = emu.scenario.principals[0]!;
  token = (await emu.tokens.issue({ principalId: cli.principalId, clientId: cli.clientId, resource: 'https://management.azure.com/' })).token;
});
afterAll(async () => {
  await agent.close();
  await emu.close();
});

const segment = fc.oneof(
  fc.constantFrom('subscriptions', 'resourceGroups', 'providers', 'Microsoft.Storage', 'storageAccounts', 'listKeys', 'ListServiceSas', 'Microsoft.Authorization', 'roleAssignments', 'roleDefinitions', 'Microsoft.Compute', 'virtualMachines', 'Microsoft.ManagedIdentity', 'userAssignedIdentities', 'blobServices', 'default', 'containers'),
  fc.constant('SUB'),
  fc.constant('RG'),
  fc.uuid(),
  fc.stringMatching(/^[A-Za-z0-9._%-]{1,12}$/),
);

describe('robustness', () => {
  it('ARM never crashes on arbitrary paths, methods, api-versions and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { minLength: 0, maxLength: 12 }),
        fc.constantFrom('GET', 'PUT', 'PATCH', 'POST', 'DELETE'),
        fc.constantFrom('2016-09-01', '2022-04-01', '2015-07-01', '2023-01-31', '2017-06-01', 'x', ''),
        fc.option(fc.oneof(fc.json(), fc.string()), { nil: undefined }),
        async (segs, method, apiVersion, body) => {
          const path = segs.map((s) => (s === 'SUB' ? emu.values.SUBSCRIPTION_ID! : s === 'RG' ? emu.values.RESOURCE_GROUP! : s)).join('/');
          const res = await request(`https://management.azure.com/${path}?api-version=${apiVersion}`, {
            method: method as Dispatcher.HttpMethod,
            headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            ...(body !== undefined && method !== 'GET' ? { body } : {}),
            dispatcher: agent,
          });
          await res.body.text();
          expect(res.headers['x-emulator-error']).toBeUndefined();
          expect(res.statusCode).toBeGreaterThanOrEqual(200);
        },
      ),
      { numRuns: 150 },
    );
    await emu.reset();
  });
  it('IMDS never crashes on arbitrary queries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('api-version', 'resource', 'client_id', 'object_id', 'msi_res_id', 'bypass_cache', 'x'), fc.string()), { maxLength: 5 }), async (pairs) => {
        const q = new URLSearchParams(pairs).toString();
        const res = await request(`http://169.254.169.254/metadata/identity/oauth2/token?${q}`, { headers: { Metadata: 'true' }, dispatcher: agent });
        const text = await res.body.text();
        expect(res.headers['x-emulator-error']).toBeUndefined();
        expect(() => JSON.parse(text)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });
  it('permission patterns: "*" matches everything, a literal only itself (case-insensitively)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z.]{1,10}(\/[A-Za-z.]{1,10}){0,4}$/), (action) => {
        expect(actionMatches('*', action)).toBe(true);
        expect(actionMatches(action, action.toUpperCase())).toBe(true);
        expect(actionMatches(`${action}x`, action)).toBe(false);
      }),
    );
  });
});
