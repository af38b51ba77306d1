import { defineConfig, devices } from '@playwright/test'
import { chromiumLaunchOptions } from './e2e/support/chromium'
import {
  BUILD_CANARY_TOKEN,
  PREVIEW_DIST,
  DEMO_APP_PORT,
  PREVIEW_APP_PORT,
  TEST_API_TOKEN,
  TEST_PROXY_TIMEOUT_MS,
  TEST_UPSTREAM_URL,
  UPSTREAM_APP_PORT,
} from './e2e/support/ports'

const CI = Boolean(process.env.CI)

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  reporter: CI ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: chromiumLaunchOptions(),
    trace: 'on-first-retry',
  },
  projects: [
    {
      name: 'demo',
      testDir: './e2e/demo',
      use: { baseURL: `http://localhost:${DEMO_APP_PORT}` },
    },
    {
      name: 'upstream',
      testDir: './e2e/upstream',
      use: { baseURL: `http://localhost:${UPSTREAM_APP_PORT}` },
    },
    {
      name: 'preview',
      testDir: './e2e/preview',
      use: { baseURL: `http://localhost:${PREVIEW_APP_PORT}` },
    },
  ],
  webServer: [
    {
      // No key: the dev server starts the built-in demo API.
      command: `vite --port ${DEMO_APP_PORT} --strictPort`,
      url: `http://localhost:${DEMO_APP_PORT}/app-config.json`,
      env: { GENVIRAL_API_TOKEN: '', PACK_EXPLORER_VITE_CACHE_DIR: 'node_modules/.vite-e2e-demo' },
      reuseExistingServer: !CI,
    },
    {
      // A key and the suite's own test upstream, which records what it receives.
      command: `vite --port ${UPSTREAM_APP_PORT} --strictPort`,
      url: `http://localhost:${UPSTREAM_APP_PORT}/app-config.json`,
      env: {
        GENVIRAL_API_TOKEN: TEST_API_TOKEN,
        GENVIRAL_API_BASE_URL: TEST_UPSTREAM_URL,
        PACK_EXPLORER_UPSTREAM_TIMEOUT_MS: String(TEST_PROXY_TIMEOUT_MS),
        PACK_EXPLORER_VITE_CACHE_DIR: 'node_modules/.vite-e2e-upstream',
      },
      reuseExistingServer: !CI,
    },
    {
      // The production build, as `npm run build` makes it, served by `vite preview` with the
      // demo API: what the bundle budgets and security headers are checked on. It is built
      // with a key in the environment, which must not show up in the output.
      command: `GENVIRAL_API_TOKEN=${BUILD_CANARY_TOKEN} vite build --outDir ${PREVIEW_DIST} --emptyOutDir --logLevel warn && vite preview --outDir ${PREVIEW_DIST} --port ${PREVIEW_APP_PORT} --strictPort`,
      url: `http://localhost:${PREVIEW_APP_PORT}/app-config.json`,
      env: {
        GENVIRAL_API_TOKEN: '',
        PACK_EXPLORER_VITE_CACHE_DIR: 'node_modules/.vite-e2e-preview',
      },
      reuseExistingServer: !CI,
      timeout: 120_000,
    },
  ],
})
