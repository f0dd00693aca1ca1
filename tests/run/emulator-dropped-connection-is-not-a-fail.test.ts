// Defect: on a loaded machine (load average 28 on 2 cores) a correct page's `az functionapp config
// appsettings set` was reported `fail` — "No connection: ECONNRESET" — on the corpus run: the embedded
// emulator dropped the connection of the step's second request. Azure never saw the request, so the
// step says nothing about the page: a connection the tool's own server drops is `unsupported` in its
// own words. A live target (no own server) still reports the reset as the network error it is.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStep } from '../../src/check/index.ts';
import { createConnector } from '../../src/run/http/connector.ts';
import { send } from '../../src/run/http/send.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';
import { azStep, observation, tutorial } from '../check/fixtures.ts';
import { psCallFailure } from '../../src/run/powershell/cmdlets/arm.ts';

/** A server that reads a request and then drops the connection: with a reset (RST) or a plain close. */
async function dropping(how: 'reset' | 'close'): Promise<{ port: number; close(): Promise<void> }> {
  const server = net.createServer((socket) => {
    socket.once('data', () => (how === 'reset' ? socket.resetAndDestroy() : socket.destroy()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const request = {
  method: 'POST',
  url: 'http://management.azure.com/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/a/config/appsettings/list?api-version=2023-12-01',
  headers: [['Host', 'management.azure.com'], ['Content-Length', '0']] as [string, string][],
};

describe('emulator dropped connection is not a fail', () => {
  const servers: { port: number; close(): Promise<void> }[] = [];
  beforeAll(async () => {
    servers.push(await dropping('reset'), await dropping('close'));
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  it.each([['reset', 0], ['close', 1]] as const)('a connection the own server drops with a %s is unsupported, in its own words', async (_how, i) => {
    const port = servers[i]!.port;
    const connector = createConnector({ router: { route: () => ({ kind: 'connect', host: '127.0.0.1', port }) }, ownServer: 'the embedded emulator' });
    try {
      const result = await send(connector, request);
      expect(result.exchange.response).toBeUndefined();
      expect(result.error).toMatchObject({ kind: 'unsupported', unsupported: 'not-emulated' });
      expect(result.error?.message).toMatch(/^the embedded emulator dropped the connection before answering \((ECONNRESET|UND_ERR_SOCKET)/);
      expect(result.error?.message).toContain('not Azure behaviour');
    } finally {
      await connector.close();
    }
  });

  it('a live target reports the same reset as a network error', async () => {
    const port = servers[0]!.port;
    const connector = createConnector({ router: { route: () => ({ kind: 'connect', host: '127.0.0.1', port }) } });
    try {
      const result = await send(connector, request);
      expect(result.error).toMatchObject({ kind: 'network' });
      expect(result.error?.message).toContain('ECONNRESET');
    } finally {
      await connector.close();
    }
  });

  // The same drop under an Az cmdlet (tests/fresh on a loaded machine: quick-kubernetes-deploy-bicep.md's
  // Remove-AzResourceGroup) became PowerShell's error record, exit status 1 and a fail whose own reason
  // said the step "says nothing about the page".
  it('powershell-dropped-connection-failed-the-page: an Az cmdlet whose call the own server drops is unsupported, not an error record', async () => {
    const port = servers[0]!.port;
    const connector = createConnector({ router: { route: () => ({ kind: 'connect', host: '127.0.0.1', port }) }, ownServer: 'the embedded emulator' });
    try {
      const result = await send(connector, { ...request, method: 'DELETE', url: 'http://management.azure.com/subscriptions/s/resourcegroups/g?api-version=2022-09-01' });
      const failure = psCallFailure({ result, json: undefined, ok: false });
      expect(failure).toMatchObject({ unsupportedReason: 'not-emulated' });
      expect('unsupported' in failure ? failure.unsupported : '').toMatch(/^the embedded emulator dropped the connection before answering/);
      expect('error' in failure).toBe(false);
    } finally {
      await connector.close();
    }
  });

  it('the step is unsupported, not fail, and the emulator target is such an own server', async () => {
    const port = servers[0]!.port;
    const connector = createConnector({ router: { route: () => ({ kind: 'connect', host: '127.0.0.1', port }) }, ownServer: 'the embedded emulator' });
    const result = await send(connector, request);
    await connector.close();
    const step = azStep({ id: 's8', file: 'tests/corpus/articles/app-service/configure-authentication-api-version.md', line: 67, path: ['functionapp', 'config', 'appsettings', 'set'], options: [['-g', 'g']] });
    const verdict = checkStep({ tutorial: tutorial(step.source.file, 'auth', [step]), step, observation: observation('s8', { error: result.error! }) });
    expect(verdict.verdict).toBe('unsupported');

    const target = await startEmulatorTarget();
    try {
      expect(target.connector.ownServer).toBe('the embedded emulator');
    } finally {
      await target.close();
    }
  }, 60_000);
});
