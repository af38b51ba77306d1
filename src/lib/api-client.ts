import { z } from 'zod/mini'
import { ApiError } from './api-error'
import { contractError } from './contract-error'
import { parseRetryAfter } from './retry-after'

export const REQUEST_TIMEOUT_MS = 15_000

const errorEnvelopeSchema = z.object({
  ok: z.literal(false),
  message: z.string(),
  error_code: z.nullish(z.string()),
})

/** A request that is already on its way, with the deadline it was sent with. */
export interface SentRequest {
  response: Promise<Response>
  timeout: AbortSignal
}

export type SendMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * GETs a Partner API path on our own origin (the proxy adds the key) and returns the
 * envelope's `data`, validated by `schema`. Every failure is an `ApiError`, except the
 * caller's own abort, which is rethrown untouched so TanStack Query can cancel quietly.
 * `sent` is the same GET already started elsewhere: its answer is read instead.
 */
export function apiGet<T>(
  path: string,
  schema: z.ZodMiniType<T>,
  { signal, sent }: { signal?: AbortSignal; sent?: SentRequest } = {},
): Promise<T> {
  return request(path, { method: 'GET', schema, signal, sent })
}

/**
 * Sends `body` as JSON with `method` and returns the envelope's `data`, validated by
 * `schema`, with the same errors as `apiGet`. Writes are not retried: the API has no
 * idempotency keys (see query-client.ts, whose retries apply to queries only).
 */
export function apiSend<T>(
  method: SendMethod,
  path: string,
  body: unknown,
  schema: z.ZodMiniType<T>,
  { signal, headers }: { signal?: AbortSignal; headers?: Record<string, string> } = {},
): Promise<T> {
  // A write without a body (a DELETE) is still sent as JSON: the server refuses other types.
  const text = body === undefined ? undefined : JSON.stringify(body)
  return request(path, { method, body: text, schema, signal, headers, sendsJson: true })
}

async function request<T>(
  path: string,
  {
    method,
    body,
    schema,
    signal,
    sent,
    headers: extra = {},
    sendsJson = false,
  }: {
    method: 'GET' | SendMethod
    body?: string
    schema: z.ZodMiniType<T>
    signal?: AbortSignal
    sent?: SentRequest
    headers?: Record<string, string>
    sendsJson?: boolean
  },
): Promise<T> {
  const timeout = sent?.timeout ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS)
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout
  const headers: Record<string, string> = { ...extra, accept: 'application/json' }
  if (sendsJson) headers['content-type'] = 'application/json'

  let response: Response
  let text: string
  try {
    response = await (sent?.response ?? fetch(path, { method, body, headers, signal: combined }))
    text = await response.text()
    signal?.throwIfAborted()
  } catch (error) {
    if (signal?.aborted) throw error
    if (timeout.aborted) {
      throw new ApiError({
        kind: 'timeout',
        message: `No answer within ${REQUEST_TIMEOUT_MS / 1000} seconds.`,
        cause: error,
      })
    }
    throw new ApiError({
      kind: 'network',
      message: 'The request did not reach the server.',
      cause: error,
    })
  }

  const json = parseJson(text)

  if (!response.ok) {
    const envelope = errorEnvelopeSchema.safeParse(json)
    throw new ApiError({
      kind: 'http',
      status: response.status,
      message: envelope.success
        ? envelope.data.message
        : `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      errorCode: envelope.success ? (envelope.data.error_code ?? null) : null,
      hasEnvelope: envelope.success,
      retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
    })
  }

  if (json === undefined) {
    throw new ApiError({
      kind: 'invalid-response',
      status: response.status,
      message: 'The response body is not JSON.',
    })
  }

  const parsed = z.object({ ok: z.literal(true), data: schema }).safeParse(json)
  if (!parsed.success) throw contractError(parsed.error.issues[0], response.status)
  return parsed.data.data
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
