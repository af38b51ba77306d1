import { defineConfig, devices } from '@playwright/test'
import { reviewPackPath } from './contract/review-api/paths'
import { chromiumLaunchOptions } from './e2e/support/chromium.mjs'
import {
  BUILD_CANARY_TOKEN,
  DEMO_APP_PORT,
  PRODUCTION_APP_PORT,
  PRODUCTION_DIST,
  PRODUCTION_SERVER_DIST,
  PRODUCTION_SERVER_ENTRY,
  TEST_API_TOKEN,
  TEST_PROXY_TIMEOUT_MS,
  TEST_UPSTREAM_URL,
  UPSTREAM_APP_PORT,
} from './e2e/support/ports'

const CI = Boolean(process.env.CI)

/**
 * Each server's own review data (PGlite, never a DATABASE_URL from the environment),
 * emptied as it starts: runs never see each other's decisions, nor the developer's .data/.
 */
const E2E_DATA = 'node_modules/.e2e-data'
const freshData = (name: string) => `rm -rf ${E2E_DATA}/${name} && `
/**
 * A server is ready once its review store is (503 until then): a new PGlite database takes
 * seconds to make, and the server listens meanwhile.
 */
const REVIEWS_READY = reviewPackPath('00000000-0000-4000-8000-000000000000')

/** No key: the dev server starts the built-in demo API. Also what `npm run screenshots` uses. */
export const demoWebServer = {
  command: `${freshData('demo')}vite --port ${DEMO_APP_PORT} --strictPort`,
  url: `http://localhost:${DEMO_APP_PORT}${REVIEWS_READY}`,
  env: {
    GENVIRAL_API_TOKEN: '',
    PACK_EXPLORER_VITE_CACHE_DIR: 'node_modules/.vite-e2e-demo',
    PACK_EXPLORER_DATA_DIR: `${E2E_DATA}/demo`,
    DATABASE_URL: '',
  },
  reuseExistingServer: !CI,
}

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
      name: 'production',
      testDir: './e2e/production',
      use: { baseURL: `http://127.0.0.1:${PRODUCTION_APP_PORT}` },
    },
  ],
  webServer: [
    demoWebServer,
    {
      // A key and the suite's own test upstream, which records what it receives.
      command: `${freshData('upstream')}vite --port ${UPSTREAM_APP_PORT} --strictPort`,
      url: `http://localhost:${UPSTREAM_APP_PORT}${REVIEWS_READY}`,
      env: {
        GENVIRAL_API_TOKEN: TEST_API_TOKEN,
        GENVIRAL_API_BASE_URL: TEST_UPSTREAM_URL,
        PACK_EXPLORER_UPSTREAM_TIMEOUT_MS: String(TEST_PROXY_TIMEOUT_MS),
        PACK_EXPLORER_VITE_CACHE_DIR: 'node_modules/.vite-e2e-upstream',
        PACK_EXPLORER_DATA_DIR: `${E2E_DATA}/upstream`,
        DATABASE_URL: '',
      },
      reuseExistingServer: !CI,
    },
    {
      // The production build, as `npm run build` makes it (the app, and the server compiled
      // to JavaScript), served by `npm start`'s entry in demo mode: what the bundle budgets,
      // security headers and the production server are checked on. It is built with a key in
      // the environment, which must not show up in the output.
      command: `${freshData('production')}GENVIRAL_API_TOKEN=${BUILD_CANARY_TOKEN} vite build --outDir ${PRODUCTION_DIST} --emptyOutDir --logLevel warn && tsc -p tsconfig.server.json --outDir ${PRODUCTION_SERVER_DIST} && node ${PRODUCTION_SERVER_ENTRY}`,
      url: `http://127.0.0.1:${PRODUCTION_APP_PORT}${REVIEWS_READY}`,
      env: {
        GENVIRAL_API_TOKEN: '',
        PORT: String(PRODUCTION_APP_PORT),
        PACK_EXPLORER_DIST_DIR: PRODUCTION_DIST,
        // The whole suite comes from one address; the limit itself is tested in
        // server/production.test.ts.
        PACK_EXPLORER_RATE_LIMIT_PER_MINUTE: '1000',
        PACK_EXPLORER_VITE_CACHE_DIR: 'node_modules/.vite-e2e-production',
        PACK_EXPLORER_DATA_DIR: `${E2E_DATA}/production`,
        DATABASE_URL: '',
      },
      reuseExistingServer: !CI,
      timeout: 120_000,
    },
  ],
})
