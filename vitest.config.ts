import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    // The CLI spawned by tests runs the sources, not the bundle `npm ci` builds (see bin/).
    env: { TC_FROM_SOURCE: '1' },
    hookTimeout: 60_000,
    // Two cores: the emulator tests start real servers; keep workers bounded.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
