import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express'
import { rateLimit } from 'express-rate-limit'
import { basicAuth } from './basic-auth.ts'
import { compress } from './compression.ts'
import { sendError } from './envelope.ts'
import { hostCheck } from './host-check.ts'
import type { Log } from './json-log.ts'
import { createAppApi } from './api.ts'
import { createPasswordCheck } from './password-check.ts'
import { isLoopbackHost, type ProductionConfig } from './production-config.ts'
import { requestGuards } from './request-guards.ts'
import { SECURITY_HEADERS } from './security-headers.ts'
import { UPLOADS_PREFIX } from './uploads/upload-paths.ts'

export const HEALTH_PATH = '/healthz'
/** Vite puts a content hash in every file name under assets/: a new build, a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Behind auth the app is not for everyone: no shared cache (a CDN) may hand it out. */
const PRIVATE_IMMUTABLE = 'private, max-age=31536000, immutable'
/**
 * Paths that cost Partner API calls: what the proxy forwards, and uploads (two calls each).
 * The review API, /api/review, is answered here and not limited.
 */
const LIMITED_PREFIXES = ['/api/partner', UPLOADS_PREFIX]

export interface ProductionApp {
  app: Express
  demo: boolean
  /** Stops what the app started besides the HTTP server: the demo API, the review store. */
  close: () => Promise<void>
}

/**
 * What `npm start` serves: the built app from `distDir` and the same `/api` proxy (or demo
 * API) as `vite` and `vite preview`. Listening and shutting down are the caller's part.
 */
export async function createProductionApp(
  config: ProductionConfig,
  log: Log,
): Promise<ProductionApp> {
  const distDir = resolve(config.distDir)
  const indexHtml = join(distDir, 'index.html')
  if (!existsSync(indexHtml)) {
    throw new Error(
      `${indexHtml} not found: run npm run build first, or set PACK_EXPLORER_DIST_DIR.`,
    )
  }
  const assetCaching = config.basicAuth || config.trustProxyAuth ? PRIVATE_IMMUTABLE : IMMUTABLE
  const app = express()
  app.disable('x-powered-by')
  // Throws on a malformed value, before anything was started.
  app.set('trust proxy', config.trustProxy)

  const api = await createAppApi({
    partner: config.api,
    review: config.review,
    proxyAuth: config.trustProxyAuth,
    writeAccess: config.writeAccess,
    partnerOptions: {
      maxUpstreamAnswers: config.maxUpstreamAnswers,
      listensBeyondLoopback: !isLoopbackHost(config.host),
    },
    log: {
      partner: (line) => log('info', line, { component: 'partner-api' }),
      review: (level, line) => log(level, line, { component: 'review-api' }),
    },
  })

  app.use(accessLog(log))
  app.use((_req, res, next) => {
    // /api answers replace the CSP and nosniff with their own (writeHead wins).
    res.set(SECURITY_HEADERS)
    next()
  })
  app.use(requestGuards(config, HEALTH_PATH))
  // Before auth and the rate limit: load balancers have no credentials and must always get in.
  app.get(HEALTH_PATH, (_req, res) => {
    res.set('cache-control', 'no-store').json({ ok: true })
  })
  // Before auth and the proxy: a page on a foreign name (DNS rebinding) gets nothing at all.
  app.use(hostCheck(config.allowedHosts))
  if (config.basicAuth) app.use(basicAuth(await createPasswordCheck(config.basicAuth), log))
  // Files, pages and /api answers alike; what the proxy relays compressed is left as it is.
  app.use(compress())
  // One limiter on both: a client has one budget, whichever of them it spends it on.
  app.use(
    LIMITED_PREFIXES,
    rateLimit({
      windowMs: 60_000,
      limit: config.rateLimitPerMinute,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      // Retry-After is already set when this runs.
      handler: (_req, res) =>
        sendError(
          res,
          429,
          'rate_limited',
          'Too many requests from this address. Try again shortly.',
        ),
      // Its configuration warnings (a proxy header it cannot trust, ...) as log lines.
      logger: {
        warn: (error, message) =>
          log('warn', describe(error, message), { component: 'rate-limit' }),
        error: (error, message) =>
          log('error', describe(error, message), { component: 'rate-limit' }),
      },
    }),
  )
  app.use(api.handle)
  app.use(
    express.static(distDir, {
      index: false,
      redirect: false,
      cacheControl: false,
      setHeaders: (res, file) =>
        res.setHeader(
          'cache-control',
          file.startsWith(join(distDir, 'assets') + sep) ? assetCaching : 'no-cache',
        ),
    }),
  )
  // A missing asset is an old or broken link: index.html in its place would fail as a script.
  app.use('/assets', notFound)
  // Every other page is a client route; the app shows its own not-found page.
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    res.setHeader('cache-control', 'no-cache')
    // Relative to root: an absolute path in a dot directory (~/.local/...) would be refused.
    res.sendFile('index.html', { root: distDir, cacheControl: false }, (error) => {
      if (error) next(error)
    })
  })
  app.use(notFound)
  app.use(errorHandler(log))

  return { app, demo: api.demo, close: api.close }
}

function describe(error: unknown, message?: string): string {
  const text = error instanceof Error ? error.message : String(error)
  return message ? `${message} ${text}` : text
}

const notFound: RequestHandler = (_req, res) => {
  res.status(404).set('cache-control', 'no-store').type('text/plain').send('Not found.\n')
}

function errorHandler(log: Log): ErrorRequestHandler {
  return (error: { status?: number; message?: string }, _req, res, next) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500
    if (status === 500) log('error', 'request failed', { error: String(error.message) })
    // Half an answer cannot be finished: Express's own handler cuts the connection.
    if (res.headersSent) return next(error)
    // Never Express's default page: outside NODE_ENV=production it shows the stack.
    res.status(status).set('cache-control', 'no-store').type('text/plain').send('Request failed.\n')
  }
}

/**
 * One JSON line per request. The query string is left out (a link can carry anything),
 * and no header is logged: the key and any credentials stay out of the logs.
 */
function accessLog(log: Log): RequestHandler {
  return (req, res, next) => {
    const started = performance.now()
    const id = randomUUID()
    // Bytes on the wire, headers included (compressed bodies are counted as sent).
    const written = req.socket.bytesWritten
    res.setHeader('x-request-id', id)
    res.once('close', () => {
      log('info', 'request', {
        id,
        method: req.method,
        path: (req.originalUrl.split('?')[0] ?? '').slice(0, 500),
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        bytes: req.socket.bytesWritten - written,
        ip: req.ip,
        ...(res.writableFinished ? {} : { aborted: true }),
      })
    })
    next()
  }
}
