// The nightly workflow cannot run here; parse it and check that it asks for what the run needs:
// OIDC permissions, a login, a sharded matrix whose shard flag matches the matrix, per-shard
// uploads, a merge that downloads them, publishes JUnit and a job summary, and teardown that
// runs whatever happened.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadLiveConfig } from '../../src/config.ts';

const Step = z.object({ name: z.string().optional(), uses: z.string().optional(), run: z.string().optional(), if: z.string().optional(), with: z.record(z.string(), z.unknown()).optional() });
const Job = z.object({
  needs: z.union([z.string(), z.array(z.string())]).optional(),
  if: z.string().optional(),
  permissions: z.record(z.string(), z.string()).optional(),
  strategy: z.object({ 'fail-fast': z.boolean().optional(), matrix: z.record(z.string(), z.array(z.unknown())) }).optional(),
  steps: z.array(Step),
});
const Workflow = z.object({
  on: z.object({ schedule: z.array(z.object({ cron: z.string() })), workflow_dispatch: z.unknown() }),
  permissions: z.record(z.string(), z.string()),
  env: z.record(z.string(), z.string()),
  jobs: z.record(z.string(), Job),
});

const workflow = Workflow.parse(parse(readFileSync(resolve(import.meta.dirname, '../../.github/workflows/nightly.yml'), 'utf8')));
type JobT = z.infer<typeof Job>;
const needs = (job: JobT): string[] => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);
const runText = (job: JobT): string => job.steps.map((s) => s.run ?? '').join('\n');
const jobs = workflow.jobs;
const runJob = jobs.run as JobT;
const mergeJob = jobs.merge as JobT;

