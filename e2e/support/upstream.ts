import { randomUUID } from 'node:crypto'
import { TEST_UPSTREAM_URL } from './ports'
import type { RecordedRequest, ScriptedResponse } from './test-upstream'

/** Scripts the test upstream's answers for a fresh pack id and returns that id. */
export async function scriptPack(
  responses: ScriptedResponse[],
  packId = randomUUID(),
): Promise<string> {
  const response = await fetch(`${TEST_UPSTREAM_URL}/__control/packs/${packId}`, {
    method: 'PUT',
    body: JSON.stringify(responses),
  })
  if (!response.ok) throw new Error(`Scripting the test upstream failed: ${response.status}`)
  return packId
}

/**
 * Scripts the test upstream's List Packs answers for requests whose `search` is `search`
 * (use a fresh term per test: tests run side by side).
 */
export async function scriptList(search: string, responses: ScriptedResponse[]): Promise<void> {
  const response = await fetch(
    `${TEST_UPSTREAM_URL}/__control/list?search=${encodeURIComponent(search)}`,
    { method: 'PUT', body: JSON.stringify(responses) },
  )
  if (!response.ok) throw new Error(`Scripting the test upstream failed: ${response.status}`)
}

/** What the test upstream received, optionally only for paths containing `fragment`. */
export async function receivedRequests(fragment = ''): Promise<RecordedRequest[]> {
  const response = await fetch(`${TEST_UPSTREAM_URL}/__control/requests`)
  const all = (await response.json()) as RecordedRequest[]
  return all.filter((request) => request.url.includes(fragment))
}
