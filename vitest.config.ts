import { availableParallelism } from 'node:os'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [react()],
  // The `@` and `@contract` aliases come from tsconfig.app.json's paths;
  // both projects inherit them (extends: true).
  resolve: { tsconfigPaths: true },
  test: {
    // Two at least: Vitest's default (cores - 1) is one on a 2-core machine, and many tests
    // wait on servers, sockets and child processes.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    restoreMocks: true,
    unstubGlobals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          setupFiles: ['./src/testing/setup.ts'],
          include: ['src/**/*.test.{ts,tsx}'],
        },
      },
      {
        // Real servers and sockets: Node's own globals, not the DOM's.
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          // The PGlite database that the review tests' servers start from (a copy each).
          globalSetup: ['./server/test-kit/vitest-global-setup.ts'],
          include: ['server/**/*.test.ts', 'contract/**/*.test.ts', 'eslint.config.test.ts'],
        },
      },
    ],
  },
})
