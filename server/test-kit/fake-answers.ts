import type { ZodMiniType } from 'zod/mini'
import { errorEnvelope } from '../../contract/partner-api/envelope.ts'
import type { ScriptedResponse } from './fake-upstream.ts'

/** A success envelope as the Partner API sends it, `code` mirroring the status. */
export function ok(status: number, message: string, data: unknown): ScriptedResponse {
  return { status, body: { ok: true, code: status, message, data } }
}

/** A failure envelope with its `error_code`. */
export function refuse(status: number, message: string, errorCode: string): ScriptedResponse {
  return { status, body: errorEnvelope(status, message, errorCode) }
}

/**
 * The body as `schema` reads it, or the documented refusal: 400 `invalid_json` when it is not
 * JSON, 422 `invalid_payload` when it does not fit.
 */
export function readJson<T>(
  text: string,
  schema: ZodMiniType<T>,
): { data: T; refusal?: undefined } | { refusal: ScriptedResponse } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { refusal: refuse(400, 'Invalid JSON body', 'invalid_json') }
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) return { refusal: refuse(422, 'Invalid payload', 'invalid_payload') }
  return { data: parsed.data }
}
