import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { join } from 'node:path'

const LOCK_FILE = 'pack-explorer.pid'

/**
 * Claims `dataDir` for this process: a file holding its PID, created only if absent. A file
 * left by a process that is gone (killed, crashed) is taken over; one whose process still
 * runs means another server uses these files, and opening them too would corrupt them.
 * Returns the release.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE)
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      writeSync(fd, `${process.pid}\n`)
      closeSync(fd)
      return () => {
        try {
          if (readPid(file) === process.pid) unlinkSync(file)
        } catch {
          // Already gone: nothing to release.
        }
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = readPid(file)
    // Our own PID: left by an earlier process that had it (a container restarted), as this
    // process claims each folder once (server/review/pglite-database.ts).
    if (holder !== null && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `The review data in ${dataDir} is in use by another process (PID ${holder}): PGlite ` +
          'takes one process per data directory. Stop it, give this server its own ' +
          'PACK_EXPLORER_DATA_DIR, or share a PostgreSQL server with DATABASE_URL.',
      )
    }
    try {
      unlinkSync(file)
    } catch {
      // Another process took it over first: try again.
    }
  }
  throw new Error(`Could not claim the review data in ${dataDir}.`)
}

function readPid(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
