import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { okEnvelope } from '@contract/partner-api/envelope'
import { packPath } from '@contract/partner-api/paths'
import { createPack, type WirePack } from '@contract/partner-api/wire'
import { FakeReviewApi } from './review-api'

/** The review API, in memory: served to every test, empty again after each one. */
export const reviewApi = new FakeReviewApi()

export const server = setupServer(...reviewApi.handlers())

/** Starts MSW for the calling test file; unhandled requests fail the test. */
export function setupMsw() {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    server.resetHandlers()
    reviewApi.reset()
  })
  afterAll(() => server.close())
}

export const packUrl = (packId: string) => `*${packPath(packId)}`

export function servePack(pack: WirePack = createPack()) {
  server.use(http.get(packUrl(pack.id), () => HttpResponse.json(okEnvelope(pack))))
  return pack
}
