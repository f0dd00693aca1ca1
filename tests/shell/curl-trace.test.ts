// A page's own curl tracing (-v, --trace FILE, --trace-ascii -) in the shell engine: the engine's
// trace is still the evidence (the step's response is read), the page still gets the trace it asked
// for, as curl prints it, and what that trace shows is redacted in the written reports.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../src/report/index.ts';
import type { Report } from '../../src/report/schema.ts';
import { RunSecrets, runTutorials } from '../../src/run/index.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';
import { recoverable } from '../helpers/leaks.ts';

const IMDS = `'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fstorage.azure.com%2F'`;
const BLOB = `"https://<STORAGE ACCOUNT>.blob.core.windows.net/<CONTAINER NAME>/<FILE NAME>" -H "x-ms-version: 2017-11-09" -H "Authorization: Bearer $access_token"`;
const block = (text: string): string => `\`\`\`bash\n${text}\n\`\`\`\n\n`;
const PAGE = `# Tracing curl

${block(`access_token=$(curl -s ${IMDS} -H Metadata:true | jq -r '.access_token')`)}${block(`curl -v ${BLOB}`)}${block(`curl -s --trace-ascii - ${BLOB}`)}${block(`curl -s --trace blob.trace ${BLOB}`)}${block('echo "$(grep -c "Recv data" blob.trace) data entries"')}`;

let dir: string;
let out: string;
let report: Report;
let secrets: RunSecrets;

beforeAll(async () => {
  dir = await mkdtemp(join(os.tmpdir(), 'tc-curl-trace-'));
  out = join(dir, 'out');
  await writeFile(join(dir, 'tracing.md'), PAGE);
  const target = await startEmulatorTarget();
  try {
    secrets = new RunSecrets();
    ({ report } = await runTutorials({ paths: [join(dir, 'tracing.md')], targetInstance: target, engine: 'shell', secrets }));
  } finally {
    await target.close();
  }
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('defect: the shell engine marked curl -v, --trace FILE and --trace-ascii - steps "produced no response" although curl got 200', () => {
  it('the response is read for each of them, and the page gets its trace', () => {
    const [, verbose, ascii, hex, count] = report.tutorials[0]!.steps;
    for (const s of [verbose, ascii, hex]) {
      expect(s?.reason).not.toMatch(/no response/);
      expect(s?.response?.status, s?.raw).toBe(200);
      expect(s?.response?.body).toBe('Hello world!');
    }
    // -v: curl's verbose lines on stderr, the body on stdout.
    expect(verbose?.output?.stdout).toBe('Hello world!');
    expect(verbose?.output?.stderr).toMatch(/^> GET \/mi-tutorial-container\/hello_world\.txt HTTP\/1\.1\r$/m);
    expect(verbose?.output?.stderr).toMatch(/^< HTTP\/1\.1 200 OK\r$/m);
    expect(verbose?.output?.stderr).not.toContain('overrides an earlier trace');
    // --trace-ascii -: the trace on stdout, with the body.
    expect(ascii?.output?.stdout).toMatch(/^=> Send header, \d+ bytes \(0x[0-9a-f]+\)$/m);
    expect(ascii?.output?.stdout).toMatch(/^0000: Hello world!$/m);
    // --trace FILE: the page's next step reads the file curl wrote.
    expect(count?.output?.stdout).toBe('1 data entries\n');
  });

  it('the token those traces show is in no written report, in any form', async () => {
    const written = await writeReports(report, out, ['json', 'html', 'junit'], { redactor: secrets.redactor });
    const tokens = secrets.values().filter((s) => s.value.startsWith('eyJ'));
    expect(tokens.length).toBeGreaterThan(0);
    for (const path of Object.values(written)) {
      const text = await readFile(path, 'utf8');
      for (const { value } of tokens) expect(recoverable(text, value.slice(value.indexOf('.') + 1)), path).toEqual([]);
    }
    expect(await readdir(out)).toEqual(expect.arrayContaining(['report.json', 'index.html', 'junit.xml']));
  });
});
