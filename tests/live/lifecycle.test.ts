// Signal handling around teardown, with a process stand-in so the test process itself is not
// signalled: one teardown however many signals arrive, the exit code after it, and nothing left
// listening after a normal close.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installSignalTeardown, once } from '../../src/live/lifecycle.ts';

function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  const proc = {
    on: (e: string, f: () => void) => (emitter.on(e, f), proc),
    off: (e: string, f: () => void) => (emitter.off(e, f), proc),
    exit: (code?: number) => void exits.push(code ?? 0),
  } as unknown as Pick<NodeJS.Process, 'on' | 'off' | 'exit'>;
  return { proc, emitter, exits };
}

describe('signal teardown', () => {
  it('SIGINT runs teardown once, a second Ctrl-C waits for it, then exit 130', async () => {
    const { proc, emitter, exits } = fakeProcess();
    const lines: string[] = [];
    let release: () => void = () => {};
    let runs = 0;
    const cleanup = once(() => {
      runs += 1;
      return new Promise<void>((r) => (release = r));
    });
    installSignalTeardown(cleanup, { proc, log: (l) => lines.push(l) });
    emitter.emit('SIGINT');
    emitter.emit('SIGINT');
    await new Promise((r) => setImmediate(r));
    expect(runs).toBe(1);
    expect(exits).toEqual([]); // not before teardown is done
    expect(lines).toEqual(['SIGINT received: stopping the run and tearing down', 'SIGINT received again: teardown is still running, waiting for it']);
    release();
    await new Promise((r) => setImmediate(r));
    expect(exits).toEqual([130]);
  });

  it('SIGTERM exits 143 even when teardown fails, and says so', async () => {
    const { proc, emitter, exits } = fakeProcess();
    const lines: string[] = [];
    installSignalTeardown(once(() => Promise.reject(new Error('ARM unreachable'))), { proc, log: (l) => lines.push(l) });
    emitter.emit('SIGTERM');
    await new Promise((r) => setTimeout(r, 10));
    expect(exits).toEqual([143]);
    expect(lines).toContain('teardown failed: ARM unreachable');
  });

  it('after a normal close nothing listens; once() shares one run and bounds it', async () => {
    const { proc, emitter } = fakeProcess();
    const handle = installSignalTeardown(once(async () => {}), { proc, log: () => {} });
    expect(emitter.listenerCount('SIGINT')).toBe(1);
    handle.dispose();
    expect(emitter.listenerCount('SIGINT') + emitter.listenerCount('SIGTERM')).toBe(0);
    let n = 0;
    const shared = once(async () => void (n += 1));
    await Promise.all([shared(), shared()]);
    expect(n).toBe(1);
    await expect(once(() => new Promise<void>(() => {}), 30)()).rejects.toThrow(/teardown did not finish within 0 s; run 'tutorial-conformance sweep' later/);
  });
});
