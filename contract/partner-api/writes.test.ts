import { describe, expect, it } from 'vitest'
import {
  addImageBodySchema,
  createPackBodySchema,
  fileNameOf,
  isHttpUrl,
  updatePackBodySchema,
} from './writes.ts'

describe('the write bodies', () => {
  it('trims a pack name and counts its characters, not UTF-16 units', () => {
    expect(createPackBodySchema.parse({ name: '  Summer  ', x: 1 })).toEqual({ name: 'Summer' })
    expect(createPackBodySchema.safeParse({ name: '😀'.repeat(120) }).success).toBe(true)
    expect(createPackBodySchema.safeParse({ name: '😀'.repeat(121) }).success).toBe(false)
    expect(createPackBodySchema.safeParse({ name: ' \t ' }).success).toBe(false)
  })

  it('needs a name or is_public to update, and drops everything else', () => {
    expect(updatePackBodySchema.safeParse({}).success).toBe(false)
    expect(updatePackBodySchema.parse({ is_public: true, images: [] })).toEqual({ is_public: true })
  })

  it.each([
    ['https://cdn.example/a.jpg', true],
    ['HTTP://cdn.example/a.jpg', true],
    ['http://127.0.0.1:8080/a', true],
    ['/a.jpg', false],
    ['//cdn.example/a.jpg', false],
    ['javascript:alert(1)', false],
    ['data:image/png;base64,AAAA', false],
    ['ftp://cdn.example/a.jpg', false],
    [' https://cdn.example/a.jpg', false],
    ['https://', false],
  ])('takes %s as an image URL: %s', (url, ok) => {
    expect(isHttpUrl(url)).toBe(ok)
    expect(addImageBodySchema.safeParse({ image_url: url }).success).toBe(ok)
  })
})

describe('fileNameOf', () => {
  it.each([
    ['https://cdn.example/shots/img%201.jpg?size=large#x', 'img 1.jpg'],
    ['https://cdn.example/shots/', 'image'],
    ['https://cdn.example', 'image'],
    ['https://cdn.example/%E0%A4%A', '%E0%A4%A'],
    ['not a url', 'image'],
    [`https://cdn.example/${'a'.repeat(300)}.jpg`, 'a'.repeat(255)],
  ])('%s is named %s', (url, name) => {
    expect(fileNameOf(url)).toBe(name)
  })
})
