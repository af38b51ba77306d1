import { startFakeUpstream } from '../server/test-kit/fake-upstream.ts'
import { TEST_API_TOKEN, TEST_UPSTREAM_PORT } from './support/ports'

export default async function globalSetup() {
  const upstream = await startFakeUpstream({ token: TEST_API_TOKEN, port: TEST_UPSTREAM_PORT })
  return () => upstream.close()
}
