import { fakeUpstreamControl } from '../../server/test-kit/fake-upstream-control.ts'
import { TEST_UPSTREAM_URL } from './ports'

/** The suite's fake upstream (started by e2e/global-setup.ts), scripted over HTTP. */
export const { scriptPack, scriptList, receivedRequests } = fakeUpstreamControl(TEST_UPSTREAM_URL)
