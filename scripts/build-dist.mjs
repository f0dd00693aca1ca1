// `npm ci` runs this (the `prepare` script): bundle the CLI's TypeScript into dist/cli.cjs, so that
// bin/tutorial-conformance.js can start without tsx's loader. Under tsx every module the CLI loads,
// its dependencies' included, is resolved and transformed through loader hooks that in Node 20 run on
// another thread (one cross-thread round trip per resolve and per load): a full run spent ~0.3 s of
// its ~1.7 s there, and the emulator's Azurite child competes with it for the two cores.
//
// What the bundle is: the sources and the dependencies they import (a few that find files of their
// own at run time stay external), types stripped, each source's `import.meta.url` rewritten to that
// source's own URL, so files read next to a source (the HTML report's template, the Azurite child
// wrapper, the project root) are found where they are in src/.
// dist/manifest.json records every file under src/ (size and modification time) as the bundle saw
// it: bin uses the bundle only while they are unchanged and runs the sources through tsx otherwise,
// so an edited source is never shadowed by a stale bundle. Tests import the sources.
// Plain JavaScript, so it runs without tsx. Without esbuild (an install that omits dev
// dependencies), it builds nothing and the CLI runs through tsx.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  process.stderr.write('build-dist: esbuild is not installed; the CLI will run its sources through tsx\n');
  process.exit(0);
}

/**
 * Every file under src/, and the package files (the bundle holds the dependencies, so another
 * installed version makes it stale too), as the manifest records them; bin/tutorial-conformance.js
 * checks the same.
 */
function sourceStamp() {
  const files = {};
  const rels = [...readdirSync(src, { recursive: true }).map((rel) => `src/${rel.split('\\').join('/')}`).sort(), 'package.json', 'package-lock.json'];
  for (const rel of rels) {
    const st = statSync(join(root, rel));
    if (st.isFile()) files[rel] = `${st.size}:${st.mtimeMs}`;
  }
  return files;
}

const AZURITE_BUNDLE = 'azurite-blob.cjs';
const CLI_BUNDLE = 'cli.cjs';
const before = sourceStamp();
// Built next to dist/ and moved into place when complete, so bin never sees half a bundle.
const staging = join(root, 'dist.tmp');
rmSync(join(dist, 'manifest.json'), { force: true });
rmSync(staging, { recursive: true, force: true });

/**
 * `import.meta.url` of a bundled source would be the bundle's; each source keeps its own, relative
 * to the bundle (dependencies that use it get the bundle's, as they did in an ESM chunk of dist/).
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = relative(dist, args.path).split('\\').join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, __tcBundleUrl).href`), loader: 'ts' };
    });
  },
};

// One CommonJS file, so that bin/tutorial-conformance.js can compile it with a V8 code cache
// (src/code-cache.cjs): Node 20 caches no compiled ES modules, and compiling was ~60 ms of a
// ~0.8 s run. Code a command does not use costs little: esbuild keeps each module's top level in
// an init function run at its first import (import() of a command, the run loop, the storage
// SDK's wrapper stays lazy), and V8 compiles a function only when it is first called.
await esbuild.build({
  entryPoints: [join(src, 'cli.ts')],
  outfile: join(staging, CLI_BUNDLE),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Dependencies are bundled too (Node would otherwise open, stat and compile each of their files:
  // @azure/storage-blob alone is hundreds); those that locate files of their own at run time stay imports.
  external: ['azurite', 'playwright-core', 'tsx'],
  banner: { js: "const __tcBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  sourcemap: true,
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  // Only import.meta.url is given a value in the bundle; any other import.meta (dirname, filename)
  // would be empty there and a module using it would lose its data silently: refuse to build.
  logOverride: { 'empty-import-meta': 'error' },
  plugins: [ownImportMetaUrl],
  define: {
    // src/emulator/azurite-process.ts spawns this bundle (below) instead of Azurite's own entry.
    __TC_AZURITE_BUNDLE__: JSON.stringify(relative(join(src, 'emulator'), join(dist, AZURITE_BUNDLE)).split('\\').join('/')),
    'import.meta.url': '__tcBundleUrl',
  },
});

// Azurite's blob server, which the emulator runs as a child process, as one CommonJS file: Azurite
// loads ~1,400 modules from node_modules at start (telemetry, an SQL layer it does not use here…),
// and its start is the longest part of an emulator boot (~0.55 s unloaded, more when the run
// competes with it for the cores); one file starts in ~0.4 s. pg-hstore is an optional peer of
// Sequelize's Postgres dialect, not installed and never loaded here.
await esbuild.build({
  entryPoints: [join(root, 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js')],
  outfile: join(staging, AZURITE_BUNDLE),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['pg-hstore'],
  legalComments: 'none',
  logLevel: 'error',
});

// Start the bundled server once through the child wrapper, so it writes its V8 code cache beside the
// bundle (see src/emulator/azurite-child.cjs) and the first run after `npm ci` starts as fast as the
// next ones. Best effort: without the cache the first run writes it.
await new Promise((done) => {
  const child = spawn(
    process.execPath,
    [join(src, 'emulator', 'azurite-child.cjs'), '--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--disableTelemetry', '--silent', '--loose'],
    {
      cwd: staging,
      env: { ...process.env, TC_AZURITE_BLOB_MAIN: join(staging, AZURITE_BUNDLE), TC_AZURITE_SOCKET: join(staging, 'warm.sock'), TC_AZURITE_CODE_CACHE: '1' },
      stdio: ['ignore', 'pipe', 'ignore', 'ipc'],
    },
  );
  // Azurite starts once it has its accounts (see azurite-child.cjs); any account will do here.
  child.send({ type: 'accounts', accounts: `warmup:${Buffer.alloc(32, 1).toString('base64')}` });
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
    if (/code cache (written|not written)/.test(out)) child.kill('SIGTERM');
  });
  child.on('exit', () => {
    clearTimeout(timer);
    if (!out.includes('code cache written')) process.stderr.write(`build-dist: Azurite's code cache was not written; the first run writes it\n`);
    done();
  });
});
rmSync(join(staging, 'warm.sock'), { force: true });

// A source changed while building: no manifest, so bin keeps using the sources.
if (JSON.stringify(sourceStamp()) !== JSON.stringify(before)) {
  process.stderr.write('build-dist: src/ changed during the build; not marking dist/ as current\n');
  rmSync(staging, { recursive: true, force: true });
  process.exit(0);
}
rmSync(dist, { recursive: true, force: true });
renameSync(staging, dist);
writeFileSync(join(dist, 'manifest.json'), `${JSON.stringify({ files: before }, null, 1)}\n`);
