// The one-liner pages use to get a token and call a service with it, run by both engines against the
// emulator: both commands run, the variable flows from the first to the second.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.ts';
import { RunSecrets, runTutorials } from '../../src/run/index.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';
import type { Target } from '../../src/run/target.ts';

const IMDS = `'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fstorage.azure.com%2F'`;
const PAGE = `# Get a token and read a blob

Get a token and read the blob in one go:

\`\`\`bash
token=$(curl -s ${IMDS} -H Metadata:true | jq -r .access_token) && curl -s "https://<STORAGE ACCOUNT>.blob.core.windows.net/<CONTAINER NAME>/<FILE NAME>" -H "x-ms-version: 2017-11-09" -H "Authorization: Bearer $token"
\`\`\`

Then again, with the variable used by a later step too:

\`\`\`bash
curl -s "https://<STORAGE ACCOUNT>.blob.core.windows.net/<CONTAINER NAME>/<FILE NAME>" -H "x-ms-version: 2017-11-09" -H "Authorization: Bearer $token"
\`\`\`
`;

let dir: string;
let target: Target;
const reports: Record<'http' | 'shell', Report> = {} as Record<'http' | 'shell', Report>;

beforeAll(async () => {
  dir = await mkdtemp(join(os.tmpdir(), 'tc-token-and-call-'));
  await writeFile(join(dir, 'one-line.md'), PAGE);
  target = await startEmulatorTarget();
  for (const engine of ['http', 'shell'] as const) {
    await target.reset();
    ({ report: reports[engine] } = await runTutorials({ paths: [join(dir, 'one-line.md')], targetInstance: target, engine, secrets: new RunSecrets() }));
  }
}, 120_000);

afterAll(async () => {
  await target?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('defect: `token=$(curl … | jq -r .access_token) && curl … "Authorization: Bearer $token"` on one line stopped the run with "add --set TOKEN="', () => {
  it.each(['http', 'shell'] as const)('%s engine: both commands run and the token flows into the second', (engine) => {
    const [s1, s2] = reports[engine].tutorials[0]!.steps;
    expect(reports[engine].tutorials[0]!.problems ?? []).toEqual([]);
    expect(s1?.verdict, s1?.reason).not.toBe('blocked');
    const exchanges = s1?.exchanges ?? [];
    expect(exchanges.map((x) => [x.request.method, new URL(x.request.url).hostname, x.response?.status])).toEqual([
      ['GET', '169.254.169.254', 200],
      ['GET', 'mitutorialstorage.blob.core.windows.net', 200],
    ]);
    const token = (exchanges[0]?.response?.json as { access_token?: string }).access_token;
    expect(token).toMatch(/^eyJ/);
    expect(exchanges[1]?.request.headers.find(([n]) => n === 'Authorization')?.[1]).toBe(`Bearer ${token}`);
    expect(s1?.output?.stdout).toBe('Hello world!');
    // A later step uses the variable the one-liner set: it depends on it, and runs.
    expect(s2?.verdict).toBe('pass');
    expect(s2?.request?.headers.find(([n]) => n === 'Authorization')?.[1]).toBe(`Bearer ${token}`);
  });
});
