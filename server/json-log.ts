export type LogLevel = 'info' | 'warn' | 'error'

export type Log = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void

/**
 * One JSON object per line, the shape log collectors parse without configuration. Callers
 * pass no headers and no key: what is logged is chosen field by field.
 */
export function createJsonLog(write: (line: string) => void): Log {
  return (level, msg, fields = {}) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }))
}
