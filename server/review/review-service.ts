import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Database } from './database.ts'
import { openPgliteDatabase } from './pglite-database.ts'
import { openPostgresDatabase } from './postgres-database.ts'
import { createReviewApi, type ReviewApiOptions } from './review-api.ts'
import { databasePassword, type ReviewConfig } from './review-config.ts'
import { connectStore } from './store-connection.ts'

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

export interface ReviewService {
  /** Everything under /api/review; passes on every other request. */
  handle: Middleware
  /** Closes the database (and stops trying to open it). */
  close: () => Promise<void>
}

export interface ReviewServiceOptions {
  config: ReviewConfig
  proxyAuth: boolean
  log: (level: 'info' | 'warn', line: string) => void
  seedFor?: ReviewApiOptions['seedFor']
  loadPackImages: ReviewApiOptions['loadPackImages']
  /** The database to use instead of the configured one (tests). */
  open?: () => Promise<Database>
  retryMs?: readonly number[]
}

/**
 * The review API on its store: PGlite in the data directory, or PostgreSQL with a database
 * URL. Resolves once the first attempt to open the store is over; when it failed, the API
 * answers 503 `reviews_unavailable` while the store is tried again in the background.
 */
export async function startReviewService(options: ReviewServiceOptions): Promise<ReviewService> {
  const { config } = options
  const password = databasePassword(config)
  const open =
    options.open ??
    (config.databaseUrl
      ? async () =>
          openPostgresDatabase(config.databaseUrl!, (error) =>
            options.log('warn', `A review store connection failed: ${error.message}`),
          )
      : () => openPgliteDatabase(config.dataDir))
  const connection = await connectStore({
    open,
    log: options.log,
    secrets: password ? [password, encodeURIComponent(password)] : [],
    retryMs: options.retryMs,
  })
  return {
    handle: createReviewApi({
      connection,
      proxyAuth: options.proxyAuth,
      seedFor: options.seedFor,
      loadPackImages: options.loadPackImages,
    }),
    close: () => connection.close(),
  }
}
