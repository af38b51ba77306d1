import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startProductionServer, type ProductionServer } from './test-kit/production-server.ts'
import { rawRequest } from './test-kit/request.ts'

// `npm run user:add` as someone runs it on a fresh checkout: npm compiles the server
// (tsconfig.server.json, into dist-server/) and runs the emitted JavaScript; then `npm start`
// from that same output takes the file it wrote.
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SCRIPT = join(ROOT, 'dist-server/server/user-add.js')
const START = join(ROOT, 'dist-server/server/start.js')
const PASSWORD = 'a long enough password'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

let dir: string
let distDir: string
/** The first user, added by `npm run user:add` itself (which also compiles the scripts). */
let firstFile: string
let first: Run
const servers: ProductionServer[] = []

/** Runs `command` with the password lines on stdin (not a terminal). */
async function run(command: string[], file: string | null, stdin: string): Promise<Run> {
  const env: Record<string, string | undefined> = { ...process.env }
  for (const name of Object.keys(env)) if (name.startsWith('PACK_EXPLORER_')) delete env[name]
  if (file !== null) env.PACK_EXPLORER_USERS_FILE = file
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env, stdio: 'pipe' })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)))
  child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)))
  // A refusal before it reads stdin closes the pipe: not this test's failure.
  child.stdin.on('error', () => {})
  child.stdin.end(stdin)
  const [code] = (await once(child, 'exit')) as [number | null]
  return { code, stdout, stderr }
}
const userAdd = (name: string, file: string | null, stdin: string) =>
  run([process.execPath, SCRIPT, name], file, stdin)

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pack-explorer-user-add-'))
  distDir = await mkdtemp(join(tmpdir(), 'pack-explorer-user-add-dist-'))
  await writeFile(join(distDir, 'index.html'), '<!doctype html><div id="root"></div>\n')
  firstFile = join(dir, 'users')
  const twice = `${PASSWORD}\n${PASSWORD}\n`
  first = await run(['npm', 'run', '--silent', 'user:add', '--', 'alice'], firstFile, twice)
}, 120_000)

afterAll(async () => {
  for (const server of servers) await server.stop()
  if (dir) await rm(dir, { recursive: true, force: true })
  if (distDir) await rm(distDir, { recursive: true, force: true })
})

describe('npm run user:add', () => {
  it('adds a user from stdin to a new 0600 file, which npm start then lets in', async () => {
    const file = firstFile
    const added = first
    expect(added.code, added.stderr).toBe(0)
    expect(added.stdout).toBe(`Added alice to ${file}\n`)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    const text = await readFile(file, 'utf8')
    expect(text).toMatch(/^alice:\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+\n$/)
    expect(text).not.toContain(PASSWORD)

    const server = await startProductionServer({
      entry: START,
      distDir,
      cwd: ROOT,
      env: { PORT: '0', PACK_EXPLORER_USERS_FILE: file },
    })
    servers.push(server)
    const config = await rawRequest(server.url, '/app-config.json', {
      headers: { authorization: basic('alice', PASSWORD) },
    })
    expect(config.status).toBe(200)
    expect(JSON.parse(config.text)).toMatchObject({ user: 'alice' })
    const wrong = await rawRequest(server.url, '/', {
      headers: { authorization: basic('alice', `${PASSWORD}!`) },
    })
    expect(wrong.status).toBe(401)
    expect(server.output()).not.toContain(PASSWORD)
  }, 30_000)

  it('replaces a user’s password in place, keeping the rest of the file', async () => {
    const file = join(dir, 'users-replace')
    await writeFile(file, '# reviewers\n')
    expect((await userAdd('alice', file, `${PASSWORD}\n${PASSWORD}\n`)).code).toBe(0)
    expect((await userAdd('bob', file, `${PASSWORD}\n${PASSWORD}\n`)).code).toBe(0)
    const before = await readFile(file, 'utf8')
    const replaced = await userAdd('alice', file, 'another long password\nanother long password\n')
    expect(replaced.stdout).toBe(`Replaced alice's password in ${file}\n`)
    const after = await readFile(file, 'utf8')
    const lines = after.trimEnd().split('\n')
    expect(lines.map((line) => line.split(':')[0])).toEqual(['# reviewers', 'alice', 'bob'])
    expect(lines[1]).not.toBe(before.split('\n')[1])
    expect(lines[2]).toBe(before.split('\n')[2])
    expect((await stat(file)).mode & 0o777).toBe(0o600)
  }, 30_000)

  it.each([
    [
      'a password under 12 characters',
      'alice',
      'elevenchars\nelevenchars\n',
      1,
      'the password must be at least 12 characters; nothing was changed.',
    ],
    [
      'two passwords that differ',
      'alice',
      `${PASSWORD}\n${PASSWORD}.\n`,
      1,
      'the two passwords differ; nothing was changed.',
    ],
    [
      'the password only once',
      'alice',
      `${PASSWORD}\n`,
      1,
      'the two passwords differ; nothing was changed.',
    ],
    [
      'a name with a colon',
      'al:ice',
      `${PASSWORD}\n${PASSWORD}\n`,
      2,
      'a user name cannot hold a colon.',
    ],
  ])('refuses %s, changing nothing', async (_what, name, stdin, code, message) => {
    const file = join(dir, `users-${code}-${name.length}-${stdin.length}`)
    await writeFile(file, '# nobody yet\n', { mode: 0o600 })
    const refused = await userAdd(name, file, stdin)
    expect(refused.code).toBe(code)
    expect(refused.stderr).toBe(`user:add: ${message}\n`)
    expect(await readFile(file, 'utf8')).toBe('# nobody yet\n')
  })

  it('refuses without PACK_EXPLORER_USERS_FILE, or without a name', async () => {
    const unset = await userAdd('alice', null, `${PASSWORD}\n${PASSWORD}\n`)
    expect(unset.code).toBe(2)
    expect(unset.stderr).toContain('set PACK_EXPLORER_USERS_FILE')
    const usage = await run([process.execPath, SCRIPT], join(dir, 'x'), '')
    expect(usage.code).toBe(2)
    expect(usage.stderr).toBe('user:add: usage: npm run user:add -- <name>\n')
  })

  it('leaves a file it cannot read back as it was, naming the line', async () => {
    const file = join(dir, 'users-broken')
    await writeFile(file, 'alice:$scrypt$not-a-hash\n')
    const refused = await userAdd('bob', file, `${PASSWORD}\n${PASSWORD}\n`)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(`${file}, line 1: the hash is not`)
    expect(refused.stderr).not.toContain('not-a-hash')
    expect(await readFile(file, 'utf8')).toBe('alice:$scrypt$not-a-hash\n')
  })
})
