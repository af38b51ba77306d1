// Builds and serves the naive reference page (tools/bench/naive) with the app's plugins, its
// `@` aliases (tsconfig paths) and Partner API (the demo API when GENVIRAL_API_TOKEN is empty).
import { fileURLToPath } from 'node:url'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { partnerApiPlugin } from '../../../server/vite-plugin.ts'

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url))

export default defineConfig({
  root: path('.'),
  envDir: path('../../..'),
  publicDir: path('../../../public'),
  plugins: [react(), tailwindcss(), partnerApiPlugin()],
  resolve: { tsconfigPaths: true },
  logLevel: 'warn',
  cacheDir: path('../../../node_modules/.vite-bench-naive'),
  build: { outDir: path('../.out/naive'), emptyOutDir: true },
  preview: { host: '127.0.0.1', port: 5302, strictPort: true },
})
