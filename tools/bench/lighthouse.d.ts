// The part of Lighthouse 12 and chrome-launcher 1 that run.mjs uses. Both ship their own
// types, but in tools/node_modules, which only `npm run bench` installs: these declarations
// let `npm run typecheck` check the bench after the root's `npm ci` alone. TypeScript prefers
// them to the installed ones, so keep them in step with tools/package.json's versions.
declare module 'lighthouse' {
  export interface Result {
    lhr: {
      audits: Record<string, { numericValue?: number } | undefined>
      categories: Record<string, { score: number | null } | undefined>
      runtimeError?: { code: string; message: string }
      runWarnings: string[]
    }
  }

  function lighthouse(
    url: string,
    flags: { port: number; logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'verbose' },
    config: object,
  ): Promise<Result | undefined>
  export default lighthouse
}

declare module 'lighthouse/core/config/desktop-config.js' {
  const desktopConfig: { extends?: string; settings: object }
  export default desktopConfig
}

declare module 'chrome-launcher' {
  export interface LaunchedChrome {
    port: number
    kill(): void
  }
  export function launch(options: {
    chromePath?: string
    chromeFlags?: string[]
  }): Promise<LaunchedChrome>
}
