import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/tutorials/scenario.ts';
import { loadScenarioFile, parseScenario } from '../../src/emulator/scenario-file.ts';
import { ToolError } from '../../src/errors.ts';

describe('scenario files', () => {
  it('accepts the default scenario as JSON round trip, every entry citing its tutorial line', async () => {
    const s = defaultScenario();
    const dir = await mkdtemp(join(os.tmpdir(), 'tc-scn-'));
    const file = join(dir, 's.json');
    await writeFile(file, JSON.stringify(s));
    expect(await loadScenarioFile(file)).toEqual(s);
    const sources = [...s.resourceGroups, s.vm, ...s.storageAccounts, ...s.keyVaults, ...s.dataLakeStores, ...s.roleAssignments, ...s.principals].map((e) => e.source);
    expect(sources.every((x) => typeof x === 'string' && /^tutorials\/[\w-]+\.md:\d+$/.test(x))).toBe(true);
  });
  it('names the field of a schema error and of a broken reference', () => {
    const bad = { ...defaultScenario(), tenantId: 'nope' };
    expect(() => parseScenario(bad, 'x.json')).toThrow(/tenantId/);
    const dangling = { ...defaultScenario(), cliPrincipal: '00000000-0000-4000-8000-000000000000', roleAssignments: [{ principalId: '00000000-0000-4000-8000-000000000000', role: 'Readr', scope: '/' }] };
    try {
      parseScenario(dangling, 'x.json');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ToolError);
      expect((err as ToolError).code).toBe('E_SCENARIO');
      expect((err as Error).message).toContain('cliPrincipal');
      expect((err as Error).message).toContain("roleAssignments.0.role: 'Readr'");
    }
  });
  it('takes the settings issue 13 added (timing, secure transfer, public access, Graph permissions) and names a bad one', () => {
    const s = defaultScenario();
    const withSettings = {
      ...s,
      timing: { lroPolls: 2, roleAssignmentDelaySeconds: 10 },
      storageAccounts: [{ ...s.storageAccounts[0]!, supportsHttpsTrafficOnly: false, allowBlobPublicAccess: true, containers: [{ name: 'pub', blobs: [], publicAccess: 'Blob' }] }],
      principals: [...s.principals, { principalId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', clientId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', displayName: 'reader-app', kind: 'ServicePrincipal', graphAppRoles: ['Directory.Read.All'] }],
    };
    const parsed = parseScenario(withSettings, 'x.json');
    expect(parsed.timing).toEqual({ lroPolls: 2, roleAssignmentDelaySeconds: 10 });
    expect(parsed.storageAccounts[0]!.containers[0]!.publicAccess).toBe('Blob');
    expect(() => parseScenario({ ...s, timing: { lroPolls: -1 } }, 'x.json')).toThrow(/timing\.lroPolls/);
    expect(() => parseScenario({ ...withSettings, storageAccounts: [{ ...withSettings.storageAccounts[0]!, containers: [{ name: 'c', blobs: [], publicAccess: 'Everyone' }] }] }, 'x.json')).toThrow(/storageAccounts\.0\.containers\.0\.publicAccess/);
  });
});
