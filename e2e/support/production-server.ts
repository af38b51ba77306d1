import {
  spawnProductionServer as spawnServer,
  startProductionServer as startServer,
} from '../../server/test-kit/production-server.ts'
import { PRODUCTION_DIST, PRODUCTION_SERVER_ENTRY } from './ports'

// Another `npm start` process serving the build the suite's production server serves, for
// settings that server does not have: a key, Basic auth, a signal to stop.
const build = { entry: PRODUCTION_SERVER_ENTRY, distDir: PRODUCTION_DIST }

export const spawnProductionServer = (env: Record<string, string>) => spawnServer({ ...build, env })

export const startProductionServer = (env: Record<string, string> & { PORT: string }) =>
  startServer({ ...build, env })
