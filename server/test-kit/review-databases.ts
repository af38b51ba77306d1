import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { Database } from '../review/database.ts'
import { openPgliteDatabase } from '../review/pglite-database.ts'
import { openPostgresDatabase } from '../review/postgres-database.ts'

/** A PostgreSQL server the suites may create databases on (`.ci/run` starts one). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || null

export const POSTGRES_SKIP_REASON = 'skipped: TEST_DATABASE_URL is not set'

export interface DatabaseKind {
  name: string
  /** No server to run on: the suite is skipped, and its name says why. */
  skip: boolean
  /** A fresh, empty database of this kind, and how to remove it. */
  create: () => Promise<{ db: Database; url: string | null; drop: () => Promise<void> }>
}

/** The kinds a store suite runs on: PGlite always, PostgreSQL when there is a server. */
export const DATABASE_KINDS: DatabaseKind[] = [
  {
    name: 'PGlite (in memory)',
    skip: false,
    create: async () => {
      const db = await openPgliteDatabase(null)
      return { db, url: null, drop: () => db.close() }
    },
  },
  {
    name: TEST_DATABASE_URL ? 'PostgreSQL' : `PostgreSQL (${POSTGRES_SKIP_REASON})`,
    skip: TEST_DATABASE_URL === null,
    create: async () => {
      const { url, drop } = await createTestPostgresDatabase()
      const db = openPostgresDatabase(url, () => {})
      return {
        db,
        url,
        drop: async () => {
          await db.close()
          await drop()
        },
      }
    },
  },
]

/**
 * A database of its own on the TEST_DATABASE_URL server, so that test files running at once
 * never see each other's rows; `drop` removes it.
 */
export async function createTestPostgresDatabase(): Promise<{
  url: string
  drop: () => Promise<void>
}> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set')
  const name = `pack_explorer_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await admin.connect()
  try {
    // A name made here of hex digits: safe to write into the statement.
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(TEST_DATABASE_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await client.connect()
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await client.end()
      }
    },
  }
}
