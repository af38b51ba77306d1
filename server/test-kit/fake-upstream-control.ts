import { randomUUID } from 'node:crypto'
import type { WireMetadata, WirePack } from '../../contract/partner-api/wire.ts'
import type { FaultRule } from './fake-faults.ts'
import type { RecordedRequest, ScriptedResponse } from './fake-upstream.ts'

/** Scripts a fake upstream running in another process (the e2e suite's) over HTTP. */
export function fakeUpstreamControl(upstreamUrl: string) {
  async function put(path: string, body: unknown): Promise<void> {
    const response = await fetch(`${upstreamUrl}/__control/${path}`, {
      method: 'PUT',
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`Scripting the test upstream failed: ${response.status}`)
  }
  return {
    /** Scripts the answers for a fresh pack id (or `packId`) and returns that id. */
    async scriptPack(answers: ScriptedResponse[], packId = randomUUID()): Promise<string> {
      await put(`packs/${packId}`, answers)
      return packId
    },
    /** Scripts List Packs answers for `search` (use a fresh term per test: tests run side by side). */
    async scriptList(search: string, answers: ScriptedResponse[]): Promise<void> {
      await put(`list?search=${encodeURIComponent(search)}`, answers)
    },
    /** What the upstream received, optionally only for paths containing `fragment`. */
    async receivedRequests(fragment = ''): Promise<RecordedRequest[]> {
      const response = await fetch(`${upstreamUrl}/__control/requests`)
      const all = (await response.json()) as RecordedRequest[]
      return all.filter((request) => request.url.includes(fragment))
    },
    /**
     * Gives the upstream `pack` to own: Get Pack serves it as it now is and the writes change it.
     * Returns its id (`pack.id`; use a fresh one per test: tests run side by side).
     */
    async workspacePack(pack: WirePack): Promise<string> {
      await put(`workspace/packs/${encodeURIComponent(pack.id)}`, pack)
      return pack.id
    },
    /** Replaces the metadata of a workspace pack's image (added images stay pending until then). */
    async setImageMetadata(packId: string, imageId: string, metadata: WireMetadata): Promise<void> {
      const path = `workspace/packs/${encodeURIComponent(packId)}/images/${encodeURIComponent(imageId)}`
      await put(path, { metadata })
    },
    /** Adds fault rules; make `pathIncludes`/`bodyIncludes` unique to the test (pack ids, URLs). */
    async addFaults(rules: FaultRule[]): Promise<void> {
      await put('faults', rules)
    },
    /** A workspace pack as Get Pack would show it now, or null when the upstream has none. */
    async workspaceState(packId: string): Promise<WirePack | null> {
      const response = await fetch(
        `${upstreamUrl}/__control/workspace/packs/${encodeURIComponent(packId)}`,
      )
      if (response.status === 404) return null
      if (!response.ok) throw new Error(`Reading the test upstream failed: ${response.status}`)
      return (await response.json()) as WirePack
    },
  }
}
