// Runs Azurite's blob server as a child of the emulator.
// 1. It ends when the emulator goes away, even when the emulator dies without closing (a crash,
//    process.exit, a killed test worker): the IPC channel to the parent closes then, and an orphaned
//    Azurite would hold memory and a port.
// 2. Besides Azurite's own TCP listener, the same HTTP server also accepts connections on a Unix
//    socket (TC_AZURITE_SOCKET): the emulator forwards over it, because a loopback TCP round trip
//    costs several times a Unix-socket one on the machines this runs on, and the emulator's hop to
//    its store should not cost what the client's hop to Azure costs.
'use strict';
const http = require('node:http');
const net = require('node:net');

process.on('disconnect', () => process.exit(0));
// Unreferenced, so the channel never keeps Azurite alive after its own orderly SIGTERM shutdown.
process.channel?.unref();

const socketPath = process.env.TC_AZURITE_SOCKET;
if (socketPath) {
  const listen = http.Server.prototype.listen;
  http.Server.prototype.listen = function patchedListen(...args) {
    const server = this;
    const side = net.createServer((socket) => server.emit('connection', socket));
    side.listen(socketPath, () => process.stdout.write(`tc-azurite socket ready ${socketPath}\n`));
    server.once('close', () => side.close());
    http.Server.prototype.listen = listen;
    return listen.apply(this, args);
  };
}
require(process.env.TC_AZURITE_BLOB_MAIN);
