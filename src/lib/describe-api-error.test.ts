import { describe, expect, it } from 'vitest'
import { ApiError } from './api-error'
import { describeApiError } from './describe-api-error'

const http = (status: number, errorCode: string | null = null, hasEnvelope = true) =>
  new ApiError({ kind: 'http', status, errorCode, hasEnvelope, message: 'm' })

const describePackError = (error: unknown) => describeApiError(error, 'pack')
const describeListError = (error: unknown) => describeApiError(error, 'pack-list')

describe('describeApiError for a pack', () => {
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

  it('offers the details for an admin, not plans, when the key may not read the pack', () => {
    for (const error of [http(403, 'forbidden'), http(403, null, false)]) {
      expect(describePackError(error)).toMatchObject({ showPlans: false, askAdmin: true })
    }
    for (const error of [http(402), http(403, 'tier_not_allowed'), http(401), http(404)]) {
      expect(describePackError(error).askAdmin).toBe(false)
    }
  })

  it('offers Retry only where retrying can help', () => {
    expect(describePackError(http(404)).canRetry).toBe(false)
    expect(describePackError(http(401)).canRetry).toBe(false)
    expect(describePackError(http(429)).canRetry).toBe(true)
    expect(describePackError(http(500)).canRetry).toBe(true)
  })
})

describe('describeApiError for the pack list', () => {
  it.each([
    [http(400), 'Pack list request refused'],
    [http(404, 'not_found'), 'Pack list not found'],
    [http(404, null, false), 'Pack list not found'],
    [http(500, 'list_failed'), 'Pack list could not be loaded'],
    [http(401, 'invalid_token'), 'API key not accepted'],
    [http(402, 'subscription_required'), 'Subscription required'],
    [http(429, 'rate_limited'), 'Too many requests'],
    [http(502, 'upstream_unreachable'), 'Genviral API unreachable'],
    [new TypeError('boom'), 'Something went wrong'],
  ])('%o gets "%s"', (error, title) => {
    expect(describeListError(error).title).toBe(title)
  })

  it('never speaks of one pack or its ID', () => {
    const errors = [
      http(400),
      http(403, 'forbidden'),
      http(404),
      http(500),
      http(418),
      new ApiError({ kind: 'invalid-response', status: 200, message: 'm' }),
      new TypeError('boom'),
    ]
    for (const error of errors) {
      const { title, explanation } = describeListError(error)
      expect(`${title} ${explanation}`).not.toMatch(
        /this pack|pack ID|another pack|Pack not found/i,
      )
    }
  })

  it('offers the same ways forward as for a pack', () => {
    for (const status of [400, 401, 402, 403, 404, 429, 500, 503, 418]) {
      const { canRetry, showPlans, askAdmin, topic } = describeListError(http(status))
      const forPack = describePackError(http(status))
      expect({ canRetry, showPlans, askAdmin, topic }).toEqual({
        canRetry: forPack.canRetry,
        showPlans: forPack.showPlans,
        askAdmin: forPack.askAdmin,
        topic: forPack.topic,
      })
    }
  })
})
