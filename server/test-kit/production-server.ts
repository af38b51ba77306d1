import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { promisify } from 'node:util'

export interface SpawnOptions {
  /** The compiled entry, e.g. `<outDir>/server/start.js` (tsconfig.server.json). */
  entry: string
  /** The app's build it serves (PACK_EXPLORER_DIST_DIR). */
  distDir: string
  env?: Record<string, string>
  cwd?: string
  /**
   * The environment under `env`. By default this process's, without the app's own
   * settings (GENVIRAL_*, PACK_EXPLORER_*): only what the test gives counts.
   */
  baseEnv?: Record<string, string | undefined>
  /** Called with each whole line the server writes to stdout, as it comes. */
  onStdoutLine?: (line: string) => void
  /**
   * false: stdout is not kept (stdout() is empty and output() has stderr only), for a server
   * under load, whose access log has a line per request; read it with onStdoutLine instead.
   */
  keepStdout?: boolean
}

export interface SpawnedServer {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  /** stdout and stderr as they came, interleaved. */
  output: () => string
  /** The exit code, once it exited. */
  exited: Promise<number | null>
}

export interface ProductionServer extends SpawnedServer {
  /** From its "listening" log line. */
  url: string
  stop: () => Promise<void>
}

/** Runs `npm start`'s compiled entry in a child process: real signals, real exit codes. */
export function spawnProductionServer(options: SpawnOptions): SpawnedServer {
  const base =
    options.baseEnv ??
    Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !name.startsWith('GENVIRAL_') && !name.startsWith('PACK_EXPLORER_'),
      ),
    )
  const child = spawn(process.execPath, [options.entry], {
    cwd: options.cwd,
    env: { ...base, PACK_EXPLORER_DIST_DIR: options.distDir, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  let output = ''
  if (options.keepStdout !== false) {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      output += chunk.toString()
    })
  }
  const { onStdoutLine } = options
  if (onStdoutLine && child.stdout) {
    createInterface({ input: child.stdout }).on('line', onStdoutLine)
  }
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
    output += chunk.toString()
  })
  const exited = once(child, 'exit').then(([code]) => code as number | null)
  return { child, stdout: () => stdout, stderr: () => stderr, output: () => output, exited }
}

/** Spawns the server and waits until it listens (its "listening" log line). */
export async function startProductionServer(options: SpawnOptions): Promise<ProductionServer> {
  let listened: (url: string) => void = () => {}
  const listening = new Promise<string>((resolve) => (listened = resolve))
  const server = spawnProductionServer({
    ...options,
    env: { HOST: '127.0.0.1', ...options.env },
    onStdoutLine: (line) => {
      options.onStdoutLine?.(line)
      if (line.includes('"msg":"listening"')) listened((JSON.parse(line) as { url: string }).url)
    },
  })
  let timer: NodeJS.Timeout | undefined
  const url = await Promise.race([
    listening,
    server.exited.then(() => null),
    new Promise<null>((resolve) => (timer = setTimeout(resolve, 15_000, null))),
  ])
  clearTimeout(timer)
  if (url === null) {
    server.child.kill()
    throw new Error(`The production server did not start:\n${server.output()}`)
  }
  return {
    ...server,
    url,
    stop: async () => {
      if (server.child.exitCode === null) server.child.kill('SIGKILL')
      await server.exited
    },
  }
}

export interface CompiledServer {
  /** `npm start`'s entry, compiled: `<outDir>/server/start.js`. */
  entry: string
  outDir: string
  remove: () => Promise<void>
}

/**
 * Compiles the server the way `npm run build` does (tsconfig.server.json), into a fresh
 * folder under the project's node_modules/.tmp, so the compiled files resolve express & co.
 * from the project's node_modules.
 */
export async function compileProductionServer(root: string): Promise<CompiledServer> {
  await mkdir(join(root, 'node_modules/.tmp'), { recursive: true })
  const outDir = await mkdtemp(join(root, 'node_modules/.tmp/server-'))
  const tsc = join(root, 'node_modules/typescript/bin/tsc')
  await promisify(execFile)(
    process.execPath,
    [tsc, '-p', 'tsconfig.server.json', '--outDir', outDir],
    { cwd: root },
  )
  // Under node_modules/ the project's package.json does not count: say the files are ESM here.
  await writeFile(join(outDir, 'package.json'), '{ "type": "module" }\n')
  return {
    entry: join(outDir, 'server/start.js'),
    outDir,
    remove: () => rm(outDir, { recursive: true, force: true }),
  }
}
