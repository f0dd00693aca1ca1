// `--engine shell --target azure`, with the emulator standing in for the cloud (the live helper's
// harness: TC_RESOLVE and TC_CA_FILE point the live code path at it). The same tutorials through both
// engines on one live target give the same verdicts: curl follows the live target's routing and the
// az shim uses its credential, and the IMDS step is reported as substituted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLiveConfig } from '../../src/config.ts';
import { createAzureTarget, type AzureTarget } from '../../src/live/target.ts';
import type { Report } from '../../src/report/schema.ts';
import { runTutorials } from '../../src/run/index.ts';
import { startLiveHarness, type LiveHarness } from '../live/harness.ts';

const TUTORIALS = ['tutorials/000-arm-system-assigned.md', 'tutorials/000-storage.md', 'tutorials/003-arm-user-assigned.md'];

let h: LiveHarness;
let target: AzureTarget;
let http: Report;
let shell: Report;

beforeAll(async () => {
  h = await startLiveHarness();
  target = await createAzureTarget(loadLiveConfig({ env: { ...h.env, TC_RUN_ID: 'shell1' }, envFile: null }), { log: () => undefined, signals: false, pollIntervalMs: 50 });
  http = (await runTutorials({ paths: TUTORIALS, targetInstance: target, engine: 'http' })).report;
  shell = (await runTutorials({ paths: TUTORIALS, targetInstance: target, engine: 'shell' })).report;
}, 240_000);

afterAll(async () => {
  await target?.close();
  await h?.close();
}, 60_000);

// Final statuses are compared for curl steps only: an az step's status is the last of its calls, which
// depends on what exists in the subscription rather than on the engine (the live target deletes what
// each tutorial created before the next one, so both runs start from the same state today).
const verdicts = (r: Report) => r.tutorials.map((t) => [t.file, t.steps.map((s) => [s.id, s.verdict, s.failure ?? null, s.kind === 'az' ? null : (s.response?.status ?? null)])]);

describe('shell engine on the live target', () => {
  it('gives the verdicts, failure kinds and final statuses the http engine gives, step by step', () => {
    expect(shell.target).toBe('azure');
    expect(shell.engine).toBe('shell');
    expect(verdicts(shell)).toEqual(verdicts(http));
  });

  it('reached the live names through the live routing: IMDS substituted, ARM and blob answered', () => {
    const steps = shell.tutorials.flatMap((t) => t.steps.map((s) => ({ file: t.file, ...s })));
    const imds = steps.find((s) => s.file.endsWith('000-arm-system-assigned.md') && s.raw.includes('169.254.169.254'));
    expect(imds?.response?.status).toBe(200);
    expect(imds?.request?.url).toMatch(/^http:\/\/169\.254\.169\.254\/metadata\/identity\/oauth2\/token\?/);
    expect(imds?.substitution).toMatch(/IMDS is not reachable off an Azure VM/);
    const arm = steps.find((s) => s.file.endsWith('000-arm-system-assigned.md') && s.raw.includes('management.azure.com/subscriptions'));
    expect(arm?.request?.url).toContain(`/resourceGroups/${target.roleValues['resource-group'] ?? '?'}`);
    // 000-storage.md s10: a wildcard TC_RESOLVE host, reached with $access_token from s8's terminal.
    const blob = steps.find((s) => s.file.endsWith('000-storage.md') && s.id === 's10');
    expect(blob?.request?.url).toMatch(/^https:\/\/[a-z0-9]+\.blob\.core\.windows\.net\//);
    expect(blob?.verdict).toBe('pass');
    // 003's az steps ran through the shim with the live target's credential.
    const az = steps.filter((s) => s.file.endsWith('003-arm-user-assigned.md') && s.kind === 'az');
    expect(az.length).toBeGreaterThan(0);
    expect(az[0]?.output?.stdout).toContain('"type": "Microsoft.ManagedIdentity/userAssignedIdentities"');
  });
});
