import { z } from 'zod/mini'
import { ApiError } from './api-error'
import { parseRetryAfter } from './retry-after'

export const REQUEST_TIMEOUT_MS = 15_000

const errorEnvelopeSchema = z.object({
  ok: z.literal(false),
  message: z.string(),
  error_code: z.nullish(z.string()),
})

const ACCEPT_JSON = { accept: 'application/json' }

interface EarlyRequest {
  path: string
  response: Promise<Response>
  timeout: AbortSignal
  started: number
}

declare global {
  interface Window {
    /** Set by public/early-pack-request.js when the page opened on a pack link. */
    packExplorerEarlyRequest?: EarlyRequest
  }
}

/**
 * The request public/early-pack-request.js started for `path` when the page opened on a pack
 * link, before this code had even downloaded; taken once, later calls send their own. That
 * script builds the path as packPath() does, and never-taken requests are harmless.
 */
function takeEarlyRequest(path: string): EarlyRequest | undefined {
  const early = typeof window === 'undefined' ? undefined : window.packExplorerEarlyRequest
  if (early?.path !== path) return undefined
  delete window.packExplorerEarlyRequest
  return early
}

/**
 * GETs a Partner API path on our own origin (the proxy adds the key) and returns the
 * envelope's `data`, validated by `schema`. Every failure is an `ApiError`, except the
 * caller's own abort, which is rethrown untouched so TanStack Query can cancel quietly.
 */
export async function apiGet<T>(
  path: string,
  schema: z.ZodMiniType<T>,
  { signal }: { signal?: AbortSignal } = {},
): Promise<T> {
  const taken = takeEarlyRequest(path)
  const timeout = taken?.timeout ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS)
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout

  // User Timing entries (`api:fetch <path>`, `api:validate <path>`) feed `npm run bench`.
  const started = taken?.started ?? performance.now()
  let response: Response
  let text: string
  try {
    response = await (taken?.response ?? fetch(path, { signal: combined, headers: ACCEPT_JSON }))
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

  const received = performance.now()
  performance.measure(`api:fetch ${path}`, { start: started, end: received })
  const body = parseJson(text)

  if (!response.ok) {
    const envelope = errorEnvelopeSchema.safeParse(body)
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

  if (body === undefined) {
    throw new ApiError({
      kind: 'invalid-response',
      status: response.status,
      message: 'The response body is not JSON.',
    })
  }

  const parsed = z.object({ ok: z.literal(true), data: schema }).safeParse(body)
  performance.measure(`api:validate ${path}`, { start: received })
  if (!parsed.success) throw contractError(parsed.error.issues[0], response.status)
  return parsed.data.data
}

/**
 * The error for a response body that breaks the contract. `prefix` is where the checked
 * value sits in the body, so the reported path is the full one, e.g. `data.images.3.id`.
 */
export function contractError(
  issue: z.core.$ZodIssue | undefined,
  status: number,
  prefix: readonly PropertyKey[] = [],
): ApiError {
  const path = [...prefix, ...(issue?.path ?? [])]
  const issuePath = path.length ? path.join('.') : null
  // zod/mini ships no message texts; say what the contract expected instead.
  const detail = issue?.code === 'invalid_type' ? `expected ${issue.expected}` : issue?.code
  return new ApiError({
    kind: 'invalid-response',
    status,
    message: issuePath
      ? `Field "${issuePath}" is not what the API contract promises (${detail}).`
      : `The response does not match the API contract (${detail}).`,
    issuePath,
  })
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
