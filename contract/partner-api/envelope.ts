/** Every Partner API answer is an envelope: `data` on success, a message and code on failure. */
export interface OkEnvelope<T> {
  ok: true
  code: number
  message: string
  data: T
}

export interface ErrorEnvelope {
  ok: false
  code: number
  message: string
  error_code?: string
}

export function okEnvelope<T>(data: T, message = 'Pack retrieved'): OkEnvelope<T> {
  return { ok: true, code: 200, message, data }
}

export function errorEnvelope(code: number, message: string, errorCode?: string): ErrorEnvelope {
  return {
    ok: false,
    code,
    message,
    ...(errorCode === undefined ? {} : { error_code: errorCode }),
  }
}
