// Prints the gzip size of the JavaScript a route loads: the entry, the route's lazy module
// and everything they import statically. Run after `npm run build`:
//   node scripts/bundle-size.mjs [src/app/routes/pack-route.tsx]
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const route = process.argv[2] ?? 'src/app/routes/pack-route.tsx'
const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8'))

const files = new Set()
const visit = (key) => {
  const chunk = manifest[key]
  if (!chunk || files.has(chunk.file)) return
  files.add(chunk.file)
  for (const imported of chunk.imports ?? []) visit(imported)
}
visit('index.html')
visit(route)
if (!manifest[route]) throw new Error(`${route} is not a chunk in dist/.vite/manifest.json`)

let total = 0
for (const file of [...files].sort()) {
  const bytes = gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length
  total += bytes
  console.log(`${(bytes / 1024).toFixed(2).padStart(8)} KB  ${file}`)
}
console.log(`${(total / 1024).toFixed(2).padStart(8)} KB  total gzip for ${route}`)
