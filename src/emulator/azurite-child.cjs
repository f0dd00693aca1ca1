// Runs Azurite's blob server as a child of the emulator and ends it when the emulator goes away,
// even when the emulator dies without closing (a crash, process.exit, a killed test worker):
// the IPC channel to the parent closes then, and an orphaned Azurite would hold memory and a port.
'use strict';
process.on('disconnect', () => process.exit(0));
// Unreferenced, so the channel never keeps Azurite alive after its own orderly SIGTERM shutdown.
process.channel?.unref();
require(process.env.TC_AZURITE_BLOB_MAIN);
