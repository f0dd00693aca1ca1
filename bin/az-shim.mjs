#!/usr/bin/env node
// The `az` a shell-engine run puts first on PATH. It implements nothing itself: it hands its argv and
// working folder to the run's az server (a Unix socket in the run's private folder), which runs the
// same REST equivalents as the http engine (src/run/az) through the target's own connection, and
// prints what that returns, exiting with az's status. Plain JavaScript so it starts in milliseconds.
import http from 'node:http';

const socketPath = process.env.TC_AZ_SOCKET;
const nonce = process.env.TC_AZ_NONCE ?? '';

if (!socketPath) {
  process.stderr.write('ERROR: this az is the tutorial-conformance shim; it only works inside a `run --engine shell` step\n');
  process.exit(1);
}

// az reads its storage credentials from the environment too (AZURE_STORAGE_ACCOUNT, _KEY, _SAS_TOKEN,
// _CONNECTION_STRING, _AUTH_MODE): what the page exported travels with the argv, nothing else does.
const env = Object.fromEntries(Object.entries(process.env).filter(([name, value]) => name.startsWith('AZURE_STORAGE_') && typeof value === 'string'));
const payload = JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(), env });
const req = http.request(
  { socketPath, method: 'POST', path: '/az', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'x-tc-nonce': nonce } },
  (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => {
      let answer;
      try {
        answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        process.stderr.write(`ERROR: the run's az server answered ${res.statusCode} without a result\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(answer.stdout ?? '');
      process.stderr.write(answer.stderr ?? '');
      process.exitCode = Number.isInteger(answer.exitCode) ? answer.exitCode : 1;
    });
  },
);
req.on('error', (err) => {
  process.stderr.write(`ERROR: cannot reach the run's az server: ${err.message}\n`);
  process.exitCode = 1;
});
req.end(payload);
