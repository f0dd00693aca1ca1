// `sweep` against the emulator as the cloud: tagged groups older than the limit go, younger ones,
// other prefixes and undated ones stay; --dry-run deletes nothing; the CLI reads .env settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadLiveConfig } from '../../src/config.ts';
import { openLiveSession } from '../../src/live/session.ts';
import { sweep } from '../../src/live/sweep.ts';
import { startLiveHarness, type LiveHarness } from './harness.ts';

const ROOT = join(import.meta.dirname, '../..');
let h: LiveHarness;
beforeAll(async () => {
  h = await startLiveHarness();
});
afterAll(async () => {
  await h?.close();
});

const HOUR = 3_600_000;
function seed(now: number) {
  const groups: { name: string; tags: Record<string, string> }[] = [
    { name: 'tc-old1-mi-test', tags: { 'tutorial-conformance-run': 'old1', created: new Date(now - 30 * HOUR).toISOString() } },
    { name: 'tc-new1-mi-test', tags: { 'tutorial-conformance-run': 'new1', created: new Date(now - 1 * HOUR).toISOString() } },
    { name: 'xy-old2-mi-test', tags: { 'tutorial-conformance-run': 'old2', created: new Date(now - 48 * HOUR).toISOString() } },
    { name: 'tc-nodate-mi-test', tags: { 'tutorial-conformance-run': 'nodate' } },
    { name: 'someone-elses', tags: { created: new Date(now - 100 * HOUR).toISOString() } },
  ];
  h.handle.state.data.resourceGroups.push(...groups.map((g) => ({ ...g, location: 'westus' })));
  h.handle.state.data.roleAssignments.push({ principalId: h.scenario.vm.systemAssigned!.principalId, role: 'Reader', scope: `/subscriptions/${h.scenario.subscriptionId}/resourceGroups/tc-old1-mi-test`, name: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d' });
}
const names = () => h.handle.state.data.resourceGroups.map((g) => g.name).sort();

describe('sweep', () => {
  it('deletes only tagged, dated groups older than the limit, within the prefix; --dry-run deletes nothing', async () => {
    await h.handle.reset();
    seed(Date.now());
    const config = loadLiveConfig({ env: h.env, envFile: null });
    const session = await openLiveSession(config, { pollIntervalMs: 50 });
    try {
      const dry = await sweep(session.arm, { subscriptionId: config.provisioning.subscriptionId, olderThanMs: 24 * HOUR, dryRun: true, now: new Date() });
      expect(dry.matched.map((c) => c.name).sort()).toEqual(['tc-old1-mi-test', 'xy-old2-mi-test']);
      expect(names()).toHaveLength(6);
      const res = await sweep(session.arm, { subscriptionId: config.provisioning.subscriptionId, olderThanMs: 24 * HOUR, prefix: 'tc', dryRun: false, now: new Date() });
      expect(res.deleted.map((c) => c.name)).toEqual(['tc-old1-mi-test']);
      expect(Object.fromEntries(res.kept.map((k) => [k.name, k.why]))).toEqual({
        'tc-new1-mi-test': 'younger than the limit',
        'xy-old2-mi-test': 'name does not start with tc-',
        'tc-nodate-mi-test': "no readable 'created' tag",
      });
      expect(names()).toEqual(['mi-test', 'someone-elses', 'tc-new1-mi-test', 'tc-nodate-mi-test', 'xy-old2-mi-test']);
      // The deleted group's role assignment went with it.
      expect(h.handle.state.data.roleAssignments.some((a) => a.scope.includes('tc-old1'))).toBe(false);
    } finally {
      await session.close();
    }
  }, 60_000);

  it('the sweep command: --run-id with --older-than 0s removes that run only; bad arguments are E_USAGE', async () => {
    await h.handle.reset();
    seed(Date.now());
    // From an empty folder: only the test's settings, never a developer's .env.
    const cli = (args: string[]) => execa('node', [join(ROOT, 'bin/tutorial-conformance.js'), 'sweep', ...args], { cwd: mkdtempSync(join(tmpdir(), 'tc-sweep-')), env: { ...h.env, PATH: process.env.PATH ?? '' }, extendEnv: false, reject: false });
    const res = await cli(['--run-id', 'new1', '--older-than', '0s']);
    expect(res.stderr).toBe('');
    expect(res.stdout).toMatch(/deleted tc-new1-mi-test \(run new1/);
    expect(res.stdout).toMatch(/sweep: deleted 1, kept 3, failed 0/);
    expect(res.exitCode).toBe(0);
    expect(names()).not.toContain('tc-new1-mi-test');
    expect(names()).toContain('tc-old1-mi-test');
    const bad = await cli(['--older-than', 'yesterday']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/E_USAGE: --older-than 'yesterday' is not a duration/);
    const noConfig = await execa('node', [join(ROOT, 'bin/tutorial-conformance.js'), 'sweep', '--older-than', '24h'], { cwd: '/tmp', env: { PATH: process.env.PATH ?? '' }, extendEnv: false, reject: false });
    expect(noConfig.exitCode).toBe(2);
    expect(noConfig.stderr).toMatch(/E_CONFIG: .*AZURE_SUBSCRIPTION_ID is not set/s);
  }, 60_000);
});
