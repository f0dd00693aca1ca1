// `--engine shell` end to end over a started emulator, on a small tutorial written for the purpose:
// terminal state across steps, `<PLACEHOLDER>`-only substitution, real exit statuses, the az shim's
// success and argument errors, and no secret in any written report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { writeReports } from '../../src/report/index.ts';
import type { Report } from '../../src/report/schema.ts';
import { RunSecrets, runTutorials } from '../../src/run/index.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';

const IMDS = `'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F'`;
const fence = (lang: string, text: string): string => `\`\`\`${lang}\n${text}\n\`\`\`\n\n`;

// One step per fenced block, in this order (s1…s10).
// The grant is stated, as a real page states it: the page's World never assumes a permission.
const TUTORIAL = `# Shell engine demo

Assign the VM's managed identity the Reader role on the resource group.

Get a token into a variable:

${fence('bash', `access_token=$(curl -s ${IMDS} -H Metadata:true | jq -r '.access_token')`)}Write its length and a placeholder to a file:

${fence('bash', `echo "\${#access_token} <SUBSCRIPTION ID> {}" > notes.txt`)}Call Resource Manager with the variable, and the file in a header:

${fence('bash', `curl -s -i "https://management.azure.com/subscriptions/<SUBSCRIPTION ID>/resourceGroups/<RESOURCE GROUP>?api-version=2016-09-01" -H "Authorization: Bearer $access_token" -H "x-note: $(cat notes.txt)"`)}A second word curl takes for a URL after the right answer:

${fence('bash', `curl -s ${IMDS} -H Metadata:true 'http://'`)}Create an identity:

${fence('azurecli', 'az identity create -g <RESOURCE GROUP> -n shell-demo-identity')}An unknown role:

${fence('azurecli', 'az role assignment create --assignee 00000000-0000-0000-0000-000000000001 --role NoSuchRole --scope /subscriptions/<SUBSCRIPTION ID>')}The 2017 command name:

${fence('azurecli', 'az vm assign-identity -g <RESOURCE GROUP> -n <VM NAME>')}A flag missing its value:

${fence('azurecli', 'az storage blob upload --container-name --file notes.txt --name notes.txt --account-name <STORAGE ACCOUNT NAME>')}A word in single quotes that bash leaves alone:

${fence('azurecli', `az identity create -g <RESOURCE GROUP> -n other 'extra$word'`)}A trailing no-break space after a space, which curl takes for a second URL:

${fence('bash', `curl ${IMDS} -H Metadata:true \u00a0`)}`;

let dir: string;
let report: Report;
let secrets: RunSecrets;
let values: Readonly<Record<string, string>>;

