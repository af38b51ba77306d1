import { defineConfig } from '@playwright/test'
import baseConfig from './playwright.config'

/** `npm run screenshots`: regenerates docs/screenshots from the demo (not part of `npm test`). */
export default defineConfig({
  ...baseConfig,
  testDir: './e2e/screenshots',
  retries: 0,
  projects: [{ name: 'screenshots', use: { ...baseConfig.use, baseURL: 'http://localhost:5180' } }],
})
