// The live target end to end against the emulator as the cloud: provisioning, a real tutorial run
// through the runner (IMDS substituted by the token source and marked so in the report), faults
// survived, and teardown on close.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../src/report/index.ts';
import { loadLiveConfig } from '../../src/config.ts';
import { runTutorials } from '../../src/run/index.ts';
import { createAzureTarget } from '../../src/live/target.ts';
import { RUN_TAG } from '../../src/live/provision/plan.ts';
import { CI_PRINCIPAL, startLiveHarness, type LiveHarness } from './harness.ts';

let h: LiveHarness;
beforeAll(async () => {
  h = await startLiveHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the azure target against the emulator as the cloud', () => {
  it('runs a tutorial: IMDS substituted (reported), ARM read with the substituted token, torn down after', async () => {
    const config = loadLiveConfig({ env: { ...h.env, TC_RUN_ID: 'tgt01' }, envFile: null });
    const lines: string[] = [];
    const target = await createAzureTarget(config, { log: (l) => lines.push(l), signals: false, pollIntervalMs: 50 });
    let closed = false;
    try {
      expect(target.roleValues['resource-group']).toBe('tc-tgt01-mi-test');
      expect(target.knownSecrets.map((s) => s.label)).toContain('AZURE_CLIENT_SECRET');
      // A throttled tutorial request on the way: the run must survive it.
      h.handle.faults.inject({ service: 'arm', method: 'GET', pathPattern: /resourceGroups\/tc-tgt01-mi-test$/i, kind: 'status', status: 429, retryAfterSeconds: 1, count: 1 });
      const { report, secrets } = await runTutorials({ paths: ['tutorials/000-arm-system-assigned.md'], targetInstance: target });
      expect(report.target).toBe('azure');
      const steps = report.tutorials[0]?.steps ?? [];
      const imds = steps.find((s) => s.raw.includes('169.254.169.254'));
      expect(imds?.substitution).toMatch(/IMDS is not reachable off an Azure VM.*client credentials with a client secret/);
      expect(imds?.response?.status).toBe(200);
      const token = (imds?.response?.json as { access_token?: string; resource?: string; client_id?: string } | undefined);
      expect(token?.resource).toBe('https://management.azure.com/');
      expect(token?.client_id).toBe(CI_PRINCIPAL.clientId);
      const arm = steps.find((s) => s.raw.includes('management.azure.com/subscriptions'));
      expect(arm?.request?.url).toContain('/resourceGroups/tc-tgt01-mi-test');
      // Not the injected 429: after the retry the step gets the answer the page's own request earns.
      expect(arm?.response?.status).not.toBe(429);
      // The right verdicts: the same, step by step, as the emulator target gives for this tutorial.
      const emulated = await runTutorials({ paths: ['tutorials/000-arm-system-assigned.md'], target: 'emulator' });
      const verdicts = (r: typeof report) => r.tutorials[0]?.steps.map((s) => [s.id, s.verdict, s.response?.status]);
      expect(verdicts(report)).toEqual(verdicts(emulated.report));
      expect(h.handle.faults.pending()).toBe(0);
      expect(target.session.retries.some((r) => 'status' in r.cause && r.cause.status === 429 && r.delayMs === 1000)).toBe(true);
      // The substituted token never reaches the written report in clear.
      const dir = mkdtempSync(join(tmpdir(), 'tc-live-report-'));
      const written = await writeReports(report, dir, ['json'], { redactor: secrets.redactor });
      const json = readFileSync(written.json as string, 'utf8');
      expect(token?.access_token?.length).toBeGreaterThan(100);
      expect(json).not.toContain(token?.access_token as string);
      expect(json).toContain('IMDS is not reachable off an Azure VM');
      // What the target printed is in the report too (the target is still open: no teardown yet).
      expect(report.notes).toEqual(lines);
      expect(report.notes?.some((n) => /^run tgt01 in subscription /.test(n))).toBe(true);
      expect(report.notes?.some((n) => /^provisioned resource group tc-tgt01-mi-test/.test(n))).toBe(true);
      expect(report.notes?.some((n) => /^retry 1 of GET management\.azure\.com\/.*after 429/.test(n))).toBe(true);
      await target.close();
      closed = true;
      // After close, teardown's lines are among the notes a run that owns its target reports.
      expect(target.notes?.().some((n) => /deleted \/subscriptions\/.*\/resourceGroups\/tc-tgt01-mi-test/.test(n))).toBe(true);
      expect(target.teardownResult()?.failed).toEqual([]);
      expect(h.handle.state.data.resourceGroups.filter((g) => g.tags[RUN_TAG] === 'tgt01')).toEqual([]);
      expect(h.handle.state.data.roleAssignments.filter((a) => a.principalId === CI_PRINCIPAL.principalId && a.scope.includes('tgt01'))).toEqual([]);
      expect(lines.some((l) => /deleted \/subscriptions\/.*\/resourceGroups\/tc-tgt01-mi-test/.test(l))).toBe(true);
    } finally {
      if (!closed) await target.close();
    }
  }, 90_000);
});

describe('run --target azure without configuration', () => {
  it('stops before any request with E_CONFIG naming the variables (exit 2)', async () => {
    const { execa } = await import('execa');
    // From an empty folder: a developer's own .env in the project must not turn this into a live run.
    const res = await execa('node', [join(import.meta.dirname, '../../bin/tutorial-conformance.js'), 'run', join(import.meta.dirname, '../../tutorials/000-storage.md'), '--target', 'azure'], {
      cwd: mkdtempSync(join(tmpdir(), 'tc-noenv-')),
      env: { PATH: process.env.PATH ?? '', AZURE_TENANT_ID: 'contoso' },
      extendEnv: false,
      reject: false,
    });
    expect(res.exitCode).toBe(2);
    expect(res.stderr).toMatch(/E_CONFIG: configuration for the live target is invalid:/);
    expect(res.stderr).toMatch(/AZURE_SUBSCRIPTION_ID is not set; set it to the test subscription id/);
    expect(res.stderr).toMatch(/AZURE_TENANT_ID is invalid: must be a GUID/);
  }, 60_000);
});
