// The floor for the pack page's JavaScript: a page that imports the app's runtime libraries
// exactly the way the app does, and has no app code of its own. It is generated from the app's
// module graph, so it cannot drift from the app:
// - for the entry (index.html) and for every module the app loads with `import()` (its
//   routes, dialogs and the export), the floor has one module;
// - each of those imports, from the same packages, the same names that the app's source files
//   in that part of the graph import (`z.member(...)` calls for the `z` namespace), and keeps
//   them alive; the entry loads the others with `import()` as the app does.
// Its "pack route JS" is then measured like the app's: the entry chunk, the chunk of the pack
// route's counterpart and their static imports (tools/size/route-bundle.mjs).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import react from '@vitejs/plugin-react'
import { build } from 'vite'
import { routeBundle } from '../size/route-bundle.mjs'

const IMPORT = /import\s+(?:type\s+)?(\{[^}]*\}|\*\s+as\s+\w+|\w+)\s+from\s+'([^']+)'/g

/**
 * Builds the app with a plugin that records, for the entry and each dynamic import, the
 * source files reachable from it by static imports.
 * @param {string} root the app's root
 * @param {string} outDir where the app's build goes
 */
async function appGraph(root, outDir) {
  /** @type {Map<string, string[]>} */
  const parts = new Map()
  let main = ''
  await build({
    root,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
    plugins: [
      {
        name: 'bench-record-graph',
        generateBundle() {
          const entries = [...this.getModuleIds()].filter((id) => {
            const info = this.getModuleInfo(id)
            return info?.isEntry || (info?.dynamicImporters.length ?? 0) > 0
          })
          for (const entry of entries) {
            const seen = new Set([entry])
            for (const id of seen) {
              for (const imported of this.getModuleInfo(id)?.importedIds ?? []) seen.add(imported)
            }
            parts.set(
              entry,
              [...seen].filter((id) => id.startsWith(join(root, 'src/'))),
            )
            if (this.getModuleInfo(entry)?.isEntry) main = entry
          }
        },
      },
    ],
  })
  return { parts, main }
}

/**
 * The names each package is imported with in `files`.
 * @param {string[]} files
 * @param {string[]} packages runtime dependencies
 */
function libraryImports(files, packages) {
  /** @type {Map<string, Set<string>>} */
  const byPackage = new Map()
  for (const file of files) {
    const source = readFileSync(file, 'utf8')
    for (const [statement, clause = '', specifier = ''] of source.matchAll(IMPORT)) {
      if (/^import\s+type\b/.test(statement)) continue
      if (!packages.some((name) => specifier === name || specifier.startsWith(`${name}/`))) continue
      const names = byPackage.get(specifier) ?? new Set()
      byPackage.set(specifier, names)
      const named = clause.startsWith('{')
        ? clause
            .slice(1, -1)
            .split(',')
            .map((part) => part.trim())
            .filter((part) => part && !part.startsWith('type '))
            .map((part) => part.split(/\s+as\s+/)[0])
        : [clause.replace(/^\*\s+as\s+/, '')]
      for (const name of named) {
        if (!name) continue
        if (name === 'z') {
          // A namespace object: the bundler keeps only the members the code calls.
          for (const [, member] of source.matchAll(/\bz\.(\w+)\(/g)) names.add(`z.${member}`)
        } else {
          names.add(name)
        }
      }
    }
  }
  return byPackage
}

/** One floor module: its imports, and every imported name kept alive. */
function floorModule(/** @type {Map<string, Set<string>>} */ imports, /** @type {string} */ tail) {
  const lines = []
  const kept = []
  for (const [specifier, names] of imports) {
    const bindings = [...new Set([...names].map((name) => name.split('.')[0]))]
    lines.push(`import { ${bindings.join(', ')} } from '${specifier}'`)
    kept.push(...names)
  }
  return `${lines.join('\n')}\nexport const kept = [${kept.join(', ')}]\n${tail}`
}

/**
 * Builds the app (with its own config) into `appOutDir`, then generates, builds and measures
 * the floor in `floorDir`, which must sit where the app's packages resolve (the root's
 * node_modules, not tools/node_modules).
 * @param {{ root: string, appOutDir: string, floorDir: string, packRoute?: string }} options
 */
export async function buildAppAndFloor({
  root,
  appOutDir,
  floorDir,
  packRoute = 'src/app/routes/pack-route.tsx',
}) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const packages = Object.keys(pkg.dependencies)
  const { parts, main: entry } = await appGraph(root, appOutDir)

  const source = join(floorDir, 'src')
  rmSync(source, { recursive: true, force: true })
  mkdirSync(source, { recursive: true })
  const lazy = [...parts.keys()].filter((id) => id !== entry)
  const nameOf = (/** @type {string} */ id) =>
    relative(join(root, 'src'), id).replace(/[/.]/g, '_') + '.jsx'

  for (const id of lazy) {
    writeFileSync(
      join(source, nameOf(id)),
      floorModule(libraryImports(parts.get(id) ?? [], packages), ''),
    )
  }
  const loaders = lazy.map((id) => `  () => import('./${nameOf(id)}'),`).join('\n')
  writeFileSync(
    join(source, 'main.jsx'),
    floorModule(
      libraryImports(parts.get(entry) ?? [], packages),
      `export const pages = [\n${loaders}\n]\n` +
        `window.floor = [kept, pages]\ncreateRoot(document.getElementById('root')).render(<p>floor</p>)\n`,
    ),
  )
  writeFileSync(
    join(source, 'index.html'),
    '<!doctype html>\n<div id="root"></div>\n<script type="module" src="./main.jsx"></script>\n',
  )
  const floorDist = join(floorDir, 'dist')
  await build({
    root: source,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: floorDist, emptyOutDir: true, manifest: true },
  })
  const floorRoute = `${nameOf(join(root, packRoute))}`
  return {
    floor: routeBundle(floorDist, floorRoute),
    app: routeBundle(appOutDir, packRoute),
    source,
  }
}
