import {
  createMetadata,
  failedMetadata,
  pendingMetadata,
  type WireMetadata,
} from '../../contract/partner-api/wire.ts'
import { demoScenes, type DemoScene } from './scenes.ts'

/**
 * How the demo API's AI metadata for an added image arrives, as the real API's does
 * (PARTNER-API.md): `pending` at first, `processing` from PROCESSING_AFTER_MS after it was
 * added, and `completed` (or `failed`) from SETTLED_AFTER_MS. It is worked out from the time
 * the image was added whenever the pack is read, so no timer runs.
 */
export const PROCESSING_AFTER_MS = 1_500
export const SETTLED_AFTER_MS = 4_000

export const DEMO_FAILURE_MESSAGE =
  'Image could not be downloaded (demo: its file name contains "fail").'

/**
 * Whether the demo fails an image's metadata: exactly when the last segment of its URL's
 * path contains "fail", in any case (`.../fail.png`, `.../will-FAIL-1.jpg`). Nothing else
 * fails, so tests can tell in advance.
 */
export function failsInDemo(url: string): boolean {
  return lastSegment(url).toLowerCase().includes('fail')
}

/** The metadata of an image added at `addedAt`, as it stands at `now`. */
export function metadataAt(url: string, addedAt: number, now: number): WireMetadata {
  const age = now - addedAt
  if (age < PROCESSING_AFTER_MS) return pendingMetadata()
  if (age < SETTLED_AFTER_MS) return pendingMetadata({ status: 'processing' })
  if (failsInDemo(url)) return failedMetadata(DEMO_FAILURE_MESSAGE)
  const scene = sceneFor(url)
  return createMetadata({
    description: scene.description,
    keywords: scene.keywords,
    model: 'gpt-4.1-nano',
    generated_at: new Date(addedAt + SETTLED_AFTER_MS).toISOString(),
  })
}

export function isSettled(addedAt: number, now: number): boolean {
  return now - addedAt >= SETTLED_AFTER_MS
}

/**
 * The scene whose words describe the image: the demo's own picture when the URL names one of
 * its files, otherwise one picked by the URL, the same one every time.
 */
function sceneFor(url: string): DemoScene {
  const file = lastSegment(url)
  const own = demoScenes.find((scene) => scene.file === file)
  if (own) return own
  let hash = 0
  for (const char of url) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return demoScenes[hash % demoScenes.length]!
}

function lastSegment(url: string): string {
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    path = url.split(/[?#]/)[0] ?? ''
  }
  const segment = path.slice(path.lastIndexOf('/') + 1)
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
