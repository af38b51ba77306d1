import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { minify } from 'rolldown/experimental'
import { defineConfig, type Plugin } from 'vite'
import { SECURITY_HEADERS } from './server/security-headers.ts'
import { partnerApiPlugin } from './server/vite-plugin.ts'

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    partnerApiPlugin(),
    minifyPublicScripts(['early-pack-request.js']),
  ],
  // The `@` and `@contract` aliases come from tsconfig.app.json's paths.
  resolve: { tsconfigPaths: true },
  // Separate caches let the e2e suite run two dev servers side by side.
  cacheDir: process.env.PACK_EXPLORER_VITE_CACHE_DIR,
  // No CORS: Vite's default lets any page on localhost (another dev server, a local tool)
  // read the answers of the proxy that holds the key. The app only asks its own origin.
  // .data/ is the review store's (PGlite writes there on every decision): not source to watch.
  server: { port: 5173, host: 'localhost', cors: false, watch: { ignored: ['**/.data/**'] } },
  // The dev server injects inline styles and scripts, so the CSP is for the built app only.
  preview: { port: 4173, host: 'localhost', cors: false, headers: { ...SECURITY_HEADERS } },
  build: { sourcemap: true, manifest: true },
})

/**
 * Vite copies public/ as it is: these scripts are minified in the build (every byte of the
 * early request's script is on the pack page's path). The dev server serves them as written.
 */
function minifyPublicScripts(names: string[]): Plugin {
  let outDir = 'dist'
  return {
    name: 'pack-explorer:minify-public-scripts',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    async closeBundle() {
      for (const name of names) {
        const file = join(outDir, name)
        const { code } = await minify(name, await readFile(file, 'utf8'))
        await writeFile(file, code)
      }
    },
  }
}
