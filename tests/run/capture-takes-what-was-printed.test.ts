// Defect: a capture whose producer printed nothing (an az step run with -o none) or assigned nothing
// (a shell step) took the last JSON response the step had received instead: a value the page's reader
// never had in hand (the REST answer behind az, or an error body). A capture takes what the command
// printed, or nothing — and then the steps that need it are blocked saying why. Emulator for real.
import { describe, expect, it } from 'vitest';
import type { Step } from '../../src/model.ts';
import { parseTutorialText } from '../../src/parse/index.ts';
import type { Report } from '../../src/report/schema.ts';
import { captureValue } from '../../src/run/captures.ts';
import { Observation } from '../../src/run/observation.ts';
import { emulatorRun } from '../helpers/emulator-run.ts';

const page = (output: string): string =>
  [
    '# Create an identity and use its client ID',
    '',
    '```azurecli',
    'az group create --name myResourceGroup --location eastus',
    '```',
    '',
    '```azurecli',
    `az identity create --resource-group myResourceGroup --name myIdentity${output}`,
    '```',
    '',
    'Replace `<CLIENT_ID>` with the client ID returned in the previous step.',
    '',
    '```azurecli',
    'az role assignment create --assignee <CLIENT_ID> --role Reader --scope /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myResourceGroup',
    '```',
    '',
  ].join('\n');

const emulator = emulatorRun('capture-printed');
const run = (name: string, text: string): Promise<Report['tutorials'][number]> => emulator.page(name, text, { engine: 'http' });

describe('defect: a capture fell back to the last JSON response when the command printed nothing', () => {
  it('az identity create -o none prints nothing: <CLIENT_ID> is not taken from the REST answer behind it; its user is blocked saying why', async () => {
    const t = await run('none.md', page(' -o none'));
    expect(t.steps[1]?.verdict).toBe('pass');
    expect(t.steps[1]?.output?.stdout ?? '').toBe('');
    const user = t.steps[2];
    expect(user?.verdict).toBe('blocked');
    expect(user?.reason).toMatch(/produced no clientId for CLIENT_ID.*az printed nothing/);
  }, 120_000);

  it('the same page printing JSON binds the clientId az printed', async () => {
    const t = await run('json.md', page(''));
    expect(t.steps[1]?.verdict).toBe('pass');
    const printed = JSON.parse(t.steps[1]?.output?.stdout ?? '{}') as { clientId?: string };
    expect(printed.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.steps[2]?.verdict).not.toBe('blocked');
    expect(JSON.stringify(t.steps[2])).toContain(printed.clientId);
  }, 120_000);
});

describe('defect: a shell assignment that assigned nothing captured the last JSON response', () => {
  const steps = (): Step[] => parseTutorialText(['# Token', '', '```bash', "TOKEN=$(curl -s 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://storage.azure.com/' -H Metadata:true | jq -r .access_token)", '```', ''].join('\n'), 'p.md').steps;
  // What the step received: an error body (JSON), from which jq printed nothing the page wanted.
  const observation = (captured: Record<string, string>): Observation =>
    Observation.parse({
      stepId: 's1',
      engine: 'shell',
      startedAt: new Date(0).toISOString(),
      durationMs: 1,
      exchanges: [{ request: { method: 'GET', url: 'http://169.254.169.254/metadata/identity/oauth2/token', headers: [] }, response: { status: 400, statusText: 'Bad Request', headers: [], body: '{"access_token":"not-this","error":"invalid_request"}', json: { access_token: 'not-this', error: 'invalid_request' } }, durationMs: 1 }],
      files: [],
      bindings: {},
      captured,
      error: { kind: 'shell', message: 'jq: error: null' },
    });

  it('takes the variable the step assigned, and reports why when it assigned none (never the error body)', () => {
    const [producer] = steps();
    if (!producer || producer.kind !== 'shell') throw new Error(`expected a shell step, got ${producer?.kind}`);
    const capture = { key: '$TOKEN', producer: producer.id, path: 'access_token', consumers: ['s2'], reason: '' };
    expect(captureValue(capture, producer, observation({ $TOKEN: 'eyJ.a.b' }))).toEqual({ value: 'eyJ.a.b' });
    const none = captureValue(capture, producer, observation({}));
    expect(none).toEqual({ missing: expect.stringMatching(/assigned no value \(jq: error: null\)/) });
  });
});
