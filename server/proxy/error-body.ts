/**
 * Error bodies are rebuilt from the envelope's known fields, never relayed raw: an
 * upstream error page could carry markup, internals or reflected request data.
 */
export function sanitizeErrorBody(status: number, body: Buffer, token: string): Buffer {
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
    return Buffer.from(
      JSON.stringify({
        ok: false,
        code: status,
        // An upstream that echoes the request must not hand the key to the browser.
        message: envelope.message.replaceAll(token, '[redacted]').slice(0, 500),
        ...(typeof envelope.error_code === 'string'
          ? { error_code: envelope.error_code.slice(0, 100) }
          : {}),
      }),
    )
  }
  // Not an envelope: say so, so the client can tell "Genviral said X" from "something in between failed".
  return Buffer.from(JSON.stringify({ upstream_status: status, envelope: false }))
}
