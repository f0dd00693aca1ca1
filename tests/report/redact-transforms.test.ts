// Secrets as the tools a page runs really print them (curl's traces, base64, xxd, od, fold, set -x),
// redacted, then read back by undoing those tools (tests/helpers/leaks.ts): nothing of the secret
// may come back. Real curl against a real local server; real coreutils.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redactor } from '../../src/report/redact.ts';
import { signToken } from '../check/fixtures.ts';
import { recoverable } from '../helpers/leaks.ts';

let server: Server;
let base: string;
let jwt: string;
/** A storage account key: base64 of 64 random bytes. */
const accountKey = randomBytes(64).toString('base64');
/** An Entra client secret's shape. */
const clientSecret = `Xy7${'8'}Q~${randomBytes(24).toString('base64url').slice(0, 34)}`;
const clientId = '5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c';

beforeAll(async () => {
  jwt = await signToken({ aud: 'https://storage.azure.com/', oid: randomBytes(8).toString('hex') });
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('{"ok":true}\n'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** stdout and stderr together, as a step's evidence holds both (async: the server answers curl in this process). */
async function bash(script: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await promisify(execFile)('bash', ['-c', `{ ${script} ; } 2>&1`], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', ...env }, encoding: 'latin1', maxBuffer: 1 << 26 });
  return stdout;
}

/** Several scripts in one shell (spawning is the slow part): each one's output, stdout and stderr together. */
async function bashEach(scripts: readonly string[], env: Record<string, string> = {}): Promise<string[]> {
  const all = await bash(scripts.map((script, k) => `printf '\\n=== ${k}\\n'; { ${script} ; }`).join('; '), env);
  const parts = all.split(/\n=== \d+\n/).slice(1);
  expect(parts.length).toBe(scripts.length);
  return parts;
}

/** The secret's own part of a JWT: its header is the same for every token of the issuer. */
const payloadAndSignature = (token: string): string => token.slice(token.indexOf('.') + 1);

function redactor(...secrets: [string, string][]): Redactor {
  const r = new Redactor();
  for (const [value, label] of secrets) r.add(value, label);
  return r;
}

describe('defect: curl --trace-ascii split the Authorization header into 64-byte lines; only the first fragment was redacted', async () => {
  it('the token is redacted whole when it is known', async () => {
    const out = await bash(`curl -s --trace-ascii - -H "Authorization: Bearer $T" ${base}/c/blob`, { T: jwt });
    expect(out).toMatch(/^[0-9a-f]{4}: [A-Za-z0-9_.-]{64}$/m); // curl did wrap the header at 64
    expect(recoverable(out, payloadAndSignature(jwt)).length).toBeGreaterThan(0);
    const clean = redactor([jwt, 'bearer token']).redact(out);
    expect(recoverable(clean, payloadAndSignature(jwt))).toEqual([]);
    expect(clean).toContain('Authorization: Bearer [REDACTED:bearer token]');
  });

  it('a token nobody registered is caught by the JWT pattern across the wrapped lines, and the next header stays', async () => {
    const out = await bash(`curl -s --trace-ascii - -H "Authorization: Bearer $T" -H "x-ms-version: 2017-11-09" ${base}/c/blob`, { T: jwt });
    const clean = new Redactor().redact(out);
    expect(recoverable(clean, payloadAndSignature(jwt))).toEqual([]);
    expect(clean).toMatch(/^[0-9a-f]{4}: x-ms-version: 2017-11-09$/m);
  });

  it('curl --trace (hex) and -v too', async () => {
    const flags = ['--trace -', '-v'];
    const outs = await bashEach(flags.map((flag) => `curl -s ${flag} -H "Authorization: Bearer $T" ${base}/c/blob`), { T: jwt });
    for (const [k, out] of outs.entries()) expect(recoverable(redactor([jwt, 'bearer token']).redact(out), payloadAndSignature(jwt)), flags[k]).toEqual([]);
  });
});

describe('defect: the Basic header of curl -u <CLIENT ID>:<CLIENT SECRET> was redacted only by luck of alignment', async () => {
  it('the secret inside base64(id:secret) is redacted at every alignment, in -v and in --trace-ascii', async () => {
    const cases = [clientId, `${clientId}x`, `${clientId}xy`].flatMap((id) => ['-v', '--trace-ascii -'].map((flag) => ({ id, flag })));
    const outs = await bashEach(cases.map(({ id, flag }) => `curl -s ${flag} -u "${id}:$S" ${base}/token`), { S: clientSecret });
    for (const [k, out] of outs.entries()) {
      expect(out).toContain('Authorization: Basic ');
      const clean = redactor([clientSecret, '--set CLIENT_SECRET']).redact(out);
      expect(recoverable(clean, clientSecret), `${cases[k]!.flag} with an id of ${cases[k]!.id.length}`).toEqual([]);
    }
  });

  it('a Basic credential nobody registered is redacted by its shape; prose about Basic authentication is not', async () => {
    const header = `Authorization: Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    expect(new Redactor().redact(header)).toBe('Authorization: Basic [REDACTED:basic-credentials]');
    expect(new Redactor().redact('Use Basic authentication with the client id')).toBe('Use Basic authentication with the client id');
  });
});

describe('defect: a token after a non-UTF-8 byte in a body stored as base64 was not on a 3-byte boundary, and decoded whole', async () => {
  it('the token is redacted in the base64 of any surrounding bytes', async () => {
    const r = redactor([jwt, 'bearer token']);
    for (let before = 0; before < 6; before++) {
      const body = Buffer.concat([Buffer.from([0xff, ...Array<number>(before).fill(0x41)]), Buffer.from(`token=${jwt}&x=1`), Buffer.from([0xfe])]);
      const stored = body.toString('base64');
      expect(recoverable(stored, payloadAndSignature(jwt)).length).toBeGreaterThan(0);
      expect(recoverable(r.redact(stored), payloadAndSignature(jwt)), `${before} bytes before`).toEqual([]);
    }
  });
});

describe('defect: a key in hex under set -x, a token folded by fold -w 50, xxd -p of a token and od -c of a secret landed whole in the reports', async () => {
  it("the Shared Key sample's `base64 -d | xxd -p` of the account key, under set -x", async () => {
    // As Azure's own Shared Key samples do it.
    const out = await bash('set -x; access_key="$K"; decoded_hex_key="$(echo -n $access_key | base64 -d -w0 | xxd -p -c256)"; echo "$decoded_hex_key" | xxd -p', { K: accountKey });
    const decoded = Buffer.from(accountKey, 'base64').toString('latin1');
    expect(recoverable(out, decoded).length).toBeGreaterThan(0);
    const clean = redactor([accountKey, 'key1']).redact(out);
    expect(recoverable(clean, accountKey)).toEqual([]);
    expect(recoverable(clean, decoded)).toEqual([]);
  });

  it('fold -w 50, 64 and 76 of a token and of its base64; base64 wrapped at 76', async () => {
    const r = redactor([jwt, 'bearer token']);
    const scripts = ['echo -n "$T" | fold -w 50', 'echo -n "$T" | fold -w 64', 'echo -n "$T" | fold -w 76', 'echo -n "$T" | base64', 'printf "xy%s" "$T" | base64 | fold -w 50'];
    for (const [k, out] of (await bashEach(scripts, { T: jwt })).entries()) expect(recoverable(r.redact(out), payloadAndSignature(jwt)), scripts[k]).toEqual([]);
  });

  it('xxd -p, xxd, hexdump -C, od -c, od -An -tx1 and od -b of a secret', async () => {
    const r = redactor([clientSecret, 'client secret'], [jwt, 'bearer token']);
    const tools = ['xxd -p', 'xxd', 'xxd -u', 'hexdump -C', 'od -c', 'od -An -tx1', 'od -tx1', 'od -b'];
    for (const [secret, part] of [
      [clientSecret, clientSecret],
      [jwt, payloadAndSignature(jwt)],
    ] as const) {
      const outputs = await bashEach(tools.map((tool) => `printf '%s' "$S" | ${tool}`), { S: secret });
      for (const [k, out] of outputs.entries()) {
        const tool = tools[k]!;
        expect(recoverable(out, part).length, `${tool} prints something readable`).toBeGreaterThan(0);
        expect(recoverable(r.redact(out), part), `${tool} of ${secret === jwt ? 'a token' : 'a client secret'}`).toEqual([]);
      }
    }
  });

  it('what is not a secret around them stays: the dump offsets, the other lines', async () => {
    const out = await bash('echo before; printf "%s" "$S" | xxd -p; echo after', { S: clientSecret });
    const clean = redactor([clientSecret, 'client secret']).redact(out);
    expect(clean).toMatch(/^before\n\[REDACTED:client secret\]\nafter\n$/);
  });
});
