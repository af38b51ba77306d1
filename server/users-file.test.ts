import { describe, expect, it } from 'vitest'
import { parseUsersFile, userNameProblem, withUser } from './users-file.ts'

const HASH_A = '$scrypt$ln=4,r=8,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA'
const HASH_B = '$scrypt$ln=4,r=8,p=1$b3RoZXJzYWx0eHg$b3RoZXJoYXNob3RoZXJoYXNo'

describe('the users file', () => {
  it('adds a user at the end, keeping comments and the others as they were', () => {
    const before = `# Pack Explorer reviewers\n\nalice:${HASH_A}\n`
    const after = withUser(before, 'bob', HASH_B)
    expect(after).toBe(`# Pack Explorer reviewers\n\nalice:${HASH_A}\nbob:${HASH_B}\n`)
    expect([...parseUsersFile(after, 'users').users.keys()]).toEqual(['alice', 'bob'])
  })

  it('replaces a user’s line in place, and only that user’s', () => {
    const before = `alice:${HASH_A}\nalicia:${HASH_A}\n# alice:old\n`
    expect(withUser(before, 'alice', HASH_B)).toBe(
      `alice:${HASH_B}\nalicia:${HASH_A}\n# alice:old\n`,
    )
  })

  it('starts a new file with the one line', () => {
    expect(withUser('', 'alice', HASH_A)).toBe(`alice:${HASH_A}\n`)
  })

  it.each([
    ['alice', null],
    ['dana.reyes@example.com', null],
    ['Sam Okafor', null],
    ['', 'the user name is empty'],
    ['a:b', 'a user name cannot hold a colon'],
    ['tab\there', 'a user name cannot hold control characters'],
    [' alice', 'a user name cannot start or end with a space'],
    ['x'.repeat(101), 'a user name is at most 100 characters'],
  ])('takes %j as a user name, or says why not', (name, problem) => {
    expect(userNameProblem(name)).toBe(problem)
  })
})
