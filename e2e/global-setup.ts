import { createTestUpstream } from './support/test-upstream'
import { TEST_UPSTREAM_PORT } from './support/ports'

export default async function globalSetup() {
  const server = createTestUpstream()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(TEST_UPSTREAM_PORT, '127.0.0.1', resolve)
  })
  return () => new Promise<void>((resolve) => server.close(() => resolve()))
}
