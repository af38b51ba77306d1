import type { KeyScanner } from './key-scanner.ts'

/** What an `error_code` must look like to be relayed: an identifier, nothing a page could use. */
const ERROR_CODE = /^[a-z0-9_]{1,64}$/

/**
 * Error bodies are rebuilt from the envelope's known fields, never relayed raw: an
 * upstream error page could carry markup, internals or reflected request data.
 */
export function sanitizeErrorBody(status: number, body: Buffer, scanner: KeyScanner): Buffer {
  let envelope: Record<string, unknown> | null = null
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'))
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      envelope = parsed as Record<string, unknown>
    }
  } catch {
    envelope = null
  }
  if (envelope && envelope.ok === false && typeof envelope.message === 'string') {
    const errorCode = envelope.error_code
    return Buffer.from(
      JSON.stringify({
        ok: false,
        code: status,
        // An upstream that echoes the request must not hand the key to the browser. Redacted
        // before it is cut, so that no cut leaves a piece of the key behind.
        message: scanner.redact(envelope.message).slice(0, 500),
        // An identifier can be a key's secret half too: then it is dropped, like any odd one.
        ...(typeof errorCode === 'string' && ERROR_CODE.test(errorCode) && !scanner.finds(errorCode)
          ? { error_code: errorCode }
          : {}),
      }),
    )
  }
  // Not an envelope: say so, so the client can tell "Genviral said X" from "something in between failed".
  return Buffer.from(JSON.stringify({ upstream_status: status, envelope: false }))
}
