// The JavaScript a route loads, read from a Vite build's manifest: the entry (index.html),
// the route's lazy module and everything they import statically, with the gzip size of each.
// Shared by `npm run size` (bundle-size.mjs) and `npm run bench`.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export const DEFAULT_ROUTE = 'src/app/routes/pack-route.tsx'

/** Gzip size (zlib level 9) of a file's bytes. */
export function gzipBytes(/** @type {Buffer | Uint8Array | string} */ data) {
  return gzipSync(data, { level: 9 }).length
}

/**
 * @param {string} distDir a Vite build's outDir, built with `build.manifest: true`
 * @param {string} route the route module's path as the manifest names it
 * @returns {{ files: { file: string, bytes: number }[], total: number }}
 */
export function routeBundle(distDir, route = DEFAULT_ROUTE) {
  /** @type {Record<string, { file: string, imports?: string[] }>} */
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8'))
  if (!manifest[route]) throw new Error(`${route} is not a chunk in ${distDir}/.vite/manifest.json`)

  const chunks = new Set()
  const visit = (/** @type {string} */ key) => {
    const chunk = manifest[key]
    if (!chunk || chunks.has(chunk.file)) return
    chunks.add(chunk.file)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  visit('index.html')
  visit(route)

  const files = [...chunks]
    .sort()
    .map((file) => ({ file, bytes: gzipBytes(readFileSync(join(distDir, file))) }))
  return { files, total: files.reduce((sum, { bytes }) => sum + bytes, 0) }
}
