// `npm run conformance`: the tutorials as a vitest suite. One generated test file per tutorial (so
// `--shard` splits tutorials across machines), each a two-line call into conformance/suite.ts. The
// files are regenerated from tutorials/ at every start, into .cache/ (ignored by git).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = dirname(fileURLToPath(import.meta.url));
const tutorials = resolve(process.env.TC_CONFORMANCE_TUTORIALS ?? join(root, 'tutorials'));
const generated = join(root, '.cache', 'conformance');

rmSync(generated, { recursive: true, force: true });
mkdirSync(generated, { recursive: true });
for (const file of readdirSync(tutorials).filter((f) => f.endsWith('.md')).sort()) {
  const suite = join(root, 'conformance', 'suite.ts');
  writeFileSync(
    join(generated, `${file.replace(/\.md$/, '')}.conformance.test.ts`),
    `// generated from tutorials/${file} by vitest.conformance.config.ts\nimport { tutorialSuite } from ${JSON.stringify(suite)};\ntutorialSuite(${JSON.stringify(join(tutorials, file))});\n`,
  );
}

export default defineConfig({
  test: {
    include: ['.cache/conformance/*.conformance.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Files share their worker's emulator (conformance/shared-target.ts): one boot per worker.
    isolate: false,
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