beforeAll(async () => {
  dir = await mkdtemp(join(os.tmpdir(), 'tc-shell-test-'));
  await writeFile(join(dir, 'demo.md'), TUTORIAL);
  const target = await startEmulatorTarget();
  values = target.values;
  try {
    secrets = new RunSecrets();
    ({ report } = await runTutorials({ paths: [join(dir, 'demo.md')], targetInstance: target, engine: 'shell', secrets, sets: { WORD: 'not-for-bash' } }));
  } finally {
    await target.close();
  }
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function step(id: string) {
  const s = report.tutorials[0]?.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}: ${JSON.stringify(report.tutorials[0]?.steps.map((x) => [x.id, x.raw]))}`);
  return s;
}

describe('shell engine', () => {
  it('records the engine and parses the demo into the steps this test expects', () => {
    expect(report.engine).toBe('shell');
    expect(report.tutorials[0]?.steps.map((s) => s.kind)).toEqual(['shell', 'shell', 'http', 'http', 'az', 'az', 'az', 'az', 'az', 'http']);
  });

  it('keeps terminal state: the variable of s1 is expanded by bash in s2 and s3, the file s2 wrote is read in s3', () => {
    expect(step('s1').verdict).toBe('pass');
    const s3 = step('s3');
    const note = s3.request?.headers.find(([n]) => n === 'x-note')?.[1] ?? '';
    const [length, sub, unset] = note.split(' ');
    expect(Number(length)).toBeGreaterThan(200); // ${#access_token}: bash computed it, nobody else can
    expect(sub).toBe(values.SUBSCRIPTION_ID); // the one transformation: <SUBSCRIPTION ID> filled in
    expect(unset).toBe('{}'); // anything that is not a placeholder reaches bash as written ({name} would be one: the page's world binds it)
    expect(s3.verdict).toBe('pass');
    expect(s3.output?.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(s3.response?.status).toBe(200);
    expect(s3.request?.url).toBe(`https://management.azure.com/subscriptions/${values.SUBSCRIPTION_ID}/resourceGroups/${values.RESOURCE_GROUP}?api-version=2016-09-01`);
  });

  it('fails a command that prints the right JSON but exits non-zero, with curl\'s reason', () => {
    const s4 = step('s4');
    expect(s4.output?.stdout).toContain('"token_type":"Bearer"');
    expect(s4.output?.exitCode).toBe(3);
    expect(s4.verdict).toBe('fail');
    expect(s4.failure).toBe('exit-code');
    // -s silences curl's own message too: the reader sees the JSON and nothing else, only $? tells.
    expect(s4.output?.stderr).toBe('');
    expect(s4.reason).toBe('the command exited with status 3');
  });

  it('fails the right JSON followed by a no-break-space "URL": curl cannot connect to that host and exits non-zero', () => {
    const s10 = step('s10');
    expect(s10.output?.stdout).toContain('"token_type":"Bearer"');
    expect(s10.response?.status).toBe(200);
    expect(s10.output?.exitCode).toBe(7);
    expect(s10.output?.stderr).toMatch(/curl: \(7\) Failed to connect/);
    expect(s10.verdict).toBe('fail');
    expect(s10.failure).toBe('exit-code');
    // Without -s curl's progress meter comes first; the reason quotes curl's own line.
    expect(s10.reason).toMatch(/^the command exited with status 7: curl: \(7\) Failed to connect/);
  });

  it('runs az through the shim on the shared equivalents: JSON as az prints it, and az-like argument errors', () => {
    const s5 = step('s5');
    expect(['pass', 'drift']).toContain(s5.verdict);
    const printed = JSON.parse(s5.output?.stdout ?? '') as Record<string, unknown>;
    expect(printed.name).toBe('shell-demo-identity');
    expect(printed.resourceGroup).toBe(values.RESOURCE_GROUP);
    expect(Object.keys(printed)).toEqual([...Object.keys(printed)].sort((a, b) => a.localeCompare(b, 'en')));
    expect((s5.exchanges ?? []).map((x) => x.request.method)).toEqual(expect.arrayContaining(['GET', 'PUT']));

    const s6 = step('s6');
    expect(s6.verdict).toBe('fail');
    expect(s6.failure).toBe('az-usage');
    expect(s6.output?.stderr).toContain("Role 'NoSuchRole' doesn't exist.");
    expect(s6.output?.exitCode).toBe(1);

    const s7 = step('s7');
    expect(s7.failure).toBe('az-usage');
    // az's own wording today (azure-cli's CommandNotFound), with the history the table proves.
    expect(s7.output?.stderr).toMatch(/^ERROR: 'assign-identity' is misspelled or not recognized by the system\. .*az vm identity assign/);
    expect(s7.output?.exitCode).toBe(2);

    const s8 = step('s8');
    expect(s8.failure).toBe('az-usage');
    expect(s8.output?.stderr).toContain('argument --container-name/-c: expected one argument');

    // The planner binds $word (it does not know single quotes); the shell engine substitutes only
    // <PLACEHOLDER>s, bash keeps '$word' literal, and the shim's words are not expanded a second time.
    const s9 = step('s9');
    expect(s9.failure).toBe('az-usage');
    expect(s9.output?.stderr).toBe('ERROR: unrecognized arguments: extra$word\n');
  });

  it('writes reports that hold none of the secrets the run saw', async () => {
    const out = join(dir, 'reports');
    await writeReports(report, out, undefined, { redactor: secrets.redactor });
    const seen = secrets.values().map((s) => s.value).filter((v) => v.length >= 8);
    expect(seen.some((v) => v.startsWith('eyJ'))).toBe(true);
    for (const f of await readdir(out)) {
      const text = await readFile(join(out, f), 'utf8');
      for (const v of seen) expect(text.includes(v), `${f} holds a secret`).toBe(false);
    }
  });
});
