import { randomUUID } from 'node:crypto'
import {
  createImage,
  createMetadata,
  createPack,
  type WireImage,
} from '../../contract/partner-api/wire'
import { UPSTREAM_APP_PORT } from './ports'
import { workspacePack } from './upstream'

/** A file of the demo art, as the app under test serves it (a real image to show). */
export const demoImageUrl = (file: string) =>
  `http://localhost:${UPSTREAM_APP_PORT}/demo-images/${file}`

const SCENES = ['dog-park', 'beach-yoga', 'reading-nook', 'sunflower-field', 'cat-windowsill']

/** The n-th of five demo scenes, round and round: neighbouring tiles look different. */
export const sceneUrl = (n: number) => demoImageUrl(`${SCENES[n % SCENES.length]}.svg`)

/** An image with a fresh ID and completed metadata, unless told otherwise. */
export const workspaceImage = (url: string, overrides: Partial<WireImage> = {}) =>
  createImage({ id: randomUUID(), url, metadata: createMetadata(), ...overrides })

/**
 * A private pack the test upstream owns (its writes change it), with a fresh ID: tests run
 * side by side against one upstream. Returns its ID.
 */
export function writablePack(images: WireImage[], name = 'Summer Shoot'): Promise<string> {
  return workspacePack(createPack({ id: randomUUID(), name, is_public: false, images }))
}
