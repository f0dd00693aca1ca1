// Tabs and zone pivots are variants of a page: each is run as its own path against a freshly reset
// emulator, reported as `file (variant)` (report.json: `variant` on the tutorial entry), with the
// steps outside any tab in every variant and each tab's example checked against its own request.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Report, tutorialLabel } from '../../src/report/schema.ts';
import { compareReports } from '../../src/report/compare.ts';
import { writeReports } from '../../src/report/index.ts';
import { RunSecrets, runTutorials } from '../../src/run/index.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';
import type { Target } from '../../src/run/target.ts';

const fence = (lang: string, text: string): string => `\`\`\`${lang}\n${text}\n\`\`\`\n`;
const token = (resource: string) => `curl -s -H Metadata:true "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${encodeURIComponent(resource)}"`;
// The answer as Azure's docs show it: every field, the volatile ones with sample values.
const answer = (resource: string) =>
  fence(
    'json',
    `{
  "access_token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6Imk2bEdrM0ZaenhSY1ViMkMzbkVRN3N5SEpsWSJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl",
  "client_id": "12345678-0000-0000-0000-000000000000",
  "expires_in": "86399",
  "expires_on": "1506484173",
  "ext_expires_in": "86399",
  "not_before": "1506397473",
  "resource": "${resource}",
  "token_type": "Bearer"
}`,
  );

// Linux and Windows tabs in two groups (Learn keeps the same id in step): each tab asks for a token
// of its own audience and shows its own answer; the step after the groups is every reader's.
const TABS = `# Get a token on the VM

## Get a token

#### [Linux](#tab/linux)

${fence('bash', token('https://storage.azure.com/'))}
Response:

${answer('https://storage.azure.com/')}
#### [Windows](#tab/windows)

${fence('bash', token('https://vault.azure.net'))}
Response:

${answer('https://vault.azure.net')}
---

## Get another token

#### [Windows](#tab/windows)

${fence('bash', token('https://management.azure.com/'))}
#### [Linux](#tab/linux)

${fence('bash', `curl -H "Metadata: true" "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/"`)}
---

The response after the group is the answer to whichever tab the reader chose:

${answer('https://management.azure.com/')}
## Everyone

${fence('bash', token('https://storage.azure.com/'))}`;

const PIVOTS = `---
zone_pivot_groups: services
---
# Tokens per service

::: zone pivot="storage"

${fence('bash', token('https://storage.azure.com/'))}
::: zone-end

::: zone pivot="vault"

${fence('bash', token('https://vault.azure.net'))}
The command returns:

${answer('https://vault.azure.net')}
::: zone-end

::: zone pivot="storage"

The command returns:

${answer('https://storage.azure.com/')}
::: zone-end
`;

let dir: string;
let target: Target;
let report: Report;
let written: Report;

beforeAll(async () => {
  dir = await mkdtemp(join(os.tmpdir(), 'tc-variants-'));
  await writeFile(join(dir, 'imds-tabs.md'), TABS);
  await writeFile(join(dir, 'imds-pivots.md'), PIVOTS);
  await writeFile(join(dir, 'plain.md'), `# One path\n\n${fence('bash', token('https://storage.azure.com/'))}`);
  target = await startEmulatorTarget();
  const secrets = new RunSecrets();
  ({ report } = await runTutorials({ paths: [join(dir, 'imds-tabs.md'), join(dir, 'imds-pivots.md'), join(dir, 'plain.md')], targetInstance: target, secrets }));
  await writeReports(report, join(dir, 'out'), undefined, { redactor: secrets.redactor });
  written = Report.parse(JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8')));
}, 180_000);

afterAll(async () => {
  await target?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Each entry: its label, and each step's id, tab or pivot, verdict and the resource it asked for. */
function entries(r: Report) {
  return r.tutorials.map((t) => [
    tutorialLabel({ file: t.file.replace(/^.*\//, ''), variant: t.variant }),
    t.steps.map((s) => [s.id, s.tab ?? s.pivot ?? null, s.verdict, decodeURIComponent(/resource=([^"&]+)/.exec(s.raw)?.[1] ?? '')]),
  ]);
}

describe('a page with Linux/Windows tabs and a page with zone pivots, run per variant', () => {
  it('each variant is an entry of its own, with the steps outside tabs and those of its own tabs', () => {
    expect(entries(report)).toEqual([
      [
        'imds-tabs.md (tab=linux)',
        [
          ['s1', 'linux', 'pass', 'https://storage.azure.com/'],
          ['s4', 'linux', 'pass', 'https://management.azure.com/'],
          ['s5', null, 'pass', 'https://storage.azure.com/'],
        ],
      ],
      [
        'imds-tabs.md (tab=windows)',
        [
          ['s2', 'windows', 'pass', 'https://vault.azure.net'],
          ['s3', 'windows', 'pass', 'https://management.azure.com/'],
          ['s5', null, 'pass', 'https://storage.azure.com/'],
        ],
      ],
      ['imds-pivots.md (pivot=storage)', [['s1', 'storage', 'pass', 'https://storage.azure.com/']]],
      ['imds-pivots.md (pivot=vault)', [['s2', 'vault', 'pass', 'https://vault.azure.net']]],
      ['plain.md', [['s1', null, 'pass', 'https://storage.azure.com/']]],
    ]);
  });

  it("each tab's and each pivot's example is checked against its own request", () => {
    const checked = report.tutorials.flatMap((t) => t.steps.filter((s) => s.checks.some((c) => c.layer === 'example' && !c.skipped)).map((s) => `${t.variant ?? ''} ${s.id}`));
    // s1/s2 of the tabs page: their tab's "Response:"; s3/s4: the one after the group; the pivots
    // page: each pivot's "The command returns:" (storage's in a later zone of the same pivot).
    expect(checked).toEqual(['tab=linux s1', 'tab=linux s4', 'tab=windows s2', 'tab=windows s3', 'pivot=storage s1', 'pivot=vault s2']);
  });

  it('report.json carries the variant on each entry (absent on a page with one path) and stays a valid v2 report', () => {
    expect(written.tutorials.map((t) => t.variant ?? null)).toEqual(['tab=linux', 'tab=windows', 'pivot=storage', 'pivot=vault', null]);
    expect(written.summary.pass).toBe(9);
  });

  it('a baseline is compared variant by variant', () => {
    const worse = structuredClone(written);
    const windows = worse.tutorials.find((t) => t.variant === 'tab=windows')!;
    windows.steps.find((s) => s.id === 's5')!.verdict = 'fail';
    // The shared step failed in the Windows variant only: the change names that variant, not Linux's.
    const c = compareReports(worse, written);
    expect(c.worse.map((w) => [w.variant, w.step, w.from, w.to])).toEqual([['tab=windows', 's5', 'pass', 'fail']]);
    expect(compareReports(written, worse).better.map((w) => [w.variant, w.step])).toEqual([['tab=windows', 's5']]);
  });
});
