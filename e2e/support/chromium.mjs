// The Chromium for the e2e suite (playwright.config.ts) and the tools (tools/bench):
// PLAYWRIGHT_CHROMIUM_EXECUTABLE, else Debian's /usr/bin/chromium (Playwright's browser cannot
// be downloaded here), else Playwright's own browser, so a newcomer elsewhere can still use
// `npx playwright install`. Chromium needs --no-sandbox as root.
// Plain JavaScript with JSDoc types (checked by tsconfig.node.json and tools/tsconfig.json):
// the tools run on Node 20, which cannot import TypeScript.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** @returns {string | undefined} */
export function chromiumExecutable() {
  return (
    process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ||
    (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
  )
}

export function chromiumLaunchOptions() {
  return { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS }
}

/** The executable Lighthouse must launch: the chosen one, or Playwright's. */
export function chromiumPath() {
  return chromiumExecutable() ?? chromium.executablePath()
}

/** `chromium --version`, without the Debian wrapper's shell noise. */
export function chromiumVersion() {
  try {
    const out = execFileSync(chromiumPath(), ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    return out.trim().split('\n').at(-1) ?? 'unknown'
  } catch {
    return 'unknown'
  }
}
