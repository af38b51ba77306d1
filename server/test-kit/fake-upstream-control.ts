import { randomUUID } from 'node:crypto'
import type { RecordedRequest, ScriptedResponse } from './fake-upstream.ts'

/** Scripts a fake upstream running in another process (the e2e suite's) over HTTP. */
export function fakeUpstreamControl(upstreamUrl: string) {
  async function put(path: string, answers: ScriptedResponse[]): Promise<void> {
    const response = await fetch(`${upstreamUrl}/__control/${path}`, {
      method: 'PUT',
      body: JSON.stringify(answers),
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
  }
}
