import { describe, expect, it } from 'vitest'
import { isPackId, LIST_QUERY_PARAMS, PACKS_PATH, packPath } from './paths.ts'

const ID = '11111111-1111-1111-1111-111111111111'

describe('isPackId', () => {
  it('accepts only a whole UUID, in any case', () => {
    expect(isPackId(ID)).toBe(true)
    expect(isPackId(ID.toUpperCase())).toBe(true)
    expect(isPackId(`${ID}x`)).toBe(false)
    expect(isPackId(` ${ID}`)).toBe(false)
    expect(isPackId('not-a-pack')).toBe(false)
  })
})

describe('packPath', () => {
  it('is the Get Pack path under the List Packs path', () => {
    expect(PACKS_PATH).toBe('/api/partner/v1/packs')
    expect(packPath(ID)).toBe(`/api/partner/v1/packs/${ID}`)
  })

  it('encodes what it is given, so no input can leave the pack path', () => {
    expect(packPath('../../x?y#z')).toBe('/api/partner/v1/packs/..%2F..%2Fx%3Fy%23z')
  })
})

describe('LIST_QUERY_PARAMS', () => {
  it('are the documented List Packs parameters', () => {
    expect(LIST_QUERY_PARAMS).toEqual(['search', 'limit', 'offset', 'include_public'])
  })
})
