import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PGlite, type Transaction } from '@electric-sql/pglite'
import type { Database, Queryable } from './database.ts'
import { lockDataDir } from './data-dir-lock.ts'

interface Shared {
  opening: Promise<PGlite>
  users: number
  unlock: () => void
}

/** The folders this process has open: servers in one process share one PGlite per folder. */
const open = new Map<string, Shared>()

/**
 * PostgreSQL compiled to WebAssembly, in this process, on the files of `dataDir` (in memory
 * when null, for tests). Every commit is written to the files before the query returns
 * (PGlite's default, not `relaxedDurability`), so a write the API acknowledged survives the
 * process being killed. PGlite runs one database per process and folder: a second process
 * on the same folder is refused (it would corrupt the files), while servers in one process
 * (the dev server and `vite preview`, tests) share one instance.
 */
export async function openPgliteDatabase(dataDir: string | null): Promise<Database> {
  if (dataDir === null) {
    const pg = await PGlite.create()
    return database(pg, 'PGlite in memory', () => pg.close())
  }
  const folder = resolve(dataDir)
  let shared = open.get(folder)
  if (!shared) {
    mkdirSync(folder, { recursive: true })
    const unlock = lockDataDir(folder)
    const opening = createInFolder(folder)
    shared = { opening, users: 0, unlock }
    open.set(folder, shared)
    opening.catch(() => {
      open.delete(folder)
      unlock()
    })
  }
  shared.users++
  let pg: PGlite
  try {
    pg = await shared.opening
  } catch (error) {
    shared.users--
    throw error
  }
  let closed = false
  return database(pg, `PGlite in ${folder}`, async () => {
    if (closed) return
    closed = true
    if (--shared.users > 0) return
    open.delete(folder)
    try {
      await pg.close()
    } finally {
      shared.unlock()
    }
  })
}

/** PGlite's own files, in a folder of their own beside the lock file. */
export const PGLITE_FOLDER = 'pglite'

/**
 * PGlite on `folder`'s database, created first if there is none. A new database is made in
 * a folder of its own and moved into place once complete (creating one takes seconds): a
 * server killed meanwhile leaves no half-made database to trip over at the next start.
 */
async function createInFolder(folder: string): Promise<PGlite> {
  const files = join(folder, PGLITE_FOLDER)
  if (!existsSync(join(files, 'PG_VERSION'))) {
    const making = join(folder, `${PGLITE_FOLDER}.new`)
    rmSync(making, { recursive: true, force: true })
    const fresh = await PGlite.create(making)
    await fresh.close()
    rmSync(files, { recursive: true, force: true })
    renameSync(making, files)
  }
  return PGlite.create(files)
}

function database(pg: PGlite, description: string, close: () => Promise<void>): Database {
  return {
    description,
    ...queryable(pg),
    transaction: (fn) => pg.transaction((tx) => fn(queryable(tx))),
    close,
  }
}

function queryable(target: PGlite | Transaction): Queryable {
  return {
    query: async <Row>(text: string, params?: unknown[]) => {
      const result = await target.query<Row>(text, params)
      return { rows: result.rows }
    },
    exec: async (text) => {
      await target.exec(text)
    },
  }
}
