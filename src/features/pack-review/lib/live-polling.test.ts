import { describe, expect, it } from 'vitest'
import { createImage, createPack, pendingMetadata } from '@contract/partner-api/wire'
import { packSchema } from '@contract/partner-api/pack'
import { POLL_FIRST_MS, POLL_MAX_MS, nextPoll, type PollState } from './live-polling'

const generating = packSchema.parse(
  createPack({ images: [createImage({ metadata: pendingMetadata() })] }),
)
const done = packSchema.parse(createPack({ images: [createImage()] }))

describe('nextPoll', () => {
  it('polls every 5 s while images are generating, and never when none is', () => {
    expect(nextPoll(null, generating, 1)?.delay).toBe(POLL_FIRST_MS)
    expect(nextPoll(null, done, 1)).toBeNull()
    expect(nextPoll(null, undefined, 0)).toBeNull()
  })

  it('backs off ×1.5 after each unchanged poll, up to 60 s', () => {
    let state: PollState | null = null
    const delays: number[] = []
    for (let poll = 1; poll <= 12; poll++) {
      state = nextPoll(state, generating, poll)
      delays.push(state!.delay)
    }
    expect(delays.slice(0, 4)).toEqual([5000, 7500, 11250, 16875])
    expect(Math.max(...delays)).toBe(POLL_MAX_MS)
    expect(delays.at(-1)).toBe(POLL_MAX_MS)
  })

  it('resets to 5 s when a poll brings a change', () => {
    let state = nextPoll(null, generating, 1)
    state = nextPoll(state, generating, 2)
    expect(state?.delay).toBe(7500)
    const changed = packSchema.parse(
      createPack({ images: [createImage({ metadata: pendingMetadata() }), createImage()] }),
    )
    expect(nextPoll(state, changed, 3)?.delay).toBe(POLL_FIRST_MS)
  })

  it('does not back off twice for the same response', () => {
    const state = nextPoll(nextPoll(null, generating, 1), generating, 2)
    expect(nextPoll(state, generating, 2)).toBe(state)
  })
})
