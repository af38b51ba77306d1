import { fakeUpstreamControl } from '../../server/test-kit/fake-upstream-control.ts'
import { TEST_UPSTREAM_URL } from './ports'

/**
 * The suite's fake upstream (started by e2e/global-setup.ts), scripted over HTTP: read-only
 * packs and lists (scripted answers), writable packs (the workspace), faults, and what it got.
 */
export const {
  scriptPack,
  scriptList,
  receivedRequests,
  workspacePack,
  setImageMetadata,
  addFaults,
  workspaceState,
} = fakeUpstreamControl(TEST_UPSTREAM_URL)
