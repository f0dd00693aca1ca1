// The az shim's own edges (its success path runs in engine.test.ts through bash): outside a run it
// says so, another run's nonce is refused, and a call between steps is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { startAzServer, type AzServer } from '../../src/run/shell/az-server.ts';
import { AZ_SHIM } from '../../src/run/shell/run-dir.ts';

let dir: string;
let server: AzServer;

beforeAll(async () => {
  dir = await mkdtemp(join(os.tmpdir(), 'tc-az-shim-test-'));
  server = await startAzServer(join(dir, 'az.sock'));
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const shim = (env: Record<string, string>, ...argv: string[]) => execa(process.execPath, [AZ_SHIM, ...argv], { env: { PATH: process.env.PATH ?? '', ...env }, extendEnv: false, reject: false });

describe('az shim', () => {
  it('outside a shell-engine run: a message and exit 1', async () => {
    const r = await shim({}, 'login');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/only works inside a `run --engine shell` step/);
  });

  it("refuses a caller without this run's nonce", async () => {
    const r = await shim({ TC_AZ_SOCKET: server.socket, TC_AZ_NONCE: 'not-the-nonce' }, 'login');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('ERROR: this az server belongs to another run');
  });

  it('refuses a call while no step runs', async () => {
    const r = await shim({ TC_AZ_SOCKET: server.socket, TC_AZ_NONCE: server.nonce }, 'identity', 'create', '-g', 'rg', '-n', 'x');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('ERROR: az was called outside a tutorial step');
  });
});
