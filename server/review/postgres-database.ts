import pg from 'pg'
import type { Database, Queryable } from './database.ts'

/** How long a request waits for a connection before the API says the store is unreachable. */
const CONNECT_TIMEOUT_MS = 5_000

/**
 * A PostgreSQL server through a pool of `pg` connections (one process may serve many
 * requests at once; several processes share the server and agree, as its transactions do).
 */
export function openPostgresDatabase(
  url: string,
  onIdleError: (error: Error) => void,
  maxConnections = 10,
): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: maxConnections,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  })
  // An idle connection the server dropped: without a listener it would crash the process.
  pool.on('error', onIdleError)
  return {
    description: describePostgresUrl(url),
    ...queryable(pool),
    transaction: async (fn) => {
      const client = await pool.connect()
      let broken: Error | undefined
      try {
        await client.query('BEGIN')
        const result = await fn(queryable(client))
        await client.query('COMMIT')
        return result
      } catch (error) {
        try {
          await client.query('ROLLBACK')
        } catch (rollbackError) {
          // The connection itself failed: it must not go back to the pool.
          broken = rollbackError as Error
        }
        throw error
      } finally {
        client.release(broken)
      }
    },
    close: () => pool.end(),
  }
}

function queryable(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    query: async <Row>(text: string, params?: unknown[]) => {
      const result = await target.query(text, params)
      return { rows: result.rows as Row[] }
    },
    exec: async (text) => {
      // Without parameters pg uses the simple protocol, which takes several statements.
      await target.query(text)
    },
  }
}

/** `PostgreSQL at host:port/database`: where it is, never who or with which password. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `PostgreSQL at ${parsed.host || 'the default host'}${parsed.pathname}`
  } catch {
    return 'PostgreSQL'
  }
}
