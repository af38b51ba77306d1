import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { PRODUCTION_DIST, PRODUCTION_SERVER_ENTRY } from './ports'

export interface ProductionServer {
  url: string
  child: ChildProcess
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string
  /** The exit code, once it exited. */
  exited: Promise<number | null>
  stop: () => Promise<void>
}

/**
 * Starts another `npm start` process (the build the suite's production server serves), for
 * settings that server does not have: a key, Basic auth, a signal to stop.
 */
export function spawnProductionServer(env: Record<string, string>): {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
} {
  // Nothing of this machine's own settings for the app: only what the test gives.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('GENVIRAL_') && !name.startsWith('PACK_EXPLORER_'),
    ),
  )
  const child = spawn(process.execPath, [PRODUCTION_SERVER_ENTRY], {
    env: { ...inherited, PACK_EXPLORER_DIST_DIR: PRODUCTION_DIST, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = once(child, 'exit').then(([code]) => code as number | null)
  return { child, output: () => output, exited }
}

/** Spawns the server and waits until it listens (its "listening" log line). */
export async function startProductionServer(
  env: Record<string, string> & { PORT: string },
): Promise<ProductionServer> {
  const server = spawnProductionServer({ HOST: '127.0.0.1', ...env })
  const deadline = Date.now() + 15_000
  while (!server.output().includes('"msg":"listening"')) {
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
    url: `http://127.0.0.1:${env.PORT}`,
    stop: async () => {
      if (server.child.exitCode === null) server.child.kill('SIGKILL')
      await server.exited
    },
  }
}
