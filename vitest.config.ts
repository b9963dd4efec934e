import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'eval/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    // Integration tests spawn ffmpeg and servers; two cores only.
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts'],
  },
});
