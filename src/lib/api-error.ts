/**
 * What went wrong with a request, in terms the UI can act on.
 * - `http`: the server answered with a non-2xx status
 * - `network`: no answer at all (offline, DNS, connection reset)
 * - `timeout`: no answer within the client's deadline
 * - `invalid-response`: a 2xx answer that is not JSON or breaks the contract
 */
export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'invalid-response'

export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly kind: ApiErrorKind
  /** HTTP status, or 0 when there was no answer. */
  readonly status: number
  readonly errorCode: string | null
  /** True when the body was a Partner API error envelope. */
  readonly hasEnvelope: boolean
  /** Seconds the server asked us to wait (429 / 503 `Retry-After`). */
  readonly retryAfterSeconds: number | null
  /** For `invalid-response`: where the body broke the contract, e.g. `data.images.3.id`. */
  readonly issuePath: string | null
  /**
   * When the failure happened (ms since the epoch): the countdown to the next try starts
   * here, and the details a user copies for their admin name it.
   */
  readonly occurredAt: number

  constructor(init: {
    kind: ApiErrorKind
    message: string
    status?: number
    errorCode?: string | null
    hasEnvelope?: boolean
    retryAfterSeconds?: number | null
    issuePath?: string | null
    cause?: unknown
  }) {
    super(init.message, { cause: init.cause })
    this.kind = init.kind
    this.status = init.status ?? 0
    this.errorCode = init.errorCode ?? null
    this.hasEnvelope = init.hasEnvelope ?? false
    this.retryAfterSeconds = init.retryAfterSeconds ?? null
    this.issuePath = init.issuePath ?? null
    this.occurredAt = Date.now()
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}