describe('.github/workflows/nightly.yml', () => {
  it('runs on a schedule and on manual dispatch, with read-only default permissions', () => {
    expect(workflow.on.schedule[0]?.cron).toMatch(/^[\d*/,-]+( [\d*/,-]+){4}$/);
    expect('workflow_dispatch' in workflow.on).toBe(true);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('logs in with OIDC: id-token write, azure/login with ids from vars/secrets, no client secret anywhere', () => {
    expect(runJob.permissions).toMatchObject({ 'id-token': 'write', contents: 'read' });
    const login = runJob.steps.find((s) => s.uses?.startsWith('azure/login@'));
    expect(login?.with).toMatchObject({ 'client-id': expect.any(String), 'tenant-id': expect.any(String), 'subscription-id': expect.any(String) });
    for (const name of ['AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_SUBSCRIPTION_ID']) expect(workflow.env[name]).toMatch(new RegExp(`(vars|secrets)\\.${name}`));
    expect(workflow.env.TC_TOKEN_SOURCE).toBe('federated');
    const text = readFileSync(resolve(import.meta.dirname, '../../.github/workflows/nightly.yml'), 'utf8');
    expect(text).not.toMatch(/AZURE_CLIENT_SECRET|client-secret:/);
  });

  it('shards the run in a matrix, the flag matching the matrix size, and uploads every shard even on failure', () => {
    const shards = runJob.strategy?.matrix.shard;
    expect(shards?.length).toBeGreaterThan(1);
    expect(runJob.strategy?.['fail-fast']).toBe(false);
    const run = runJob.steps.find((s) => s.run?.includes('tutorial-conformance run'));
    expect(run?.run).toMatch(/--target azure/);
    expect(run?.run).toMatch(/--shard \$\{\{ matrix\.shard \}\}\/\$\{\{ strategy\.job-total \}\}/);
    const out = /--out (.+?)(?:\s+--|\s+\|\||\s*$)/.exec(run?.run ?? '')?.[1];
    const upload = runJob.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toBe('always()');
    expect(upload?.with?.path).toBe(`${out}/latest`);
    expect(String(upload?.with?.name)).toMatch(/^report-shard-\$\{\{ matrix\.shard \}\}$/);
  });

  it('tears down with if: always(), per shard and with an age-based sweep after everything', () => {
    const teardown = runJob.steps.find((s) => s.run?.includes('tutorial-conformance sweep'));
    expect(teardown?.if).toBe('always()');
    expect(teardown?.run).toMatch(/--run-id "\$TC_RUN_ID"/);
    const sweepJob = Object.values(jobs).find((j) => j !== runJob && runText(j).includes('tutorial-conformance sweep'));
    expect(sweepJob?.if).toBe('always()');
    expect(needs(sweepJob as JobT)).toContain('run');
    expect(sweepJob?.permissions?.['id-token']).toBe('write');
    expect(runText(sweepJob as JobT)).toMatch(/sweep --older-than 24h/);
  });

  it('merges the downloaded shards, uploads the HTML, publishes JUnit and writes the job summary', () => {
    expect(needs(mergeJob)).toContain('run');
    expect(mergeJob.if).toBe('always()');
    expect(mergeJob.permissions?.checks).toBe('write');
    const download = mergeJob.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with).toMatchObject({ pattern: 'report-shard-*' });
    const merge = mergeJob.steps.find((s) => s.run?.includes('tutorial-conformance merge'));
    expect(merge?.run).toContain(`${String(download?.with?.path)}/*`);
    expect(merge?.run).toMatch(/--summary "\$GITHUB_STEP_SUMMARY"/);
    const out = /--out (\S+)/.exec(merge?.run ?? '')?.[1] as string;
    const html = mergeJob.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(String(html?.with?.path)).toContain(`${out}/index.html`);
    const junit = mergeJob.steps.find((s) => s.uses?.startsWith('dorny/test-reporter@'));
    expect(junit?.if).toBe('always()');
    expect(junit?.with).toMatchObject({ path: `${out}/junit.xml`, reporter: 'java-junit' });
  });

  it('a shard\'s run fails its job for exit 2, 130 or 143, not for 1 (failing steps are the merge\'s to judge)', async () => {
    const step = runJob.steps.find((s) => s.run?.includes('tutorial-conformance run'));
    // Folded as Actions folds `>-`; `npx` stands in for the tool and exits with the code under test.
    const script = (step?.run ?? '').replace(/\s*\n\s*/g, ' ').replaceAll('${{ matrix.shard }}', '1').replaceAll('${{ strategy.job-total }}', '3');
    const bin = mkdtempSync(join(tmpdir(), 'tc-wf-bin-'));
    writeFileSync(join(bin, 'npx'), '#!/bin/bash\nexit "$STUB_EXIT"\n', { mode: 0o755 });
    const exitOf = async (code: number) => (await execa('bash', ['-eo', 'pipefail', '-c', script], { env: { PATH: `${bin}:${process.env.PATH ?? ''}`, STUB_EXIT: String(code) }, reject: false })).exitCode;
    expect(await exitOf(0)).toBe(0);
    expect(await exitOf(1)).toBe(0);
    for (const code of [2, 130, 143]) expect(await exitOf(code)).not.toBe(0);
  });

  it('merges against the newest earlier nightly\'s report when one can be downloaded, and without one otherwise', async () => {
    expect(mergeJob.permissions?.actions).toBe('read');
    const fetch = mergeJob.steps.find((s) => s.run?.includes('gh run download'));
    const merge = mergeJob.steps.find((s) => s.run?.includes('tutorial-conformance merge'));
    const expand = (text: string) => text.replaceAll('${{ github.run_id }}', '300').replaceAll('${{ github.token }}', 'token');
    const mergeLine = expand(merge?.run ?? '').replace(/\s*\n\s*/g, ' ');
    const bin = mkdtempSync(join(tmpdir(), 'tc-wf-bin-'));
    // gh: runs 300 (this one), 299 (no report uploaded), 298 (has one); npx prints its arguments.
    writeFileSync(
      join(bin, 'gh'),
      `#!/bin/bash
if [ "$1 $2" = "run list" ]; then printf '300\\n299\\n298\\n'; exit 0; fi
if [ "$1 $2" = "run download" ]; then
  [ "$3" = "298" ] || { echo "no artifact conformance-report in run $3" >&2; exit 1; }
  mkdir -p baseline && echo '{}' > baseline/report.json; exit 0
fi
exit 2
`,
      { mode: 0o755 },
    );
    writeFileSync(join(bin, 'npx'), '#!/bin/bash\necho "$@"\n', { mode: 0o755 });
    const env = { PATH: `${bin}:${process.env.PATH ?? ''}`, GITHUB_REPOSITORY: 'org/repo', GITHUB_REF_NAME: 'main', GITHUB_STEP_SUMMARY: '/dev/null' };
    const first = mkdtempSync(join(tmpdir(), 'tc-wf-night-'));
    // First night: nothing downloads, the merge runs without --baseline.
    const merged0 = await execa('bash', ['-eo', 'pipefail', '-c', mergeLine], { cwd: first, env });
    expect(merged0.stdout).not.toContain('--baseline');
    const fetched = await execa('bash', ['-eo', 'pipefail', '-c', expand(fetch?.run ?? '')], { cwd: first, env });
    expect(fetched.stdout).toContain('comparing with the report of run 298');
    const merged = await execa('bash', ['-eo', 'pipefail', '-c', mergeLine], { cwd: first, env });
    expect(merged.stdout).toMatch(/^tutorial-conformance merge shards\/\* --out reports\/nightly --summary \/dev\/null --baseline baseline$/);
  });

  it('computes a run id the configuration accepts', async () => {
    const step = runJob.steps.find((s) => s.run?.includes('TC_RUN_ID='));
    // Run the step's shell line as Actions would after expanding its expressions.
    const script = (step?.run ?? '').replaceAll('${{ github.run_id }}', '12345678901').replaceAll('${{ github.run_attempt }}', '2').replaceAll('${{ matrix.shard }}', '3');
    const dir = mkdtempSync(join(tmpdir(), 'tc-wf-'));
    const envFile = join(dir, 'github_env');
    await execa('bash', ['-euo', 'pipefail', '-c', script], { env: { GITHUB_ENV: envFile } });
    const runId = /^TC_RUN_ID=(.*)$/m.exec(readFileSync(envFile, 'utf8'))?.[1];
    expect(runId).toBe(`r${(12345678901).toString(16).slice(-8)}23`);
    const config = loadLiveConfig({ env: { AZURE_SUBSCRIPTION_ID: '11111111-2222-4333-8444-555555555555', AZURE_TENANT_ID: '11111111-2222-4333-8444-555555555555', TC_RUN_ID: runId as string }, envFile: null });
    expect(config.provisioning.runId).toBe(runId);
  });
});
