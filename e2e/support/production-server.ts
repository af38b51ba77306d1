import { rm } from 'node:fs/promises'
import {
  spawnProductionServer as spawnServer,
  startProductionServer as startServer,
} from '../../server/test-kit/production-server.ts'
import { reviewDataDir } from '../../server/test-kit/review-data.ts'
import { PRODUCTION_DIST, PRODUCTION_SERVER_ENTRY } from './ports'

// Another `npm start` process serving the build the suite's production server serves, for
// settings that server does not have: a key, Basic auth, a signal to stop.
const build = { entry: PRODUCTION_SERVER_ENTRY, distDir: PRODUCTION_DIST }

export const spawnProductionServer = (env: Record<string, string>) => spawnServer({ ...build, env })

/** With review data of its own (a copy of an empty PGlite database), removed when it stops. */
export async function startProductionServer(env: Record<string, string> & { PORT: string }) {
  const dataDir = await reviewDataDir()
  const server = await startServer({ ...build, env: { PACK_EXPLORER_DATA_DIR: dataDir, ...env } })
  return {
    ...server,
    stop: async () => {
      await server.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
