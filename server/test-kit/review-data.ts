import { cpSync, mkdtempSync } from 'node:fs'
import { cp, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { PGLITE_FOLDER } from '../review/pglite-database.ts'

/**
 * A PGlite database made once and copied for each test server: making one takes seconds
 * (initdb), copying it a few milliseconds. Kept in node_modules/.tmp, one per PGlite
 * version (the files are that version's).
 */
const TEMPLATE = fileURLToPath(
  new URL(`../../node_modules/.tmp/pglite-template-${await pgliteVersion()}`, import.meta.url),
)

async function pgliteVersion(): Promise<string> {
  // Not in the package's exports: read as a file.
  const file = new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url)
  return (JSON.parse(await readFile(file, 'utf8')) as { version: string }).version
}

/** Makes the template unless it exists (Vitest's global set-up calls it once). */
export async function ensurePgliteTemplate(): Promise<string> {
  if (await exists(join(TEMPLATE, 'PG_VERSION'))) return TEMPLATE
  const making = `${TEMPLATE}.${process.pid}`
  await rm(making, { recursive: true, force: true })
  const pg = await PGlite.create(making)
  await pg.close()
  try {
    await rename(making, TEMPLATE)
  } catch {
    // Another process made it first.
    await rm(making, { recursive: true, force: true })
  }
  return TEMPLATE
}

/**
 * A new PACK_EXPLORER_DATA_DIR holding an empty PGlite database, so that a server opens it
 * in about a second instead of creating it. Under the system's temporary folder unless
 * `parent` is given; the caller removes it.
 */
export async function reviewDataDir(parent = tmpdir()): Promise<string> {
  const template = await ensurePgliteTemplate()
  const dir = await mkdtemp(join(parent, '.pack-explorer-review-data-'))
  await cp(template, join(dir, PGLITE_FOLDER), { recursive: true })
  return dir
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

/** The same, at once, once the template exists (`ensurePgliteTemplate`, the global set-up). */
export function reviewDataDirSync(parent = tmpdir()): string {
  const dir = mkdtempSync(join(parent, '.pack-explorer-review-data-'))
  cpSync(TEMPLATE, join(dir, PGLITE_FOLDER), { recursive: true })
  return dir
}
