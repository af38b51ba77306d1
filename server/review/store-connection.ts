import type { Database } from './database.ts'
import { migrate } from './migrate.ts'
import { createReviewStore, type ReviewStore } from './review-store.ts'

export type StoreState =
  { status: 'ready'; store: ReviewStore } | { status: 'unavailable'; reason: string }

export interface StoreConnection {
  state(): StoreState
  /** A request's query failed: the reason to answer with (logged once per change). */
  failed(error: unknown): string
  /** A request's query worked (logs the recovery after a failure). */
  worked(): void
  close(): Promise<void>
}

export interface StoreConnectionOptions {
  open: () => Promise<Database>
  /** One line per change of state; never a password. */
  log: (level: 'info' | 'warn', line: string) => void
  /** Words that must never appear in a reason or a log line (the database password). */
  secrets?: readonly string[]
  /** Waits between attempts to open the store, the last one repeated. */
  retryMs?: readonly number[]
  /** How long the server waits for the first attempt before it goes on without the store. */
  startupWaitMs?: number
}

const DEFAULT_RETRY_MS = [1_000, 2_000, 5_000, 10_000, 15_000]
/**
 * Opening an existing store takes about a second; creating PGlite's database the first time,
 * several: the server does not stay down for that, the review API says it is starting.
 */
const DEFAULT_STARTUP_WAIT_MS = 3_000

/**
 * Opens the store (and brings its schema up to date), and keeps trying in the background
 * while it cannot: the rest of the app works meanwhile, and the review API answers 503 with
 * the reason. Resolves after the first attempt, whatever its outcome, or after
 * `startupWaitMs` if that attempt takes longer (it goes on in the background).
 */
export async function connectStore(options: StoreConnectionOptions): Promise<StoreConnection> {
  const retryMs = options.retryMs ?? DEFAULT_RETRY_MS
  const redact = (text: string) =>
    (options.secrets ?? []).reduce(
      (kept, secret) => (secret ? kept.split(secret).join('***') : kept),
      text,
    )
  let state: StoreState = { status: 'unavailable', reason: 'The review store is starting.' }
  let db: Database | null = null
  let closed = false
  let attempt = 0
  let timer: NodeJS.Timeout | undefined
  let failing = false
  let attempting: Promise<void> = Promise.resolve()

  const open = () => (attempting = attemptOpen())
  const attemptOpen = async () => {
    let opened: Database | null = null
    try {
      opened = await options.open()
      const applied = await migrate(opened)
      if (closed) return void (await opened.close())
      if (applied.length > 0) {
        options.log('info', `Review store schema brought to version ${Math.max(...applied)}.`)
      }
      db = opened
      state = { status: 'ready', store: createReviewStore(opened) }
      options.log('info', `Review store ready: ${opened.description}.`)
      failing = false
    } catch (error) {
      await opened?.close().catch(() => {})
      const reason = `The review store could not be opened: ${redact(messageOf(error))}`
      const wait = retryMs[Math.min(attempt, retryMs.length - 1)]!
      // Once per reason, not once per attempt.
      if (state.status === 'ready' || reason !== state.reason) {
        options.log('warn', `${reason} Trying again in the background.`)
      }
      state = { status: 'unavailable', reason }
      attempt++
      if (!closed) {
        timer = setTimeout(() => void open(), wait)
        timer.unref()
      }
    }
  }
  const first = open()
  let waited: NodeJS.Timeout | undefined
  const slow = await Promise.race([
    first.then(() => false),
    new Promise<boolean>((resolve) => {
      waited = setTimeout(resolve, options.startupWaitMs ?? DEFAULT_STARTUP_WAIT_MS, true)
    }),
  ])
  clearTimeout(waited)
  if (slow) options.log('info', 'The review store is still opening; reviews follow when it is.')
  return {
    state: () => state,
    failed(error) {
      const reason = `The review store could not be reached: ${redact(messageOf(error))}`
      if (!failing) options.log('warn', reason)
      failing = true
      return reason
    },
    worked() {
      if (failing) options.log('info', 'The review store answers again.')
      failing = false
    },
    async close() {
      closed = true
      clearTimeout(timer)
      // An attempt under way closes what it opens once it sees `closed`.
      await attempting
      const current = db
      db = null
      state = { status: 'unavailable', reason: 'The server is shutting down.' }
      await current?.close()
    },
  }
}

function messageOf(error: unknown): string {
  // Node's connect error for a name with several addresses has its words in `errors`.
  const first = error instanceof AggregateError && !error.message ? error.errors[0] : error
  const text = first instanceof Error ? first.message : String(first)
  const code = (error as { code?: unknown } | null)?.code
  const line = text.split('\n')[0]?.trim() || 'unknown error'
  return typeof code === 'string' && !line.includes(code) ? `${line} (${code})` : line
}
