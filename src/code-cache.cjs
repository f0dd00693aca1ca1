// Loads a CommonJS file the way Node's own loader does (module wrapper, require, module, __filename,
// __dirname), compiled with a V8 code cache kept in a file: Node 20 keeps no compile cache of its
// own (module.enableCompileCache is Node 22), and compiling is a large part of a short process's
// life. Used for the CLI's bundle (bin/tutorial-conformance.js) and for Azurite's blob server
// bundle (src/emulator/azurite-child.cjs).
// V8 refuses a cache made by another V8 version, other flags or a source of another length, and the
// file is then rewritten; callers keep one cache per Node version beside a bundle that is only ever
// replaced with its whole folder, so a cache never outlives its source. A cache is written after the
// code ran (saveCache), so it also holds the functions compiled while running, not only the top level.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire, wrap } = require('node:module');

/**
 * @param {string} file the CommonJS file
 * @param {string} cacheFile where its code cache is read from and written to
 * @returns {{ state: 'accepted' | 'rejected' | 'absent', run(): unknown, saveCache(): string | undefined }}
 */
function compileWithCodeCache(file, cacheFile) {
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = fs.readFileSync(file, 'utf8').replace(/^#!.*/, '');
  const script = new vm.Script(wrap(source), {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    // import() inside the file (of a package left outside a bundle) resolves as it would in Node's loader.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const state = cachedData === undefined ? 'absent' : script.cachedDataRejected === true ? 'rejected' : 'accepted';
  return {
    state,
    run() {
      const mod = { exports: {}, filename: file, id: file, loaded: false };
      script.runInThisContext()(mod.exports, createRequire(file), mod, file, path.dirname(file));
      mod.loaded = true;
      return mod.exports;
    },
    /** Writes the cache unless V8 accepted the one there; whole or not at all (rename). Returns an error message, if any. */
    saveCache() {
      if (state === 'accepted') return undefined;
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
        return undefined;
      } catch (err) {
        // A read-only install: every start compiles, as without a cache.
        fs.rmSync(tmp, { force: true });
        return err instanceof Error ? err.message : String(err);
      }
    },
  };
}

module.exports = { compileWithCodeCache };
