// A live run interrupted mid-way, as Ctrl-C or a cancelled CI job does it: the real CLI in a child
// process (`run --target azure` against the emulator as the cloud) gets SIGINT while a tutorial
// step hangs, or SIGTERM while provisioning; it must tear down, then exit 130/143, and the
// emulator's state must hold nothing of that run.
import { join } from 'node:path';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_TAG } from '../../src/live/provision/plan.ts';
import { CI_PRINCIPAL, startLiveHarness, type LiveHarness } from './harness.ts';

const ROOT = join(import.meta.dirname, '../..');
let h: LiveHarness;
beforeAll(async () => {
  h = await startLiveHarness();
});
afterAll(async () => {
  await h?.close();
});

function startRun(runId: string): { child: ResultPromise; output: () => string; tmp: string } {
  const out = mkdtempSync(join(tmpdir(), 'tc-int-'));
  // Its own temporary directory: what the interrupted process leaves there is checked.
  const tmp = mkdtempSync(join(tmpdir(), 'tc-int-tmp-'));
  // Run from an empty folder, so a developer's .env in the project cannot add settings to the test's.
  const child = execa('node', [join(ROOT, 'bin/tutorial-conformance.js'), 'run', join(ROOT, 'tutorials/000-arm-system-assigned.md'), '--target', 'azure', '--out', out], {
    cwd: out,
    env: { ...h.env, TC_RUN_ID: runId, PATH: process.env.PATH ?? '', TMPDIR: tmp },
    extendEnv: false,
    reject: false,
    all: true,
  });
  let text = '';
  child.all?.on('data', (c: Buffer) => (text += c.toString('utf8')));
  return { child, output: () => text, tmp };
}

async function waitFor(output: () => string, pattern: RegExp, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pattern.test(output())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} in:\n${output()}`);
    await sleep(50);
  }
}

function leftovers(runId: string) {
  const d = h.handle.state.data;
  return {
    groups: d.resourceGroups.filter((g) => g.tags[RUN_TAG] === runId || g.name.includes(runId)).map((g) => g.name),
    storage: d.storageAccounts.filter((a) => a.name.includes(runId)).map((a) => a.name),
    vaults: d.keyVaults.filter((v) => v.name.includes(runId)).map((v) => v.name),
    grants: d.roleAssignments.filter((a) => a.principalId === CI_PRINCIPAL.principalId && a.scope.includes(runId)).length,
  };
}

describe('interrupted live runs leave nothing behind', () => {
  it('SIGINT while a tutorial step hangs: teardown, then exit 130', async () => {
    // The tutorial's resource-group read hangs for 30 s: the run is mid-way when Ctrl-C comes.
    h.handle.faults.inject({ service: 'arm', method: 'GET', pathPattern: /resourceGroups\/tc-int01-mi-test$/i, kind: 'latency', ms: 30_000, count: 1 });
    const { child, output, tmp } = startRun('int01');
    await waitFor(output, /target azure ready/, 60_000);
    await waitFor(output, /s3 .*L45/, 20_000); // the IMDS step is done; s4 hangs now
    expect(leftovers('int01').groups).toEqual(['tc-int01-mi-test']);
    const t0 = Date.now();
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode, output()).toBe(130);
    expect(Date.now() - t0).toBeLessThan(25_000); // did not wait for the hanging step
    expect(output()).toMatch(/SIGINT received: stopping the run and tearing down/);
    expect(output()).toMatch(/deleted \/subscriptions\/[^ ]+\/resourceGroups\/tc-int01-mi-test/);
    expect(leftovers('int01')).toEqual({ groups: [], storage: [], vaults: [], grants: 0 });
    // Nor on the machine: the tutorial's working folder went with the process.
    expect(readdirSync(tmp).filter((n) => !n.startsWith('tsx-'))).toEqual([]);
    h.handle.faults.clear();
  }, 120_000);

  it('SIGTERM during provisioning: what exists so far is deleted, then exit 143', async () => {
    h.handle.faults.inject({ service: 'arm', method: 'PUT', pathPattern: /storageAccounts\/tcint02st$/i, kind: 'latency', ms: 30_000, count: 1 });
    const { child, output } = startRun('int02');
    await waitFor(output, /provisioned resource group tc-int02-mi-test/, 60_000);
    await sleep(300);
    child.kill('SIGTERM');
    const result = await child;
    expect(result.exitCode, output()).toBe(143);
    expect(output()).toMatch(/SIGTERM received/);
    expect(leftovers('int02').groups).toEqual([]);
    // The storage PUT still sleeping in the emulator finds no resource group when it wakes.
    h.handle.faults.clear();
    expect(leftovers('int02')).toEqual({ groups: [], storage: [], vaults: [], grants: 0 });
  }, 120_000);
  it('defect 15: SIGHUP (a closed terminal) left the provisioned resource group — now teardown, then exit 129', async () => {
    h.handle.faults.inject({ service: 'arm', method: 'GET', pathPattern: /resourceGroups\/tc-hup01-mi-test$/i, kind: 'latency', ms: 30_000, count: 1 });
    const { child, output, tmp } = startRun('hup01');
    await waitFor(output, /s3 .*L45/, 60_000); // provisioned, and the step after s3 hangs
    expect(leftovers('hup01').groups).toEqual(['tc-hup01-mi-test']);
    child.kill('SIGHUP');
    const result = await child;
    expect(result.exitCode, output()).toBe(129);
    expect(output()).toMatch(/SIGHUP received: stopping the run and tearing down/);
    expect(output()).toMatch(/deleted \/subscriptions\/[^ ]+\/resourceGroups\/tc-hup01-mi-test/);
    expect(leftovers('hup01')).toEqual({ groups: [], storage: [], vaults: [], grants: 0 });
    expect(readdirSync(tmp).filter((n) => !n.startsWith('tsx-'))).toEqual([]);
    h.handle.faults.clear();
  }, 120_000);
});
