/**
 * The one shape both drivers are used through (PGlite in this process, or a PostgreSQL
 * server through a `pg` pool): parameterized SQL only, one dialect, the same schema.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>
  /** Several statements without parameters (a migration). */
  exec(text: string): Promise<void>
}

export interface Database extends Queryable {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
  /** What it is, for logs: never a password. */
  readonly description: string
}
