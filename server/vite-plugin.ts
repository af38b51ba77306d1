import { loadEnv, type Plugin, type PreviewServer, type ViteDevServer } from 'vite'
import { compress } from './compression.ts'
import { readServerConfig } from './config.ts'
import { createPartnerApiMiddleware } from './partner-api.ts'

/** Mounts the Partner API proxy (or the demo API) on both `vite` and `vite preview`. */
export function partnerApiPlugin(): Plugin {
  let mode = 'development'
  const mount = async (server: ViteDevServer | PreviewServer) => {
    const env = loadEnv(mode, server.config.envDir || server.config.root, [
      'GENVIRAL_',
      'PACK_EXPLORER_',
    ])
    const logger = server.config.logger
    const api = await createPartnerApiMiddleware(readServerConfig(env), (line) =>
      logger.info(`[partner-api] ${line}`, { timestamp: true }),
    )
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
    configureServer: mount,
    configurePreviewServer: mount,
  }
}
