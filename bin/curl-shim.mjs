#!/usr/bin/env node
// The curl wrapper's slow path (see src/run/shell/curl-shim.ts), for a call whose words may ask for a
// trace of its own (-v, --trace, --trace-ascii): it runs the machine's curl with the engine's trace
// added last, drops the warnings the engine's traces make curl print, and then prints (or writes) the
// page's own trace, which the run renders from the engine's over the shim socket. Plain JavaScript,
// like the az shim. argv: the real curl, the engine's trace file, then curl's words as the page gave them.
import { spawn } from 'node:child_process';
import http from 'node:http';

const [real, trace, ...words] = process.argv.slice(2);
// curl's warning when a trace option follows another: the engine's (the .curlrc's, this --trace) cause them.
const WARNING = /^Warning: .* overrides an earlier trace\/verbose option$/;

const end = words.indexOf('--');
const args = end < 0 ? [...words, '--trace', trace] : [...words.slice(0, end), '--trace', trace, ...words.slice(end)];
const child = spawn(real, args, { stdio: ['inherit', 'inherit', 'pipe'] });

// stderr line by line (bytes kept as they are), without the warnings the engine's traces cause.
let pending = Buffer.alloc(0);
const pass = (line) => {
  const text = line.toString('latin1').replace(/\r?\n$/, '');
  if (!WARNING.test(text)) process.stderr.write(line);
};
child.stderr.on('data', (chunk) => {
  pending = Buffer.concat([pending, chunk]);
  for (let nl = pending.indexOf(10); nl >= 0; nl = pending.indexOf(10)) {
    pass(pending.subarray(0, nl + 1));
    pending = pending.subarray(nl + 1);
  }
});

function pageTrace() {
  const socketPath = process.env.TC_AZ_SOCKET;
  if (!socketPath) return Promise.resolve(undefined);
  const payload = JSON.stringify({ argv: words, trace, cwd: process.cwd() });
  return new Promise((resolve) => {
    const req = http.request(
      { socketPath, method: 'POST', path: '/curl-trace', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'x-tc-nonce': process.env.TC_AZ_NONCE ?? '' } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch {
            resolve(undefined);
          }
        });
      },
    );
    req.on('error', () => resolve(undefined));
    req.end(payload);
  });
}

child.on('close', async (code, signal) => {
  if (pending.length > 0) pass(pending);
  const answer = await pageTrace();
  // The rendered trace is curl's bytes as latin1 code points.
  if (answer?.stdout) process.stdout.write(Buffer.from(answer.stdout, 'latin1'));
  if (answer?.stderr) process.stderr.write(Buffer.from(answer.stderr, 'latin1'));
  process.exitCode = code ?? 128 + (signal === 'SIGKILL' ? 9 : 15);
});
child.on('error', (err) => {
  process.stderr.write(`bash: curl: ${err.message}\n`);
  process.exitCode = 127;
});
