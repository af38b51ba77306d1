// `npm run user:add -- <name>`: adds a Basic-auth user to PACK_EXPLORER_USERS_FILE, or gives
// an existing one a new password. npm compiles the server first (tsconfig.server.json) and
// runs this file's JavaScript, dist-server/server/user-add.js, which also runs on its own.
import { randomBytes } from 'node:crypto'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { hashPassword } from './password-hash.ts'
import { MIN_PASSWORD_LENGTH } from './production-config.ts'
import { parseUsersFile, userNameProblem, withUser } from './users-file.ts'

function fail(message: string, code = 1): never {
  process.stderr.write(`user:add: ${message}\n`)
  process.exit(code)
}

/** Two passwords: typed twice at a terminal, unseen; otherwise the first two lines of stdin. */
async function readPasswords(): Promise<[string, string]> {
  if (process.stdin.isTTY) {
    const first = await askHidden('Password: ')
    return [first, await askHidden('Again: ')]
  }
  let text = ''
  for await (const chunk of process.stdin) text += String(chunk)
  const [first = '', second = ''] = text.split(/\r?\n/)
  return [first, second]
}

/** One line from the terminal in raw mode, so nothing typed is echoed. */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin
  process.stderr.write(prompt)
  stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  stdin.resume()
  return new Promise((done) => {
    let typed = ''
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\u0003') {
          stdin.setRawMode(false)
          process.stderr.write('\n')
          process.exit(130)
        }
        if (char === '\r' || char === '\n') {
          stdin.off('data', onData)
          stdin.setRawMode(false)
          stdin.pause()
          process.stderr.write('\n')
          return done(typed)
        }
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('')
        else if (char >= ' ') typed += char
      }
    }
    stdin.on('data', onData)
  })
}

async function existing(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args.length !== 1) fail('usage: npm run user:add -- <name>', 2)
  const name = args[0]!
  const problem = userNameProblem(name)
  if (problem) fail(`${problem}.`, 2)
  const setting = process.env.PACK_EXPLORER_USERS_FILE?.trim()
  if (!setting) {
    fail('set PACK_EXPLORER_USERS_FILE to the users file (it is created if missing).', 2)
  }
  const path = resolve(setting)

  // Before asking anything: a file it could not read back must not be overwritten.
  const before = await existing(path)
  let known = false
  try {
    if (before !== null) known = parseUsersFile(before, path).users.has(name)
  } catch (error) {
    fail(`${(error as Error).message} Fix that line first; nothing was changed.`)
  }

  const [password, again] = await readPasswords()
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    fail(`the password must be at least ${MIN_PASSWORD_LENGTH} characters; nothing was changed.`)
  }
  if (password !== again) fail('the two passwords differ; nothing was changed.')

  const text = withUser(before ?? '', name, await hashPassword(password))
  // A new file beside it, then renamed over it: never half written, and never readable by
  // others, even for a moment.
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}`)
  try {
    await writeFile(temporary, text, { mode: 0o600, flag: 'wx' })
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    fail(`cannot write ${path}: ${(error as Error).message}`)
  }
  process.stdout.write(
    known ? `Replaced ${name}'s password in ${path}\n` : `Added ${name} to ${path}\n`,
  )
}

await main()
