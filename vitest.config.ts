import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['protocol/**/*.test.ts', 'testing/**/*.test.ts', 'simulator/**/*.test.ts', 'recorder/**/*.test.ts', 'overlay/**/*.test.ts', 'bench/**/*.test.ts', 'test/**/*.test.ts', 'receivers/**/*.test.ts', 'relay/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'e2e/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    setupFiles: ['test/offline-guard.ts'],
  },
});
