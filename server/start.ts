// `npm start`: the production server. Settings come from the environment only (no .env
// files); see "Production" in README.md.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import {
  closeWhenRefusedUnread,
  HTTP_SERVER_OPTIONS,
  KEEP_ALIVE_TIMEOUT_MS,
} from './http-limits.ts'
import { createJsonLog } from './json-log.ts'
import { createProductionApp, type ProductionApp } from './production.ts'
import { isLoopbackHost, readProductionConfig } from './production-config.ts'

/** How long requests in flight may take to finish after SIGTERM before they are cut. */
const DRAIN_TIMEOUT_MS = 10_000

const log = createJsonLog((line) => process.stdout.write(line + '\n'))

/** Startup errors go to stderr as plain text, for whoever is reading the terminal. */
function refuse(message: string): void {
  process.stderr.write(`pack-explorer: ${message}\n`)
  process.exitCode = 1
}

async function main(): Promise<void> {
  // Compiled to dist-server/server/start.js; the app's build is dist/ next to dist-server/.
  const result = readProductionConfig(
    process.env,
    fileURLToPath(new URL('../../dist', import.meta.url)),
  )
  if (!result.ok) return refuse(result.error)
  const { config } = result

  let production: ProductionApp
  try {
    production = await createProductionApp(config, log)
  } catch (error) {
    return refuse((error as Error).message)
  }

  let closing = false
  const server = createServer(HTTP_SERVER_OPTIONS, (req, res) => {
    closeWhenRefusedUnread(req, res)
    if (closing) {
      // A kept-alive connection asking again while draining: answer, then hang up.
      res.setHeader('connection', 'close')
    } else {
      // Once the response is out, its connection is idle and may close at once.
      res.once('finish', () => {
        if (closing) setImmediate(() => server.closeIdleConnections())
      })
    }
    production.app(req, res)
  })
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS
  // Beyond it, Node drops new connections at once: a flood cannot exhaust file descriptors.
  server.maxConnections = config.maxConnections

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(config.port, config.host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    await production.close()
    return refuse(`Cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`)
  }

  // Before the 'listening' line: whoever waits for it may send a signal, or read the
  // warnings, at once.
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) {
      log('warn', `${signal} again: closing every connection now`)
      return server.closeAllConnections()
    }
    closing = true
    log('info', `${signal}: not accepting new connections; finishing requests in flight`, {
      drain_timeout_ms: DRAIN_TIMEOUT_MS,
    })
    const force = setTimeout(() => {
      log('warn', 'Drain timeout: closing the remaining connections')
      server.closeAllConnections()
    }, DRAIN_TIMEOUT_MS)
    server.close(() => {
      clearTimeout(force)
      void production.close().finally(() => {
        log('info', 'stopped')
        process.exit(0)
      })
    })
    server.closeIdleConnections()
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)

  if (!isLoopbackHost(config.host) && production.demo && !config.basicAuth) {
    log(
      'warn',
      'Listening beyond loopback without access control: demo data only, no key to protect.',
    )
  }

  if (!isLoopbackHost(config.host) && config.basicAuth && config.trustProxy === false) {
    log(
      'warn',
      `Basic auth over plain HTTP on ${config.host}: the password travels in clear. Put a TLS ` +
        'proxy in front (and set PACK_EXPLORER_TRUST_PROXY to it), or listen on 127.0.0.1.',
    )
  }

  const { port } = server.address() as AddressInfo
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  log('info', 'listening', {
    url: `http://${host}:${port}`,
    mode: production.demo ? 'demo' : 'proxy',
    ...(production.demo ? {} : { upstream: config.api.baseUrl }),
    basic_auth: config.basicAuth !== null,
    rate_limit_per_minute: config.rateLimitPerMinute,
    max_connections: config.maxConnections,
  })
}

await main()
