import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reviewDataDir } from '../test-kit/review-data.ts'
import { openPgliteDatabase, PGLITE_FOLDER } from './pglite-database.ts'

let root: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pack-explorer-pglite-'))
})

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('PGlite in a data folder', () => {
  it('makes its database aside, so a half-made one left by a killed server is no obstacle', async () => {
    const dir = join(root, 'fresh')
    // What a server killed while making the database leaves behind.
    await mkdir(join(dir, `${PGLITE_FOLDER}.new`), { recursive: true })
    await writeFile(join(dir, `${PGLITE_FOLDER}.new`, 'PG_VERSION'), '1')
    const db = await openPgliteDatabase(dir)
    try {
      expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
    } finally {
      await db.close()
    }
    expect(existsSync(join(dir, PGLITE_FOLDER, 'PG_VERSION'))).toBe(true)
    expect(existsSync(join(dir, `${PGLITE_FOLDER}.new`))).toBe(false)
  }, 60_000)

  it('is shared by the servers of one process, and released when the last one closes', async () => {
    const dir = await reviewDataDir(root)
    const first = await openPgliteDatabase(dir)
    const second = await openPgliteDatabase(dir)
    await first.exec('CREATE TABLE shared_check (n integer)')
    await first.query('INSERT INTO shared_check VALUES (1)')
    expect((await second.query('SELECT n FROM shared_check')).rows).toEqual([{ n: 1 }])
    await first.close()
    expect(existsSync(join(dir, 'pack-explorer.pid'))).toBe(true)
    expect((await second.query('SELECT n FROM shared_check')).rows).toEqual([{ n: 1 }])
    await second.close()
    expect(existsSync(join(dir, 'pack-explorer.pid'))).toBe(false)
    // And open again afterwards, with what was written.
    const again = await openPgliteDatabase(dir)
    expect((await again.query('SELECT n FROM shared_check')).rows).toEqual([{ n: 1 }])
    await again.close()
  }, 60_000)
})
