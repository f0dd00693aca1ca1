// The retry interceptor against the emulator's injected faults: how many retries, which delays the
// policy chose (Retry-After honoured), and that it gives up after the configured number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { loadLiveConfig } from '../../src/config.ts';
import { createLiveDispatcher } from '../../src/live/http.ts';
import { chooseDelay, retryAfterMs, type RetryEvent, type RetryGiveUp } from '../../src/live/retry.ts';
import { createTokenSource } from '../../src/live/tokens/index.ts';
import { startLiveHarness, type LiveHarness } from './harness.ts';

let h: LiveHarness;
beforeAll(async () => {
  h = await startLiveHarness();
});
afterAll(async () => {
  await h?.close();
});

function live(extra: Record<string, string> = {}) {
  const config = loadLiveConfig({ env: { ...h.env, ...extra }, envFile: null });
  const retries: RetryEvent[] = [];
  const giveUps: RetryGiveUp[] = [];
  const http = createLiveDispatcher(config.network, config.retry, { onRetry: (e) => retries.push(e), onGiveUp: (e) => giveUps.push(e) });
  return { config, http, retries, giveUps };
}

async function armGet(l: ReturnType<typeof live>): Promise<{ status: number; ms: number }> {
  const tokens = await createTokenSource(l.config.tokens, l.http);
  const token = await tokens.getToken({ resource: l.config.cloud.armAudience });
  const t0 = performance.now();
  const res = await request(`${l.config.cloud.arm}/subscriptions/${h.scenario.subscriptionId}/resourceGroups/mi-test?api-version=2021-04-01`, {
    dispatcher: l.http.dispatcher,
    headers: { authorization: `Bearer ${token.accessToken}` },
  });
  await res.body.dump();
  return { status: res.statusCode, ms: performance.now() - t0 };
}

describe('retry policy against injected faults', () => {
  it('429 with Retry-After: retried after the delay the server asked for, then succeeds', async () => {
    const l = live();
    h.handle.faults.inject({ service: 'arm', method: 'GET', pathPattern: /resourceGroups\/mi-test$/i, kind: 'status', status: 429, retryAfterSeconds: 1, count: 2 });
    const { status, ms } = await armGet(l);
    await l.http.close();
    expect(status).toBe(200);
    expect(l.retries.map((r) => [r.retry, r.cause, r.retryAfterMs, r.delayMs])).toEqual([
      [1, { status: 429 }, 1000, 1000],
      [2, { status: 429 }, 1000, 1000],
    ]);
    // Loose: two waits of a second happened (no upper bound on a shared CI machine).
    expect(ms).toBeGreaterThanOrEqual(1900);
    expect(h.handle.faults.pending()).toBe(0);
  });

  it('500 and a connection reset: retried with exponential backoff, no Retry-After', async () => {
    const l = live();
    h.handle.faults.inject({ service: 'arm', method: 'GET', pathPattern: /resourceGroups\/mi-test$/i, kind: 'status', status: 500, count: 1 });
    h.handle.faults.inject({ service: 'arm', method: 'GET', pathPattern: /resourceGroups\/mi-test$/i, kind: 'reset', count: 1 });
    const { status } = await armGet(l);
    await l.http.close();
    expect(status).toBe(200);
    expect(l.retries).toHaveLength(2);
    expect(l.retries[0]?.cause).toEqual({ status: 500 });
    expect(l.retries[1]?.cause).toMatchObject({ code: expect.stringMatching(/ECONNRESET|UND_ERR_SOCKET/) });
    for (const r of l.retries) expect(r.retryAfterMs).toBeUndefined();
    // base 20 ms · 2^(n-1) ± 20 %
    expect(l.retries[0]?.delayMs).toBeGreaterThanOrEqual(16);
    expect(l.retries[0]?.delayMs).toBeLessThanOrEqual(24);
    expect(l.retries[1]?.delayMs).toBeGreaterThanOrEqual(32);
    expect(l.retries[1]?.delayMs).toBeLessThanOrEqual(48);
  });

  it('gives up after TC_MAX_RETRIES and hands the last answer to the caller', async () => {
    const l = live({ TC_MAX_RETRIES: '2' });
    h.handle.faults.inject({ service: 'arm', method: 'GET', pathPattern: /resourceGroups\/mi-test$/i, kind: 'status', status: 503, count: 5 });
    const { status } = await armGet(l);
    await l.http.close();
    h.handle.faults.clear();
    expect(status).toBe(503);
    expect(l.retries).toHaveLength(2);
    expect(l.giveUps).toEqual([expect.objectContaining({ retries: 2, cause: { status: 503 } })]);
  });

  it('does not retry answers that are not transient (404, 403)', async () => {
    const l = live();
    h.handle.faults.inject({ service: 'arm', method: 'GET', pathPattern: /resourceGroups\/mi-test$/i, kind: 'status', status: 404, count: 1 });
    const { status } = await armGet(l);
    await l.http.close();
    expect(status).toBe(404);
    expect(l.retries).toHaveLength(0);
  });

  it('IMDS requests also retry 404 and 410 (IMDS updating), as its retry guidance says; others do not', async () => {
    const l = live({ TC_TOKEN_SOURCE: 'imds' });
    h.handle.faults.inject({ service: 'imds', kind: 'status', status: 410, count: 1 });
    h.handle.faults.inject({ service: 'imds', kind: 'status', status: 404, count: 1 });
    const tokens = await createTokenSource(l.config.tokens, l.http);
    const token = await tokens.getToken({ resource: 'https://vault.azure.net' });
    await l.http.close();
    expect(token.source).toBe('imds');
    expect(l.retries.map((r) => r.cause)).toEqual([{ status: 410 }, { status: 404 }]);
  });

  it('reads every Retry-After form and caps delays at TC_RETRY_MAX_DELAY', () => {
    const now = Date.parse('2026-11-22T00:00:00Z');
    expect(retryAfterMs({ 'retry-after': '3' }, now)).toBe(3000);
    expect(retryAfterMs({ 'retry-after': 'Sun, 22 Nov 2026 00:00:05 GMT' }, now)).toBe(5000);
    expect(retryAfterMs({ 'retry-after-ms': '250', 'retry-after': '9' }, now)).toBe(250);
    expect(retryAfterMs({ 'x-ms-retry-after-ms': '40' }, now)).toBe(40);
    expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
    const policy = { maxRetries: 5, baseDelayMs: 1000, maxDelayMs: 4000 };
    expect(chooseDelay(policy, 1, 120_000)).toBe(4000);
    expect(chooseDelay(policy, 6, undefined, () => 0.5)).toBe(4000);
    expect(chooseDelay(policy, 2, undefined, () => 0.5)).toBe(2000);
  });
});
