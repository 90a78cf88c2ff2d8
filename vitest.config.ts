import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Tests that spawn bin/salesmetrics.js need dist/: `npm run build` first (npm run check does).
  },
});
