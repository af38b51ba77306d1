import type { IncomingMessage, ServerResponse } from 'node:http'
import { authenticatedUser } from './authenticated-user.ts'
import type { ServerConfig } from './config.ts'
import { DEMO_API_TOKEN, EXPOSED_MAX_GENERATED_IMAGES, startDemoApi } from './demo/demo-api.ts'
import { serveDemoUpload } from './demo/demo-uploads.ts'
import { DEMO_EXAMPLES, DEMO_UPLOAD_PATH } from './demo/fixtures.ts'
import { createImageUrlLookup } from './image-url-lookup.ts'
import { createPartnerProxy } from './proxy/proxy.ts'
import type { WritePolicy } from './proxy/write-gate.ts'
import type { WriteRecord } from './proxy/write-record.ts'
import { createPackImageLoader, type PackImageSource } from './review/pack-images.ts'
import { API_SECURITY_HEADERS } from './security-headers.ts'
import { createUploadRelay } from './uploads/upload-relay.ts'
import { mayWrite, type WriteAccess } from './write-access.ts'

export const APP_CONFIG_PATH = '/app-config.json'

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

export interface PartnerApiMiddleware {
  demo: boolean
  handle: Middleware
  /** Where the proxy sends requests, with its key: the review API's sign-off reads packs. */
  upstream: PackImageSource
  close: () => Promise<void>
}

/** Where the writes through the proxy are recorded (the review database's activity log). */
export interface ActivityLog {
  record: (record: WriteRecord) => Promise<void>
  /** Whether a record can be stored now; a write is refused up front when it cannot. */
  canRecord: () => boolean
}

export interface PartnerWrites {
  /** Who may write; in demo mode, everyone (the demo's packs live in memory). */
  access: WriteAccess
  /** PACK_EXPLORER_TRUST_PROXY_AUTH=1: a write without the proxy's user is refused. */
  proxyAuth: boolean
  activity: ActivityLog
}

export interface PartnerApiOptions {
  /** Who may write and where writes are recorded; absent, every write is refused. */
  writes?: PartnerWrites
  /** Upstream answers held in memory at once (the proxy's default when absent). */
  maxUpstreamAnswers?: number
  /**
   * The server listens beyond loopback (`npm start` with a HOST beyond it; Vite's servers
   * are loopback-only): the demo API caps the packs it generates.
   */
  listensBeyondLoopback?: boolean
}

/**
 * The `/api` proxy plus the small config document the app reads at start (demo mode, demo
 * packs, and the signed-in user the review decisions are recorded under). Without a key it
 * starts the demo Partner API and points the very same proxy at it.
 */
export async function createPartnerApiMiddleware(
  config: ServerConfig,
  log: (line: string) => void,
  options: PartnerApiOptions = {},
): Promise<PartnerApiMiddleware> {
  const demoApi = config.token
    ? null
    : await startDemoApi({
        maxGeneratedImages: options.listensBeyondLoopback
          ? EXPOSED_MAX_GENERATED_IMAGES
          : undefined,
      })
  const demo = demoApi !== null
  const upstream: PackImageSource = {
    baseUrl: demoApi?.url ?? config.baseUrl,
    token: config.token ?? DEMO_API_TOKEN,
    timeoutMs: config.timeoutMs,
    // The demo API serves its images on the app's own origin, so it is told that origin.
    forwardOrigin: demo,
  }
  const { writes } = options
  const access: WriteAccess = !writes ? 'none' : demo ? 'all' : writes.access
  // One policy for the proxy's writes and the upload relay's alike.
  const writePolicy: WritePolicy | undefined = writes && {
    allowed: (req) => mayWrite(access, req),
    proxyAuth: writes.proxyAuth,
    record: writes.activity.record,
    canRecord: writes.activity.canRecord,
    imageUrl: createImageUrlLookup(createPackImageLoader(upstream), upstream.timeoutMs),
  }
  const proxy = createPartnerProxy({
    ...upstream,
    maxConcurrentUpstream: options.maxUpstreamAnswers,
    log,
    writes: writePolicy,
  })
  const uploads = createUploadRelay({ ...upstream, log, writes: writePolicy })
  log(
    demo
      ? 'GENVIRAL_API_TOKEN is not set: serving the built-in demo Partner API ("Demo data").'
      : `Proxying /api/partner/v1 to ${config.baseUrl} with the configured key.`,
  )
  const examples = demo ? DEMO_EXAMPLES : []

  return {
    demo,
    upstream,
    handle(req, res, next) {
      const path = req.url?.split('?')[0] ?? ''
      // Files uploaded to the demo, on the browser's origin as its upload answer said.
      if (demoApi && path.startsWith(DEMO_UPLOAD_PATH)) {
        const token = path.slice(DEMO_UPLOAD_PATH.length)
        return serveDemoUpload(demoApi.uploadedFile(token), req, res)
      }
      if (path === APP_CONFIG_PATH) {
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
          ...API_SECURITY_HEADERS,
        })
        // Per request: `user` is whoever this request is from (null unless signed in), and
        // `editing` whether they may change packs.
        const user = authenticatedUser(req)
        return void res.end(
          JSON.stringify({ demo, examples, user, editing: mayWrite(access, req) }),
        )
      }
      uploads(req, res, () => proxy(req, res, next))
    },
    close: async () => {
      await demoApi?.close()
    },
  }
}
