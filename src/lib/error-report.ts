import { isApiError, type ApiError } from './api-error'

/** What the screen shows as the error code: null when there is none to show. */
export function errorCodeOf(error: ApiError): string | null {
  if (error.errorCode !== null) return error.errorCode
  // No answer, or an answer that broke the contract: name what happened on our side.
  if (error.kind === 'timeout') return 'client_timeout'
  if (error.kind === 'network') return 'network_error'
  if (error.kind === 'invalid-response') return 'invalid_response'
  return null
}

export const NO_ERROR_CODE = 'The API sent no error code.'

/**
 * A failed request as plain text, for someone who was not looking at the screen: what was
 * asked for, what came back and when. The browser never holds the API key, so no key can be
 * in it; the API's message has passed the proxy's key scrub.
 */
export function errorReport({
  error,
  title,
  requested,
  pageUrl,
}: {
  error: unknown
  title: string
  requested: string
  pageUrl: string
}): string {
  const lines = [`Pack Explorer: ${title}`, `Requested: ${requested}`, `Page: ${pageUrl}`]
  if (isApiError(error)) {
    lines.push(
      `HTTP status: ${error.status === 0 ? 'no response' : error.status}`,
      `Error code: ${errorCodeOf(error) ?? '(the API sent none)'}`,
      `API message: ${error.message}`,
      `Time: ${new Date(error.occurredAt).toISOString()}`,
    )
  } else {
    lines.push(`Error: ${error instanceof Error ? error.message : String(error)}`)
  }
  return lines.join('\n')
}
