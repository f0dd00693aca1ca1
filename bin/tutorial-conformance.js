#!/usr/bin/env node
// The CLI is TypeScript. `npm ci` bundles it into dist/cli.js (scripts/build-dist.mjs, the prepare
// script), which starts without tsx's loader hooks (a full run loads hundreds of modules, each one a
// cross-thread round trip through them). The bundle is used only while every file under src/ and the
// package files are the ones it was built from (dist/manifest.json: size and modification time,
// written by the build); otherwise, or when there is no bundle, the sources run through tsx, as they
// always can. TC_FROM_SOURCE=1 forces the sources.
import { readFileSync, readdirSync, statSync } from 'node:fs';

const root = new URL('..', import.meta.url);

function bundleIsCurrent() {
  if (process.env.TC_FROM_SOURCE === '1') return false;
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(new URL('dist/manifest.json', root), 'utf8')).files;
    statSync(new URL('dist/cli.js', root));
  } catch {
    return false;
  }
  const rels = [...readdirSync(new URL('src/', root), { recursive: true }).map((rel) => `src/${rel.split('\\').join('/')}`), 'package.json', 'package-lock.json'];
  let seen = 0;
  for (const rel of rels) {
    const st = statSync(new URL(rel, root));
    if (!st.isFile()) continue;
    seen += 1;
    if (recorded[rel] !== `${st.size}:${st.mtimeMs}`) return false;
  }
  return seen === Object.keys(recorded).length;
}

let main;
if (bundleIsCurrent()) {
  ({ main } = await import('../dist/cli.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
