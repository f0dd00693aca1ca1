// Defect: under load (load average 20–30 on 2 cores) steps run through the embedded emulator got
// ECONNRESET / "other side closed" / EPIPE: the emulator's own listeners, and Azurite behind the blob
// service, closed a keep-alive connection after 5 s idle (Node's keepAliveTimeout, plus the 1 s
// Node 20.20 adds) while their client, in the same process, reused it. The client's own idle timer
// (undici: the server's `Keep-Alive: timeout=5` minus 2 s) is meant to retire the connection first,
// but timers only run between turns of the event loop: when the process is busy or descheduled for
// longer than the server's timeout between a response and the next request (a 0.5 s computation
// becomes 6 s at load 25), the next request is written in the same turn, before any timer runs; then
// the server's expired timer closes the connection with the request unread, and the kernel answers
// with a reset. Such a step was reported `unsupported` ("dropped the connection"), about nothing the
// page did.
// The busy process is reproduced without timing: the thread is blocked (Atomics.wait, no CPU used)
// inside an I/O callback, the phase where a runner resumes after a response, for longer than any of
// the servers' idle timeouts; the next request follows in the same turn. Before the fix every such
// request was reset (one per listener and one to Azurite suffice: the failure did not depend on
// chance); now each is answered.
import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type AzuriteBackend } from '../../src/emulator/azurite.ts';
import { send, type OutgoingRequest } from '../../src/run/http/send.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';

/** Longer than the 5 s (+1 s) idle timeout a Node server has by default. */
const BUSY_MS = 6_500;

/** Blocks this thread, as a loaded machine does to a busy process: no timer or I/O runs meanwhile. */
function busy(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Resumes inside an I/O callback (libuv's poll phase): what follows runs before the next timers. */
async function inIoCallback(): Promise<void> {
  await stat('.');
}

const imds: OutgoingRequest = {
  method: 'GET',
  url: 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F',
  headers: [['Host', '169.254.169.254'], ['Metadata', 'true']],
};
// Over TLS, without a token: any answer of the emulator's own (401) is an answer.
const arm: OutgoingRequest = {
  method: 'GET',
  url: 'https://management.azure.com/subscriptions?api-version=2022-12-01',
  headers: [['Host', 'management.azure.com']],
};

describe('idle connection closed as the client reuses it', () => {
  let target: Awaited<ReturnType<typeof startEmulatorTarget>> | undefined;
  let azurite: AzuriteBackend | undefined;
  beforeAll(async () => {
    target = await startEmulatorTarget();
    azurite = await startAzurite(['idleacct']);
    await azurite.seed([{ name: 'idleacct', containers: [{ name: 'idle', blobs: [{ name: 'a.txt', content: 'a', contentType: 'text/plain' }] }] }]);
  });
  afterAll(async () => {
    await target?.close();
    await azurite?.close();
  });

  it.each([
    ['the HTTP listener (IMDS)', imds],
    ['the HTTPS listener (ARM)', arm],
  ])('a request after the process was busy past the idle timeout is answered by %s', async (_name, request) => {
    const connector = target!.connector;
    const first = await send(connector, request);
    expect(first.error?.message).toBeUndefined();
    await inIoCallback();
    busy(BUSY_MS);
    const next = await send(connector, request);
    expect(next.error?.message).toBeUndefined();
    expect(next.exchange.response?.status).toBe(first.exchange.response?.status);
  }, 60_000);

  it('a blob request forwarded after the emulator was busy past the idle timeout is answered by Azurite', async () => {
    const get = () => azurite!.request({ method: 'GET', account: 'idleacct', rawPath: '/idle/a.txt', rawQuery: '', headers: { 'x-ms-version': '2021-12-02' } });
    expect((await get()).status).toBe(200);
    await inIoCallback();
    busy(BUSY_MS);
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.body.toString('utf8')).toBe('a');
  }, 60_000);
});
