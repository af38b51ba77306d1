import { defineConfig } from '@playwright/test'
import baseConfig, { demoWebServer } from './playwright.config'
import { DEMO_APP_PORT } from './e2e/support/ports'

/**
 * `npm run screenshots`: regenerates docs/screenshots from the demo (not part of `npm test`).
 * It starts only the demo dev server it photographs: not the test upstream (globalSetup) or
 * the suite's other web servers.
 */
export default defineConfig({
  ...baseConfig,
  testDir: './e2e/screenshots',
  retries: 0,
  globalSetup: undefined,
  webServer: demoWebServer,
  projects: [
    {
      name: 'screenshots',
      use: { ...baseConfig.use, baseURL: `http://localhost:${DEMO_APP_PORT}` },
    },
  ],
})
