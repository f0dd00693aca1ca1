// The secret scan of a whole run, with both engines, on a page that prints its secrets the ways a
// careless page does (curl's traces, curl -u, fold, base64, xxd, od, set -x, a binary body, the token
// one-liner). Every output is scanned — report.json, index.html (with any compressed evidence
// inflated), junit.xml, the SARIF of lint, the terminal's stdout and stderr, and whatever the run
// left in its temporary folder — for every secret the run saw: as written, in base64 at all three
// byte alignments, base64url, hex, URL-encoded, folded at 50, 64 and 76 characters; and then read back
// by undoing what tools do (tests/helpers/leaks.ts).
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as lint } from '../../src/commands/lint.ts';
import { runCommand } from '../../src/commands/run.ts';
import { RunSecrets } from '../../src/run/secrets.ts';
import { captureIo } from '../helpers/cli-io.ts';
import { recoverable } from '../helpers/leaks.ts';

const IMDS = `'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fstorage.azure.com%2F'`;
const BLOB = '"https://<STORAGE ACCOUNT>.blob.core.windows.net/<CONTAINER NAME>/<FILE NAME>"';
const block = (text: string): string => `\`\`\`bash\n${text}\n\`\`\`\n\n`;
const CLIENT_SECRET = 'Zq98Q~vT3kLmN0pR5sU7wY1aC4eG6iJ8lO2qXy7.';

const PAGE = `# Careless with secrets

${[
  `access_token=$(curl -s ${IMDS} -H Metadata:true | jq -r '.access_token')`,
  `curl -s --trace-ascii - ${BLOB} -H "x-ms-version: 2017-11-09" -H "Authorization: Bearer $access_token"`,
  `curl -s -v -u "<CLIENT ID>:<CLIENT SECRET>" "https://login.microsoftonline.com/<TENANT ID>/oauth2/v2.0/token" -d "grant_type=client_credentials&scope=https%3A%2F%2Fstorage.azure.com%2F.default"`,
  `curl -s -d "client_id=<CLIENT ID>&client_secret=<CLIENT SECRET>&grant_type=client_credentials&scope=https%3A%2F%2Fstorage.azure.com%2F.default" "https://login.microsoftonline.com/<TENANT ID>/oauth2/v2.0/token"`,
  'echo -n "$access_token" | fold -w 50',
  'echo -n "$access_token" | fold -w 64; echo; echo -n "$access_token" | fold -w 76',
  'echo -n "$access_token" | base64; printf "x%s" "$access_token" | base64 -w 0; echo; printf "xy%s" "$access_token" | base64 | fold -w 64',
  'echo -n "<CLIENT SECRET>" | xxd -p; echo -n "<CLIENT SECRET>" | od -c; echo -n "$access_token" | xxd',
  'echo "tracing"; set -x; secret="<CLIENT SECRET>"; echo -n "$secret" | base64 -w 0 | xxd -p -c 64; set +x',
  `echo -n; printf '\\xff\\xfe%s' "$access_token" > body.bin; curl -s --data-binary @body.bin -H "Content-Type: application/octet-stream" ${BLOB}`,
  `token=$(curl -s ${IMDS} -H Metadata:true | jq -r .access_token) && curl -s ${BLOB} -H "x-ms-version: 2017-11-09" -H "Authorization: Bearer $token"`,
]
  .map(block)
  .join('')}`;

const SETS = ['--set', `CLIENT_SECRET=${CLIENT_SECRET}`, '--set', 'CLIENT_ID=5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c', '--set', 'TENANT_ID=7c1e5a9b-2d4f-4e8a-b6c3-9f0d1e2a3b4c'];

/** The base64 characters fixed by `bytes` alone when they sit `offset` bytes after a 3-byte boundary of a larger blob. */
function base64At(bytes: Buffer, offset: 0 | 1 | 2, alphabet: 'base64' | 'base64url'): string {
  const all = Buffer.concat([Buffer.alloc(offset), bytes]).toString(alphabet);
  return all.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6));
}

/** The forms the scan looks for, as written: the issue's list. */
function forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const out = new Set<string>([secret, encodeURIComponent(secret), bytes.toString('hex'), bytes.toString('hex').toUpperCase(), bytes.toString('base64'), bytes.toString('base64url')]);
  for (const offset of [0, 1, 2] as const) for (const alphabet of ['base64', 'base64url'] as const) out.add(base64At(bytes, offset, alphabet));
  for (const width of [50, 64, 76]) {
    const lines = secret.match(new RegExp(`.{1,${width}}`, 'gs')) ?? [];
    if (lines.length > 1) for (const nl of ['\n', '\r\n', '\\n']) out.add(lines.join(nl));
  }
  return [...out].filter((f) => f.length >= 8);
}

