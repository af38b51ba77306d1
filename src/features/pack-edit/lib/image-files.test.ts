import { describe, expect, it } from 'vitest'
import { checkImageFile, formatBytes, MAX_UPLOAD_BYTES, uploadName } from './image-files'

const file = (name: string, type: string, size = 1000) => ({ name, type, size })

describe('checkImageFile', () => {
  it.each([
    ['a.jpg', 'image/jpeg', 'image/jpeg'],
    ['a.png', 'image/png', 'image/png'],
    ['a.gif', 'image/gif', 'image/gif'],
    ['a.webp', 'image/webp', 'image/webp'],
    ['a.heic', 'image/heic', 'image/heic'],
    ['a.heif', 'image/heif', 'image/heif'],
    ['a.png', 'IMAGE/PNG', 'image/png'],
  ])('takes %s typed %s as %s', (name, type, contentType) => {
    expect(checkImageFile(file(name, type))).toEqual({ ok: true, contentType, fileName: name })
  })

  it.each([
    ['IMG_0001.HEIC', 'image/heic'],
    ['photo.heif', 'image/heif'],
    ['scan.JPEG', 'image/jpeg'],
    ['old.jfif', 'image/jpeg'],
    ['a.webp', 'image/webp'],
  ])('goes by the extension when the system gave no type: %s is %s', (name, contentType) => {
    expect(checkImageFile(file(name, ''))).toMatchObject({ ok: true, contentType })
    expect(checkImageFile(file(name, 'application/octet-stream'))).toMatchObject({
      ok: true,
      contentType,
    })
  })

  it.each([
    file('logo.svg', 'image/svg+xml'),
    file('doc.pdf', 'application/pdf'),
    file('clip.mp4', 'video/mp4'),
    file('a.tiff', 'image/tiff'),
    file('notes', ''),
    // A named type is believed over the extension.
    file('fake.png', 'text/plain'),
  ])('refuses $name ($type) as not an image it takes', (given) => {
    expect(checkImageFile(given)).toEqual({
      ok: false,
      why: 'not a JPEG, PNG, GIF, WebP, HEIC or HEIF image',
    })
  })

  it('takes 25 MB and refuses a byte more, saying how large it is', () => {
    expect(checkImageFile(file('big.jpg', 'image/jpeg', MAX_UPLOAD_BYTES))).toMatchObject({
      ok: true,
    })
    expect(checkImageFile(file('huge.jpg', 'image/jpeg', 40 * 1024 * 1024))).toEqual({
      ok: false,
      why: 'larger than 25 MB (40.0 MB)',
    })
  })

  it('refuses an empty file', () => {
    expect(checkImageFile(file('a.png', 'image/png', 0))).toEqual({
      ok: false,
      why: 'the file is empty',
    })
  })
})

describe('uploadName', () => {
  it('keeps a name as it is, accents and all', () => {
    expect(uploadName('Zoë’s cat (1).png')).toBe('Zoë’s cat (1).png')
  })

  it('drops control characters and cuts a long name to 255, keeping the extension', () => {
    expect(uploadName(' a\u0000b\u001f.png ')).toBe('ab.png')
    const long = uploadName(`${'😀'.repeat(300)}.jpeg`)
    expect([...long]).toHaveLength(255)
    expect(long.endsWith('😀.jpeg')).toBe(true)
    expect(uploadName('\u0007')).toBe('image')
  })
})

describe('formatBytes', () => {
  it('says bytes, KB or MB', () => {
    expect([formatBytes(900), formatBytes(4096), formatBytes(3.45 * 1024 * 1024)]).toEqual([
      '900 B',
      '4 KB',
      '3.5 MB',
    ])
  })
})
