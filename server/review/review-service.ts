import type { IncomingMessage, ServerResponse } from 'node:http'
import { InvalidActivityError, type ActivityEntry } from './activity-store.ts'
import type { Database } from './database.ts'
import { openPgliteDatabase } from './pglite-database.ts'
import { openPostgresDatabase } from './postgres-database.ts'
import { createReviewApi, type ReviewApiOptions } from './review-api.ts'
import { databasePassword, type ReviewConfig } from './review-config.ts'
import { connectStore, type StoreConnection } from './store-connection.ts'

export { InvalidActivityError, type ActivityEntry }

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

export interface ReviewService {
  /** Everything under /api/review; passes on every other request. */
  handle: Middleware
  /** Closes the database (and stops trying to open it). */
  close: () => Promise<void>
  /**
   * Records a Partner API write made through Pack Explorer in the activity log. Rejects,
   * having recorded nothing, with ReviewStoreUnavailableError when the store cannot be
   * used, or InvalidActivityError when the entry breaks the log's rules.
   */
  recordActivity: (entry: ActivityEntry) => Promise<void>
  /**
   * Whether the store is open, so a write can be recorded: the proxy refuses a write up
   * front when not, rather than make one nobody could find in the log.
   */
  storeReady: () => boolean
}

/** The store is not open or did not answer; `message` says why, without the password. */
export class ReviewStoreUnavailableError extends Error {
  override name = 'ReviewStoreUnavailableError'
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
    recordActivity: (entry) => recordActivity(connection, entry),
    storeReady: () => connection.state().status === 'ready',
  }
}

/** Through the connection the review API uses, its failures logged as the API's are. */
async function recordActivity(connection: StoreConnection, entry: ActivityEntry): Promise<void> {
  const state = connection.state()
  if (state.status !== 'ready') throw new ReviewStoreUnavailableError(state.reason)
  try {
    await state.store.recordActivity(entry)
  } catch (error) {
    if (error instanceof InvalidActivityError) throw error
    throw new ReviewStoreUnavailableError(connection.failed(error), { cause: error })
  }
  connection.worked()
}
