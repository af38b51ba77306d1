import { faultRulesSchema, type Faults } from './fake-faults.ts'
import type { RecordedRequest, ScriptedResponse } from './fake-upstream.ts'
import { imageMetadataSchema, workspacePackSchema, type Workspace } from './fake-workspace.ts'
import type { WirePack } from '../../contract/partner-api/wire.ts'

/** What the control routes read and change in one fake upstream. */
export interface ControlTarget {
  received: RecordedRequest[]
  scriptPack: (answers: ScriptedResponse[], packId: string) => void
  scriptList: (search: string, answers: ScriptedResponse[]) => void
  workspace: Workspace
  faults: Faults
}

/**
 * The status and JSON answer of a `/__control/*` request (404: no such route or thing). Throws
 * when the body is not JSON or not the route's shape, which the caller answers with 400.
 */
export function controlAnswer(
  target: ControlTarget,
  method: string,
  url: string,
  text: string,
): [number, unknown] {
  const { workspace } = target
  const json = () => JSON.parse(text) as unknown
  const pack = /^\/__control\/packs\/([^/?]+)$/.exec(url)
  const list = /^\/__control\/list\?search=([^&]*)$/.exec(url)
  const owned = /^\/__control\/workspace\/packs\/([^/?]+)$/.exec(url)
  const image = /^\/__control\/workspace\/packs\/([^/?]+)\/images\/([^/?]+)$/.exec(url)
  if (url === '/__control/requests') return [200, target.received]
  if (pack && method === 'PUT') target.scriptPack(json() as ScriptedResponse[], pack[1]!)
  else if (list && method === 'PUT') {
    target.scriptList(decodeURIComponent(list[1]!), json() as ScriptedResponse[])
  } else if (owned && method === 'PUT') {
    workspace.put(decodeURIComponent(owned[1]!), workspacePackSchema.parse(json()) as WirePack)
  } else if (owned && method === 'GET') {
    const found = workspace.get(decodeURIComponent(owned[1]!))
    return found ? [200, found] : [404, null]
  } else if (image && method === 'PUT') {
    const { metadata } = imageMetadataSchema.parse(json())
    const [packId, imageId] = [image[1]!, image[2]!].map(decodeURIComponent) as [string, string]
    if (!workspace.setMetadata(packId, imageId, metadata)) return [404, null]
  } else if (url === '/__control/faults' && method === 'PUT') {
    target.faults.add(faultRulesSchema.parse(json()))
  } else return [404, null]
  return [200, { ok: true }]
}
