// Prints the gzip size of the JavaScript a route loads: the entry, the route's lazy module
// and everything they import statically. Run after `npm run build`:
//   npm run size [-- src/app/routes/pack-route.tsx]
import { DEFAULT_ROUTE, routeBundle } from './route-bundle.mjs'

const route = process.argv[2] ?? DEFAULT_ROUTE
const { files, total } = routeBundle('dist', route)
for (const { file, bytes } of files) {
  console.log(`${(bytes / 1024).toFixed(2).padStart(8)} KB  ${file}`)
}
console.log(`${(total / 1024).toFixed(2).padStart(8)} KB  total gzip for ${route}`)
