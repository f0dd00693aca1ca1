// Runs Azurite's blob server as a child of the emulator.
// 1. It ends when the emulator goes away, even when the emulator dies without closing (a crash,
//    process.exit, a killed test worker): the IPC channel to the parent closes then, and an orphaned
//    Azurite would hold memory and a port.
// 2. Its storage accounts (names and keys) arrive over that channel, not in the environment: the
//    child can be started before the emulator knows its scenario (a run spawns it first thing, while
//    the tool still loads), and compiles Azurite meanwhile. Azurite starts when they arrive.
// 3. Besides Azurite's own TCP listener, the same HTTP server also accepts connections on a Unix
//    socket (TC_AZURITE_SOCKET): the emulator forwards over it, because a loopback TCP round trip
//    costs several times a Unix-socket one on the machines this runs on, and the emulator's hop to
//    its store should not cost what the client's hop to Azure costs.
// 4. With TC_AZURITE_CODE_CACHE=1, the blob server's file is compiled with a V8 code cache kept
//    beside it: compiling the 9 MB bundle is about a third of Azurite's start, and Azurite's start is
//    the longest part of an emulator boot. V8 refuses a cache made by another V8 version, other flags
//    or a source of another length (the file is then rewritten); one file per Node version, so two
//    Node versions sharing an install do not keep replacing each other's. Only the bundle in dist/
//    is loaded this way, and dist/ is only ever replaced whole, so a cache never outlives its bundle.
// 5. Azurite's server keeps an idle connection 5 s (Node's keepAliveTimeout; its --blobKeepAliveTimeout
//    flag is read under another name and has no effect) and the emulator's pool, which reuses
//    connections for up to 4 s, raced it: when the emulator's process was busy past 5 s between two
//    forwards on a loaded machine, the next one was written to a connection Azurite had just closed
//    (EPIPE, ECONNRESET). Idle connections are the emulator's to close (azurite.ts); Azurite only
//    reclaims one idle for 10 minutes, like the emulator's own listeners (server.ts).
'use strict';
const http = require('node:http');
const net = require('node:net');
const { compileWithCodeCache } = require('../code-cache.cjs');

process.on('disconnect', () => process.exit(0));

const main = process.env.TC_AZURITE_BLOB_MAIN;
const socketPath = process.env.TC_AZURITE_SOCKET;
const cachePath = process.env.TC_AZURITE_CODE_CACHE === '1' ? `${main}.${process.version}-${process.arch}.v8cache` : undefined;

let compiled;
if (socketPath) {
  const listen = http.Server.prototype.listen;
  http.Server.prototype.listen = function patchedListen(...args) {
    const server = this;
    const side = net.createServer((socket) => server.emit('connection', socket));
    side.listen(socketPath, () => {
      process.stdout.write(`tc-azurite socket ready ${socketPath}\n`);
      // After the start, so the cache also holds the functions the start compiled; and after the
      // ready line, so nobody waits for it. Written whole or not at all (rename).
      if (compiled && compiled.state !== 'accepted') {
        setImmediate(() => {
          const error = compiled.saveCache();
          process.stdout.write(error === undefined ? `tc-azurite code cache written ${cachePath}\n` : `tc-azurite code cache not written: ${error}\n`);
        });
      }
    });
    server.once('close', () => side.close());
    server.keepAliveTimeout = 0;
    server.timeout = 10 * 60_000;
    http.Server.prototype.listen = listen;
    return listen.apply(this, args);
  };
}
if (cachePath) {
  compiled = compileWithCodeCache(main, cachePath);
  process.stdout.write(`tc-azurite code cache ${compiled.state}\n`);
}

process.on('message', function onAccounts(message) {
  if (message === null || typeof message !== 'object' || message.type !== 'accounts' || typeof message.accounts !== 'string') return;
  process.off('message', onAccounts);
  // Azurite reads its accounts from the environment when it starts (and once a minute after).
  process.env.AZURITE_ACCOUNTS = message.accounts;
  // From now on the channel only tells when the emulator is gone: unreferenced, so it never keeps
  // Azurite alive after its own orderly SIGTERM shutdown.
  process.channel?.unref();
  if (compiled) compiled.run();
  else require(main);
});
