import { resolve } from 'node:path'
import { loadEnv, type Plugin, type PreviewServer, type ViteDevServer } from 'vite'
import { createAppApi } from './api.ts'
import { compress } from './compression.ts'
import { readServerConfig } from './config.ts'
import { fetchMetadataPolicy } from './fetch-metadata.ts'
import { exposesKey } from './production-config.ts'
import { readReviewConfig } from './review/review-config.ts'
import { sameOriginWrites } from './same-origin-writes.ts'

/**
 * Mounts the Partner API proxy (or the demo API) and the review API on both `vite` and
 * `vite preview`.
 */
export function partnerApiPlugin(): Plugin {
  let mode = 'development'
  const mount = async (
    server: ViteDevServer | PreviewServer,
    host: string | boolean | undefined,
  ) => {
    // Added here, not in a returned hook, so it runs before Vite's own middleware (its
    // transforms, /__open-in-editor, the files) as well as the proxy.
    server.middlewares.use(fetchMetadataPolicy())
    // The dev server is as open to a form on another site as production would be.
    server.middlewares.use(sameOriginWrites())
    const env = loadEnv(mode, server.config.envDir || server.config.root, [
      'GENVIRAL_',
      'PACK_EXPLORER_',
      'DATABASE_URL',
    ])
    // Throws on a malformed setting: Vite then prints it and exits 1.
    const config = readServerConfig(env)
    // A relative PACK_EXPLORER_DATA_DIR is taken from the project root, as .env files are.
    const review = readReviewConfig(
      {
        ...env,
        PACK_EXPLORER_DATA_DIR: env.PACK_EXPLORER_DATA_DIR
          ? resolve(server.config.root, env.PACK_EXPLORER_DATA_DIR)
          : undefined,
      },
      resolve(server.config.root, '.data'),
    )
    refuseToExposeKey(listenAddress(host), config.token)
    const logger = server.config.logger
    const api = await createAppApi({
      partner: config,
      review,
      // A developer's own machine, on loopback (refuseToExposeKey): they may change packs.
      writeAccess: 'all',
      log: {
        partner: (line) => logger.info(`[partner-api] ${line}`, { timestamp: true }),
        review: (level, line) => logger[level](`[review-api] ${line}`, { timestamp: true }),
      },
    })
    // Vite compresses neither the dev server's answers nor plugin middleware's in preview.
    server.middlewares.use('/api', compress())
    server.middlewares.use(api.handle)
    server.httpServer?.once('close', () => void api.close())
  }
  return {
    name: 'pack-explorer:partner-api',
    configResolved(config) {
      mode = config.mode
    },
    configureServer: (server) => mount(server, server.config.server.host),
    configurePreviewServer: (server) => mount(server, server.config.preview.host),
  }
}

/** Vite's `host`: unset means localhost; `true` (a bare `--host`) means every address. */
function listenAddress(host: string | boolean | undefined): string {
  if (host === undefined || host === false) return 'localhost'
  return host === true ? '0.0.0.0' : host
}

/** Neither Vite server has access control: with a key, loopback only, as for `npm start`. */
function refuseToExposeKey(host: string, token: string | null): void {
  if (!exposesKey(host, token, false)) return
  throw new Error(
    `Refusing to listen on ${host} with GENVIRAL_API_TOKEN set and no access control: anyone ` +
      'who reaches this port could use the key. Drop --host (vite and vite preview listen on ' +
      'localhost), unset GENVIRAL_API_TOKEN for the demo data, or serve the build with ' +
      'npm start and PACK_EXPLORER_BASIC_AUTH.',
  )
}
