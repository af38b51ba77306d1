import { fileURLToPath } from 'node:url'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { SECURITY_HEADERS } from './server/security-headers.ts'
import { partnerApiPlugin } from './server/vite-plugin.ts'

export default defineConfig({
  plugins: [react(), tailwindcss(), partnerApiPlugin()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  // Separate caches let the e2e suite run two dev servers side by side.
  cacheDir: process.env.PACK_EXPLORER_VITE_CACHE_DIR,
  server: { port: 5173, host: 'localhost' },
  // The dev server injects inline styles and scripts, so the CSP is for the built app only.
  preview: { port: 4173, host: 'localhost', headers: { ...SECURITY_HEADERS } },
  build: { sourcemap: true, manifest: true },
})
