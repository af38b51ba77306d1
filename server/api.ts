import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ServerConfig } from './config.ts'
import { demoReviewSeed } from './demo/review-seed.ts'
import { createPartnerApiMiddleware, type PartnerApiOptions } from './partner-api.ts'
import { createPackImageLoader } from './review/pack-images.ts'
import type { ReviewConfig } from './review/review-config.ts'
import type { WriteAccess } from './write-access.ts'
import {
  startReviewService,
  type ReviewService,
  type ReviewServiceOptions,
} from './review/review-service.ts'

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

export interface AppApi {
  demo: boolean
  /** /app-config.json, the review API and the Partner API proxy (or demo API). */
  handle: Middleware
  /** Stops the demo API and closes the review store. */
  close: () => Promise<void>
}

export interface AppApiOptions {
  partner: ServerConfig
  review: ReviewConfig
  /** PACK_EXPLORER_TRUST_PROXY_AUTH=1 (`npm start` only). */
  proxyAuth?: boolean
  /** Who may change packs: PACK_EXPLORER_WRITE_ACCESS for `npm start`, everyone for Vite. */
  writeAccess: WriteAccess
  partnerOptions?: PartnerApiOptions
  log: {
    partner: (line: string) => void
    review: ReviewServiceOptions['log']
  }
}

/**
 * Everything the three servers (`vite`, `vite preview`, `npm start`) answer under /api and
 * /app-config.json, put together in one place so that they cannot drift apart. The review
 * API comes first: nothing under /api/review ever reaches the proxy.
 */
export async function createAppApi(options: AppApiOptions): Promise<AppApi> {
  // Writes are recorded in the review database, which opens after the proxy exists (its
  // sign-off reads packs through the same upstream): asked at request time.
  let review: ReviewService | undefined
  const partner = await createPartnerApiMiddleware(options.partner, options.log.partner, {
    ...options.partnerOptions,
    writes: {
      access: options.writeAccess,
      proxyAuth: options.proxyAuth ?? false,
      activity: {
        record: (record) => review!.recordActivity(record),
        canRecord: () => review?.storeReady() ?? false,
      },
    },
  })
  try {
    review = await startReviewService({
      config: options.review,
      proxyAuth: options.proxyAuth ?? false,
      log: options.log.review,
      seedFor: partner.demo ? demoReviewSeed : undefined,
      // The same upstream, key and origin rule as the proxy: the pack the page shows.
      loadPackImages: createPackImageLoader(partner.upstream),
    })
  } catch (error) {
    await partner.close()
    throw error
  }
  const started = review
  return {
    demo: partner.demo,
    handle: (req, res, next) => started.handle(req, res, () => partner.handle(req, res, next)),
    close: async () => {
      await Promise.allSettled([started.close(), partner.close()])
    },
  }
}
