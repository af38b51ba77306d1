import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'

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
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
    output += chunk.toString()
  })
  const exited = once(child, 'exit').then(([code]) => code as number | null)
  return { child, stdout: () => stdout, stderr: () => stderr, output: () => output, exited }
}

/** Spawns the server and waits until it listens (its "listening" log line). */
export async function startProductionServer(options: SpawnOptions): Promise<ProductionServer> {
  const server = spawnProductionServer({
    ...options,
    env: { HOST: '127.0.0.1', ...options.env },
  })
  const deadline = Date.now() + 15_000
  let line: string | undefined
  while (!(line = listeningLine(server.stdout()))) {
    const code = await Promise.race([
      server.exited,
      new Promise((resolve) => setTimeout(resolve, 50, 'running')),
    ])
    if (code !== 'running' || Date.now() > deadline) {
      server.child.kill()
      throw new Error(`The production server did not start:\n${server.output()}`)
    }
  }
  return {
    ...server,
    url: (JSON.parse(line) as { url: string }).url,
    stop: async () => {
      if (server.child.exitCode === null) server.child.kill('SIGKILL')
      await server.exited
    },
  }
}

function listeningLine(stdout: string): string | undefined {
  // Whole lines only: the last one may still be coming.
  return stdout
    .split('\n')
    .slice(0, -1)
    .find((text) => text.includes('"msg":"listening"'))
}
