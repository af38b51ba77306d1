import { resolve } from 'node:path'

export interface ReviewConfig {
  /** PGlite's files (PACK_EXPLORER_DATA_DIR); unused with a database URL. */
  dataDir: string
  /** DATABASE_URL: a PostgreSQL server instead of PGlite. */
  databaseUrl: string | null
}

/**
 * Where review decisions are kept, or throws one line saying which setting is wrong. A
 * relative PACK_EXPLORER_DATA_DIR is taken from the working directory. The database URL
 * holds a password: it is never echoed.
 */
export function readReviewConfig(
  env: Record<string, string | undefined>,
  defaultDataDir: string,
): ReviewConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || null
  if (databaseUrl !== null) {
    const url = URL.canParse(databaseUrl) ? new URL(databaseUrl) : null
    if (!url || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')) {
      throw new Error(
        'DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/database.',
      )
    }
  }
  return {
    dataDir: resolve(env.PACK_EXPLORER_DATA_DIR?.trim() || defaultDataDir),
    databaseUrl,
  }
}

/** The database URL's password, to keep out of every message. */
export function databasePassword(config: ReviewConfig): string | null {
  if (!config.databaseUrl) return null
  try {
    return decodeURIComponent(new URL(config.databaseUrl).password) || null
  } catch {
    return null
  }
}
