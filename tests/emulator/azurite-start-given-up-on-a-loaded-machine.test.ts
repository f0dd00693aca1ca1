// Defect: on a loaded machine (load average 25–30 on 2 cores) Azurite "did not start within 20000 ms":
// its start was given a fixed time, it was killed when that ran out, the blob request answered 500,
// and the next one started another Azurite from scratch, no faster. Now the start is waited for
// until Azurite says it listens or exits; only a child that stops making progress (uses no CPU) is
// given up on, with an error that says what happened and what to do. The children here stand in for
// Azurite (they print its ready lines), with the limits shortened so nothing waits long. And since
// the start is no longer cut short, a blob request does not wait for it past the runner's patience:
// it is answered as the emulator's limit (unsupported), never left to become the step's timeout.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForListening, type AzuriteProcess } from '../../src/emulator/azurite-process.ts';
import { send } from '../../src/run/http/send.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';
import { defaultScenario } from '../../src/tutorials/scenario.ts';

const READY = "console.log('Azurite Blob service successfully listens on http://127.0.0.1:10999'); console.log('tc-azurite socket ready /nowhere');";
const limits = { noProgressMs: 1_500, maxMs: 120_000, checkMs: 100 };

const children: ChildProcess[] = [];
function child(script: string): ChildProcess {
  const c = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(c);
  return c;
}
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

describe('Azurite start given up on a loaded machine', () => {
  it('a start that keeps computing past any fixed window is waited for until it listens', async () => {
    // Busy for twice the no-progress window before it listens: slow, not hung.
    const c = child(`const end = Date.now() + 3000; while (Date.now() < end) {} ${READY} setInterval(() => {}, 1000);`);
    await expect(waitForListening(c, limits)).resolves.toBe('http://127.0.0.1:10999');
  }, 60_000);

  it('a child that makes no progress is given up on, saying what happened and what to do', async () => {
    const c = child(`console.log('loading'); setInterval(() => {}, 1000);`);
    const error = await waitForListening(c, limits).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^Azurite \(the emulator's blob store, run as a child process\) did not start: it used no CPU for \d+ s without listening \(hung, not slow\); its last output: loading\. Load average [\d.]+ on \d+ cores\. Run again; if it keeps failing, check that `npm ci` installed the azurite package/);
    expect(c.signalCode ?? (await new Promise((r) => c.once('exit', (_code, signal) => r(signal))))).toBe('SIGKILL');
  }, 60_000);

  it('a child that exits before listening is reported with its exit and output', async () => {
    const c = child(`console.error('cannot find module azurite'); process.exit(3);`);
    await expect(waitForListening(c, limits)).rejects.toThrow(/did not start: it exited \(code 3\) before listening; its last output: cannot find module azurite\./);
  }, 60_000);
});

describe('a blob request while Azurite is still starting', () => {
  it('is answered as the emulator limit it is, not left to time out, and the start goes on', async () => {
    // An Azurite that never becomes ready while the request waits; the emulator's stop ends it.
    const idle = child('setInterval(() => {}, 1000);');
    let starting = false;
    const early: AzuriteProcess = {
      child: idle,
      cwd: '/nonexistent-tc-azurite',
      socketPath: '/nonexistent-tc-azurite/blob.sock',
      claim: () => true,
      start: () => {
        starting = true;
        return new Promise<string>((_resolve, reject) => idle.once('exit', () => reject(new Error('stopped while starting'))));
      },
      dispose: () => undefined,
    };
    const scenario = defaultScenario();
    const account = scenario.storageAccounts[0]!;
    scenario.storageAccounts.push({ ...account, name: 'mistartingstore', allowBlobPublicAccess: true, containers: [{ name: 'docs', publicAccess: 'Container', blobs: [{ name: 'a.txt', content: 'a', contentType: 'text/plain' }] }] });
    const target = await startEmulatorTarget({ scenario, azurite: early });
    try {
      const host = 'mistartingstore.blob.core.windows.net';
      const result = await send(target.connector, { method: 'GET', url: `https://${host}/docs/a.txt`, headers: [['Host', host], ['x-ms-version', '2021-12-02']] });
      expect(result.exchange.response?.status).toBe(503);
      expect(result.error).toMatchObject({ kind: 'unsupported', unsupported: 'not-emulated' });
      expect(result.error?.message).toMatch(/^Azurite, the emulator's blob store, was still starting after \d+ s \(a loaded machine\); this request was not served, so the step says nothing about the page\. Its start goes on/);
      expect(starting).toBe(true);
      expect(idle.exitCode === null && idle.signalCode === null).toBe(true);
    } finally {
      await target.close();
    }
  }, 90_000);
});
