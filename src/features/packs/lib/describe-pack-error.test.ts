import { describe, expect, it } from 'vitest'
import { ApiError } from '@/lib/api-error'
import { describePackError } from './describe-pack-error'

const http = (status: number, errorCode: string | null = null, hasEnvelope = true) =>
  new ApiError({ kind: 'http', status, errorCode, hasEnvelope, message: 'm' })

describe('describePackError', () => {
  it.each([
    [http(400, 'missing_pack_id'), 'Missing pack ID'],
    [http(401, 'invalid_token'), 'API key not accepted'],
    [http(401, null, false), 'API key not accepted'],
    [http(402, 'subscription_required'), 'Subscription required'],
    [http(403, 'tier_not_allowed'), 'Partner API not included in your plan'],
    [http(403, 'forbidden'), 'Access denied'],
    [http(403, null, false), 'Access denied'],
    [http(404, 'not_found'), 'Pack not found'],
    [http(404, null, false), 'Pack not found'],
    [http(429, 'rate_limited'), 'Too many requests'],
    [http(500, 'pack_get_failed'), 'Pack could not be loaded'],
    [http(503, 'maintenance'), 'Pack could not be loaded'],
    [http(500, null, false), 'Genviral API unreachable'],
    [http(502, 'upstream_unreachable'), 'Genviral API unreachable'],
    [http(504, 'upstream_timeout'), 'Genviral API unreachable'],
    [new ApiError({ kind: 'network', message: 'm' }), 'Genviral API unreachable'],
    [new ApiError({ kind: 'timeout', message: 'm' }), 'Genviral API unreachable'],
    [
      new ApiError({ kind: 'invalid-response', status: 200, message: 'm' }),
      'Unexpected response from the API',
    ],
    [new TypeError('boom'), 'Something went wrong'],
  ])('%o gets "%s"', (error, title) => {
    expect(describePackError(error).title).toBe(title)
  })

  it('says where the key lives on 401 and offers plans on 402/403', () => {
    expect(describePackError(http(401)).explanation).toMatch(/configured on the server/)
    expect(describePackError(http(402)).showPlans).toBe(true)
    expect(describePackError(http(403, 'tier_not_allowed')).showPlans).toBe(true)
    expect(describePackError(http(404)).showPlans).toBe(false)
  })

  it('offers Retry only where retrying can help', () => {
    expect(describePackError(http(404)).canRetry).toBe(false)
    expect(describePackError(http(401)).canRetry).toBe(false)
    expect(describePackError(http(429)).canRetry).toBe(true)
    expect(describePackError(http(500)).canRetry).toBe(true)
  })
})
