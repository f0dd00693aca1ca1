// The ARM client's long-running-operation handling, for the polling styles the emulator's resource
// providers do not use (Azure-AsyncOperation, failed operations, timeouts, paging), against a small
// HTTP server speaking ARM's protocol on a loopback port.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArmError, createArmClient } from '../../src/live/arm/client.ts';
import type { TokenSource } from '../../src/live/tokens/types.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;
let handler: Handler = (_req, res) => res.writeHead(500).end();
const seen: string[] = [];
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://arm.test');
  seen.push(`${req.method} ${url.pathname} ${req.headers.authorization ?? ''}`);
  req.resume();
  req.on('end', () => handler(req, res, url));
});
let origin = '';
const agent = new Agent();
// The client only needs something that hands out a token; the ARM protocol is what is under test.
const tokens: TokenSource = { kind: 'client-secret', getToken: async () => ({ accessToken: 'tok', expiresOn: new Date(Date.now() + 3_600_000), source: 'client-secret' }) };

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await agent.close();
  await new Promise<void>((r) => server.close(() => r()));
});

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
const client = (lroTimeoutMs = 5000) => createArmClient({ endpoint: origin, audience: 'https://management.azure.com/', dispatcher: agent, tokens, lroTimeoutMs, pollIntervalMs: 10 });

describe('ARM client long-running operations', () => {
  it('follows Azure-AsyncOperation until Succeeded, then reads the resource', async () => {
    let polls = 0;
    seen.length = 0;
    handler = (req, res, url) => {
      if (req.method === 'PUT') return json(res, 201, { properties: { provisioningState: 'Creating' } }, { 'azure-asyncoperation': `${origin}/ops/1`, 'retry-after': '0' });
      if (url.pathname === '/ops/1') return json(res, 200, { status: ++polls < 3 ? 'InProgress' : 'Succeeded' });
      return json(res, 200, { name: 'thing', properties: { provisioningState: 'Succeeded' } });
    };
    const body = await client().put('/subscriptions/s/resourceGroups/g/providers/X/things/thing', '2024-01-01', { location: 'westus' });
    expect(body).toEqual({ name: 'thing', properties: { provisioningState: 'Succeeded' } });
    expect(polls).toBe(3);
    expect(seen.every((l) => l.endsWith('Bearer tok'))).toBe(true);
    expect(seen.at(-1)).toMatch(/^GET \/subscriptions\/s\/resourceGroups\/g\/providers\/X\/things\/thing /);
  });

  it('a Failed operation becomes an ArmError with the operation\'s code', async () => {
    handler = (req, res, url) => {
      if (req.method === 'PUT') return json(res, 201, {}, { 'azure-asyncoperation': `${origin}/ops/2`, 'retry-after': '0' });
      if (url.pathname === '/ops/2') return json(res, 200, { status: 'Failed', error: { code: 'QuotaExceeded', message: 'no more cores' } });
      return json(res, 404, {});
    };
    const err = await client().put('/x', '2024-01-01', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArmError);
    expect(err).toMatchObject({ code: 'QuotaExceeded', message: expect.stringContaining('no more cores') });
  });

  it('gives up after TC_LRO_TIMEOUT, naming it', async () => {
    handler = (req, res) => {
      if (req.method === 'PUT') return json(res, 202, {}, { location: `${origin}/ops/3`, 'retry-after': '0' });
      return json(res, 202, {}, { location: `${origin}/ops/3` });
    };
    await expect(client(200).put('/y', '2024-01-01', {})).rejects.toThrow(/LongRunningOperationTimeout.*raise TC_LRO_TIMEOUT/);
  });

  it('DELETE: 202 then Location polling; 404 and 204 count as deleted; errors carry ARM\'s code', async () => {
    let polls = 0;
    handler = (req, res, url) => {
      if (req.method === 'DELETE' && url.pathname === '/gone') return res.writeHead(404).end();
      if (req.method === 'DELETE' && url.pathname === '/locked') return json(res, 409, { error: { code: 'ScopeLocked', message: 'locked' } });
      if (req.method === 'DELETE') return res.writeHead(202, { location: `${origin}/ops/4`, 'retry-after': '0' }).end();
      return ++polls < 2 ? res.writeHead(202, { location: `${origin}/ops/4` }).end() : res.writeHead(200).end();
    };
    await client().delete('/rg', '2021-04-01');
    expect(polls).toBe(2);
    await client().delete('/gone', '2021-04-01');
    await expect(client().delete('/locked', '2021-04-01')).rejects.toMatchObject({ status: 409, code: 'ScopeLocked' });
  });

  it('list follows nextLink pages', async () => {
    handler = (_req, res, url) => {
      if (url.searchParams.get('page') === '2') return json(res, 200, { value: [{ n: 3 }] });
      return json(res, 200, { value: [{ n: 1 }, { n: 2 }], nextLink: `${origin}/list?page=2&api-version=1` });
    };
    expect(await client().list('/list', '1')).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });
});
