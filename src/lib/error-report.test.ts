import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from './api-error'
import { errorCodeOf, errorReport } from './error-report'

afterEach(() => vi.useRealTimers())

describe('errorReport', () => {
  it('says what was requested, what came back and when', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-01T11:20:05.000Z') })
    const error = new ApiError({
      kind: 'http',
      status: 403,
      errorCode: 'forbidden',
      hasEnvelope: true,
      message: 'This key cannot read this pack',
    })
    expect(
      errorReport({
        error,
        title: 'Access denied',
        requested: 'pack 00000000-0000-4000-8000-000000004030',
        pageUrl: 'https://packs.example.com/packs/00000000-0000-4000-8000-000000004030',
      }),
    ).toBe(
      [
        'Pack Explorer: Access denied',
        'Requested: pack 00000000-0000-4000-8000-000000004030',
        'Page: https://packs.example.com/packs/00000000-0000-4000-8000-000000004030',
        'HTTP status: 403',
        'Error code: forbidden',
        'API message: This key cannot read this pack',
        'Time: 2026-12-01T11:20:05.000Z',
      ].join('\n'),
    )
  })

  it('says in words when there was no error code or no answer', () => {
    const report = errorReport({
      error: new ApiError({ kind: 'http', status: 403, message: 'HTTP 403 Forbidden' }),
      title: 'Access denied',
      requested: 'the pack list',
      pageUrl: 'http://localhost:5173/',
    })
    expect(report).toContain('Error code: (the API sent none)')
    expect(
      errorReport({
        error: new ApiError({ kind: 'network', message: 'The request did not reach the server.' }),
        title: 'Genviral API unreachable',
        requested: 'the pack list',
        pageUrl: 'http://localhost:5173/',
      }),
    ).toContain('HTTP status: no response\nError code: network_error')
  })
})

describe('errorCodeOf', () => {
  it('is the API’s code, our own name for a failure without an answer, or null', () => {
    expect(
      errorCodeOf(
        new ApiError({ kind: 'http', status: 429, errorCode: 'rate_limited', message: 'm' }),
      ),
    ).toBe('rate_limited')
    expect(errorCodeOf(new ApiError({ kind: 'timeout', message: 'm' }))).toBe('client_timeout')
    expect(errorCodeOf(new ApiError({ kind: 'invalid-response', status: 200, message: 'm' }))).toBe(
      'invalid_response',
    )
    expect(errorCodeOf(new ApiError({ kind: 'http', status: 503, message: 'm' }))).toBeNull()
  })
})
