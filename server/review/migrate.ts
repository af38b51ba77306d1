import type { Database } from './database.ts'
import { MIGRATIONS } from './migrations.ts'

/** Any constant will do: every instance of this app takes the same one. */
const MIGRATION_LOCK = 4_721_936_455_201

/**
 * Brings the schema up to date, at start. One transaction holds a transaction-scoped
 * advisory lock, so instances starting at once wait for each other (rather than failing, as
 * a try-lock would) and each finds the steps the first one applied; a step that fails rolls
 * back with its record, and the server reports the store unavailable.
 *
 * Why not node-pg-migrate: it reads its steps from a folder at run time (tsc does not emit
 * .sql files into dist-server, so every build path would need a copy step, or jiti in
 * production), adds glob, jiti and yargs to the production dependencies, and PGlite's
 * one-statement-per-query protocol needs a shim around its internals. What is needed here
 * (ordered steps, one transaction, one lock) is the few lines below, on both drivers.
 */
export async function migrate(db: Database, steps = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )
    `)
    const { rows } = await tx.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    )
    const applied = new Set(rows.map((row) => Number(row.version)))
    const newest = Math.max(0, ...steps.map((step) => step.version))
    const unknown = [...applied].filter((version) => version > newest)
    if (unknown.length > 0) {
      throw new Error(
        `The review database has schema version ${Math.max(...unknown)}, newer than this ` +
          `server knows (${newest}): run the newer Pack Explorer, or another database.`,
      )
    }
    const done: number[] = []
    for (const step of steps) {
      if (applied.has(step.version)) continue
      await tx.exec(step.sql)
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        step.version,
        step.name,
      ])
      done.push(step.version)
    }
    return done
  })
}
