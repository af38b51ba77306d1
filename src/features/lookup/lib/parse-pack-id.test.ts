import { describe, expect, it } from 'vitest'
import { extractPackId } from './parse-pack-id'

const ID = '11111111-1111-1111-1111-111111111111'

describe('extractPackId', () => {
  it.each([
    [ID, ID],
    [`  ${ID}\n`, ID],
    [ID.toUpperCase(), ID],
    [`http://localhost:5173/packs/${ID}`, ID],
    [`https://www.genviral.io/api/partner/v1/packs/${ID}?x=1`, ID],
    [`Can you check pack ${ID} please?`, ID],
    [`/packs/${ID}/images/22222222-2222-2222-2222-222222222222`, ID],
  ])('finds the id in %j', (input, expected) => {
    expect(extractPackId(input)).toBe(expected)
  })

  it.each(['', 'motivation pack', '1111-2222', 'packs/123', '11111111-1111-1111-1111-11111111111'])(
    'finds nothing in %j',
    (input) => {
      expect(extractPackId(input)).toBeNull()
    },
  )
})
