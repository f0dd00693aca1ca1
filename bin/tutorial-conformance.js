#!/usr/bin/env node
// The CLI is TypeScript. `npm ci` bundles it into dist/cli.cjs (scripts/build-dist.mjs, the prepare
// script), which starts without tsx's loader hooks (a full run loads hundreds of modules, each one a
// cross-thread round trip through them) and is compiled with a V8 code cache kept beside it, one per
// command and Node version (src/code-cache.cjs), written when a command first ends. The bundle is
// used only while every file under src/ and the package files are the ones it was built from
// (dist/manifest.json: size and modification time, written by the build); otherwise, or when there
// is no bundle, the sources run through tsx, as they always can. TC_FROM_SOURCE=1 forces the sources.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const bundle = new URL('dist/cli.cjs', root);

/** The manifest's files when the bundle matches them, else undefined. */
function currentBundleFiles() {
  if (process.env.TC_FROM_SOURCE === '1') return undefined;
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(new URL('dist/manifest.json', root), 'utf8')).files;
    statSync(bundle);
  } catch {
    return undefined;
  }
  const rels = [...readdirSync(new URL('src/', root), { recursive: true }).map((rel) => `src/${rel.split('\\').join('/')}`), 'package.json', 'package-lock.json'];
  let seen = 0;
  for (const rel of rels) {
    const st = statSync(new URL(rel, root));
    if (!st.isFile()) continue;
    seen += 1;
    if (recorded[rel] !== `${st.size}:${st.mtimeMs}`) return undefined;
  }
  return seen === Object.keys(recorded).length ? recorded : undefined;
}

const argv = process.argv.slice(2);
let main;
const bundled = currentBundleFiles();
if (bundled !== undefined) {
  const { compileWithCodeCache } = createRequire(import.meta.url)('../src/code-cache.cjs');
  const file = fileURLToPath(bundle);
  // Per command (src/commands/<name>.ts): each compiles, and caches, the functions it runs.
  const command = Object.hasOwn(bundled, `src/commands/${argv[0]}.ts`) ? argv[0] : 'usage';
  const compiled = compileWithCodeCache(file, `${file}.${command}.${process.version}-${process.arch}.v8cache`);
  ({ main } = compiled.run());
  // At the end, so the cache holds what this command compiled; later runs of it then compile nothing.
  if (compiled.state !== 'accepted') process.once('exit', () => compiled.saveCache());
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli.ts'));
}
process.exitCode = await main(argv);