/** Text of compressed blobs a file may carry (base64 of gzip, deflate or brotli), inflated. */
function inflated(text: string): string[] {
  const out: string[] = [];
  for (const blob of text.match(/[A-Za-z0-9+/]{64,}={0,2}/g) ?? []) {
    const bytes = Buffer.from(blob, 'base64');
    for (const inflate of [gunzipSync, inflateSync, inflateRawSync, brotliDecompressSync]) {
      try {
        out.push(inflate(bytes).toString('utf8'));
        break;
      } catch {
        // not this format
      }
    }
  }
  return out;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile() && (await stat(path)).size < 64 << 20) out.push(path);
  }
  return out;
}

interface Scanned {
  secrets: { value: string; label: string }[];
  outputs: [string, string][];
  leftovers: string[];
  code: number;
}

let root: string;
const scans: Partial<Record<'http' | 'shell', Scanned>> = {};
const savedTmp = process.env.TMPDIR;

beforeAll(async () => {
  root = await mkdtemp(join(os.tmpdir(), 'tc-secret-scan-'));
  const page = join(root, 'careless.md');
  await writeFile(page, PAGE);
  const sarif = join(root, 'lint.sarif');
  await lint([page, '--report-sarif', sarif, '--output', join(root, 'lint.txt')]);
  for (const engine of ['http', 'shell'] as const) {
    // The run's temporary folders go here, so whatever it leaves behind is found.
    const tmp = join(root, `tmp-${engine}`);
    await mkdir(tmp);
    process.env.TMPDIR = tmp;
    const secrets = new RunSecrets();
    const io = captureIo({ secrets });
    const out = join(root, `out-${engine}`);
    let code: number;
    try {
      code = await runCommand([page, '--engine', engine, '--out', out, ...SETS], io);
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
    }
    const outputs: [string, string][] = [
      ['stdout', io.out()],
      ['stderr', io.err()],
      ['lint.sarif', await readFile(sarif, 'utf8')],
    ];
    for (const file of await filesUnder(out)) {
      const text = await readFile(file, 'utf8');
      outputs.push([file.slice(out.length + 1), text]);
      for (const [k, t] of inflated(text).entries()) outputs.push([`${file.slice(out.length + 1)} (inflated blob ${k})`, t]);
    }
    const leftovers = await filesUnder(tmp);
    for (const file of leftovers) outputs.push([`left in the temporary folder: ${file}`, await readFile(file, 'latin1')]);
    scans[engine] = { secrets: secrets.values(), outputs, leftovers, code };
  }
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe.each(['http', 'shell'] as const)('the secret scan, %s engine', (engine) => {
  it('the run saw the secrets it is meant to: tokens, the client secret, the Basic credentials', () => {
    const scan = scans[engine]!;
    expect(scan.code).toBeLessThan(2);
    const values = scan.secrets.map((s) => s.value);
    expect(values).toContain(CLIENT_SECRET);
    expect(values.some((v) => v.startsWith('eyJ'))).toBe(true);
    expect(scan.secrets.some((s) => s.label.startsWith('Basic credentials'))).toBe(true);
    expect(scan.outputs.map(([where]) => where)).toEqual(expect.arrayContaining(['stdout', 'stderr', 'lint.sarif', expect.stringMatching(/report\.json$/), expect.stringMatching(/index\.html$/), expect.stringMatching(/junit\.xml$/)]));
  });

  it('no output holds any secret as written, in base64 at any alignment, base64url, hex, URL-encoded or folded at 50, 64 or 76', () => {
    const scan = scans[engine]!;
    const found: string[] = [];
    for (const { value, label } of scan.secrets) {
      for (const form of forms(value)) for (const [where, text] of scan.outputs) if (text.includes(form)) found.push(`${label} (${form.slice(0, 8)}…) in ${where}`);
    }
    expect(found).toEqual([]);
  });

  it('nothing of a secret can be read back from any output by undoing what tools do', () => {
    const scan = scans[engine]!;
    const found: string[] = [];
    for (const { value, label } of scan.secrets) {
      // A JWT's header is the same for every token of the issuer: its payload and signature are the secret.
      const part = value.startsWith('eyJ') ? value.slice(value.indexOf('.') + 1) : value;
      if (part.length < 16) continue;
      for (const [where, text] of scan.outputs) if (recoverable(text, part, 16).length > 0) found.push(`${label} in ${where}`);
    }
    expect(found).toEqual([]);
    // Tries every secret against every output under each transform: CPU-bound, past 30 s on a loaded machine.
  }, 120_000);

  it('the run left no temporary folder behind (its traces hold tokens)', () => {
    expect(scans[engine]!.leftovers).toEqual([]);
  });
});
