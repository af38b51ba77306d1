/** Fixed loopback ports for the e2e stack; the suite starts every one of these servers. */
export const TEST_UPSTREAM_PORT = 5190
export const DEMO_APP_PORT = 5180
export const UPSTREAM_APP_PORT = 5181
/** `npm start` (the production server) serving a production build, in demo mode. */
export const PRODUCTION_APP_PORT = 5182

export const TEST_UPSTREAM_URL = `http://127.0.0.1:${TEST_UPSTREAM_PORT}`
/** The key the dev server under test injects; tests assert it never reaches the browser. */
export const TEST_API_TOKEN = 'e2e_public.s3cr3t-e2e-key-never-in-browser'
/** Proxy timeout for the suite, so timeouts are tested in seconds rather than 15. */
export const TEST_PROXY_TIMEOUT_MS = 2000
/**
 * The preview server is built with this "key" in its environment: a build must never carry
 * a server-side variable into its output, and e2e/production/security.spec.ts greps for it.
 */
export const BUILD_CANARY_TOKEN = 'build_canary.must-never-reach-dist-or-maps'
/** Where the production server's build goes (relative to the project root). */
export const PRODUCTION_DIST = 'node_modules/.e2e-dist'
/** The production server compiled to JavaScript (`tsconfig.server.json`), and its entry. */
export const PRODUCTION_SERVER_DIST = 'node_modules/.e2e-dist-server'
export const PRODUCTION_SERVER_ENTRY = `${PRODUCTION_SERVER_DIST}/server/start.js`
