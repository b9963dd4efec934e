import { defineConfig } from 'vitest/config';

// The API end-to-end suites that run a second time on the real PostgreSQL server (every
// startTestServer call then gets a fresh database): one suite, two stores, in every `npm test`.
const BOTH_STORES = [
  'test/integration/api-flow.test.ts',
  'test/integration/api-cancel.test.ts',
  'test/integration/api-errors.test.ts',
  'test/integration/api-assets.test.ts',
  'test/integration/webhooks.test.ts',
];

// Tests that measure time or depend on timing-sensitive reads run after everything else, one
// file at a time: pg-scale asserts that three workers finish sooner than two (other suites
// running beside it on two cores slowed its second phase past the bar once), and the burned-in
// subtitle suite checks frame-exact cue times (a fade-in cue came out 10 frames early under a
// fully loaded machine, never alone; see the session notes).
const ALONE = ['test/integration/pg-scale.test.ts', 'test/integration/dialogue-burned.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 300_000,
    hookTimeout: 180_000,
    // Integration tests spawn ffmpeg and servers; two cores only.
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'eval/**/*.test.ts'],
          exclude: ALONE,
        },
      },
      {
        extends: true,
        test: { name: 'alone', include: ALONE, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: { name: 'postgres', include: BOTH_STORES, env: { REELSCRIPT_TEST_STORE: 'postgres' } },
      },
    ],
  },
});
