import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { delay, http, HttpResponse } from 'msw'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { packPath } from '@contract/partner-api/paths'
import { fakeUuid } from '@contract/partner-api/wire'
import { stubDialogMethods } from '@/testing/dialog'
import { server, setupMsw } from '@/testing/msw'
import { uploadPath } from '@/features/pack-edit/api/pack-writes'
import { AddImagesDialog } from './add-images-dialog'

beforeAll(stubDialogMethods)
setupMsw()

const PACK = fakeUuid(1, 'aaaaaaaa')
const user = () => userEvent.setup({ applyAccept: false })

/** A Partner API and upload relay that add what they are sent; each call kept. */
function api({ failUrls = new Set<string>(), failFiles = new Set<string>() } = {}) {
  const urls: string[] = []
  const files: string[] = []
  let next = 100
  const added = () =>
    HttpResponse.json(
      { ok: true, code: 201, message: 'Pack image added', data: { id: fakeUuid(next++) } },
      { status: 201 },
    )
  server.use(
    http.post(`*${packPath(PACK)}/images`, async ({ request }) => {
      const { image_url: url } = (await request.json()) as { image_url: string }
      urls.push(url)
      if (failUrls.has(url)) {
        failUrls.delete(url)
        return HttpResponse.json(
          { ok: false, code: 500, message: 'Could not fetch it', error_code: 'add_failed' },
          { status: 500 },
        )
      }
      return added()
    }),
    http.post(`*${uploadPath(PACK)}`, ({ request }) => {
      const name = decodeURIComponent(request.headers.get('x-file-name') ?? '')
      files.push(name)
      if (failFiles.has(name)) {
        failFiles.delete(name)
        return HttpResponse.json(
          {
            ok: false,
            code: 502,
            message: 'The file was not uploaded: the upload URL answered 500.',
            error_code: 'upload_failed',
          },
          { status: 502 },
        )
      }
      return added()
    }),
  )
  return { urls, files }
}

function renderDialog() {
  const props = {
    packId: PACK,
    packName: 'Summer',
    asWriter: vi.fn((go: (by: { reviewer: string | null }) => void) => go({ reviewer: 'Dana' })),
    onImagesAdded: vi.fn(),
    onClose: vi.fn(),
  }
  render(<AddImagesDialog {...props} />)
  return props
}

const png = (name: string, size = 2048) =>
  new File([new Uint8Array(size)], name, { type: 'image/png' })
const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!
const urlField = () => screen.getByRole('textbox', { name: 'Image URLs' })

describe('AddImagesDialog', () => {
  it('opens on the Image URLs field, and says what to do when nothing is given', async () => {
    renderDialog()
    expect(screen.getByRole('dialog', { name: 'Add images to Summer' })).toBeInTheDocument()
    expect(urlField()).toHaveFocus()
    expect(screen.getByRole('button', { name: 'Choose files' })).toBeInTheDocument()
    expect(fileInput()).toHaveAttribute('accept', expect.stringContaining('image/heic'))
    expect(fileInput()).toHaveAttribute('multiple')
    await user().click(screen.getByRole('button', { name: 'Add images' }))
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Paste image URLs or choose image files first.',
    )
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument()
  })

  it('counts the URLs as they are typed and lists each refused line with why', async () => {
    renderDialog()
    await user().type(
      urlField(),
      'https://cdn.example/a.jpg{Enter}cdn.example/b.jpg{Enter}{Enter}http://cdn.example/c.png',
    )
    expect(screen.getByText('2 URLs will be added.')).toBeInTheDocument()
    const refused = screen.getByRole('list', { name: 'Lines not sent' })
    expect(
      within(refused)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Line 2: cdn.example/b.jpg — not an absolute http: or https: URL'])
    expect(urlField()).toHaveAccessibleDescription(/1 line will not be sent/)
    expect(screen.getByRole('button', { name: 'Add 2 images' })).toBeInTheDocument()
  })

  it('refuses to send more than 500 URLs until they are trimmed', async () => {
    const calls = api()
    renderDialog()
    const lines = Array.from({ length: 502 }, (_, i) => `https://cdn.example/${i}.jpg`)
    await user().click(urlField())
    await user().paste(lines.join('\n'))
    expect(urlField()).toBeInvalid()
    expect(
      screen.getByText('502 URLs: at most 500 at a time. Remove 2 lines to add them.'),
    ).toBeInTheDocument()
    await user().click(screen.getByRole('button', { name: 'Add 502 images' }))
    expect(screen.getByRole('alert')).toHaveTextContent('At most 500 URLs at a time')
    expect(calls.urls).toEqual([])
  })

  it('lists chosen files, and refuses other types and files over 25 MB with why', async () => {
    renderDialog()
    const huge = png('huge.png')
    Object.defineProperty(huge, 'size', { value: 26 * 1024 * 1024 })
    await user().upload(fileInput(), [
      png('cat.png'),
      new File(['%PDF'], 'brief.pdf', { type: 'application/pdf' }),
      huge,
      new File([new Uint8Array(10)], 'IMG_0001.HEIC', { type: '' }),
    ])
    const chosen = screen.getByRole('list', { name: 'Files to upload' })
    expect(
      within(chosen)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['cat.png2 KB', 'IMG_0001.HEIC10 B'])
    const refused = screen.getByRole('list', { name: 'Files not sent' })
    expect(
      within(refused)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'brief.pdf — not a JPEG, PNG, GIF, WebP, HEIC or HEIF image',
      'huge.png — larger than 25 MB (26.0 MB)',
    ])
    await user().click(screen.getByRole('button', { name: 'Remove cat.png' }))
    expect(screen.getByRole('button', { name: 'Add 1 image' })).toBeInTheDocument()
  })

  it('adds the URLs in order and uploads the files, then shows each outcome', async () => {
    const calls = api({
      failUrls: new Set(['https://cdn.example/b.jpg']),
      failFiles: new Set(['dog.png']),
    })
    const props = renderDialog()
    const u = user()
    await u.type(
      urlField(),
      'https://cdn.example/a.jpg{Enter}nope{Enter}https://cdn.example/b.jpg{Enter}https://cdn.example/a.jpg',
    )
    await u.upload(fileInput(), [png('cat.png'), png('dog.png')])
    await u.click(screen.getByRole('button', { name: 'Add 4 images' }))
    expect(props.asWriter).toHaveBeenCalledOnce()

    const rows = screen.getByRole('list', { name: 'Images being added' })
    await waitFor(() => expect(screen.getByRole('button', { name: 'Done' })).toBeInTheDocument())
    expect(calls.urls).toEqual(['https://cdn.example/a.jpg', 'https://cdn.example/b.jpg'])
    expect([...calls.files].sort()).toEqual(['cat.png', 'dog.png'])
    const row = (name: string) =>
      within(rows)
        .getAllByRole('listitem')
        .find((item) => item.textContent?.includes(name))!
    expect(row('a.jpg')).toHaveTextContent('Added')
    expect(row('b.jpg')).toHaveTextContent('Failed: The Genviral API could not make the change')
    expect(row('cat.png')).toHaveTextContent('Added')
    expect(within(row('cat.png')).getByRole('progressbar', { name: 'cat.png' })).toHaveValue(2048)
    expect(row('dog.png')).toHaveTextContent('the upload URL answered 500')
    expect(within(row('dog.png')).queryByRole('progressbar')).toBeNull()
    expect(screen.getByText('1 of 2 files added, 1 failed')).toBeInTheDocument()
    expect(screen.getByText('1 of 2 URLs added, 1 failed')).toBeInTheDocument()
    expect(screen.getByRole('progressbar', { name: 'All files' })).toHaveValue(2048)
    expect(props.onImagesAdded).toHaveBeenCalledOnce()
    // What was sent left the field, and the repeat with it; the refused line stays.
    expect(urlField()).toHaveValue('nope')
    // The same URL again would be a second image: refused, its row has Retry.
    await u.type(urlField(), '{Enter}https://cdn.example/b.jpg')
    expect(screen.getByRole('list', { name: 'Lines not sent' })).toHaveTextContent(
      'Line 2: https://cdn.example/b.jpg — already in the list below',
    )
    await u.clear(urlField())

    await u.click(within(row('dog.png')).getByRole('button', { name: 'Retry' }))
    await u.click(within(row('b.jpg')).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(screen.getByText('2 of 2 files added')).toBeInTheDocument())
    await waitFor(() => expect(screen.getByText('2 of 2 URLs added')).toBeInTheDocument())
    expect(within(rows).queryByRole('button', { name: 'Retry' })).toBeNull()
    // Once more after each retry, as each settled on its own.
    expect(props.onImagesAdded).toHaveBeenCalledTimes(3)
    await u.click(screen.getByRole('button', { name: 'Done' }))
    expect(props.onClose).toHaveBeenCalledOnce()
  })

  it('asks before closing while images are on their way', async () => {
    api()
    server.use(
      http.post(`*${packPath(PACK)}/images`, async () => {
        await delay('infinite')
        return HttpResponse.json({})
      }),
    )
    const props = renderDialog()
    const u = user()
    await u.type(urlField(), 'https://cdn.example/a.jpg')
    await u.click(screen.getByRole('button', { name: 'Add 1 image' }))
    expect(await screen.findByText('Adding to the pack…')).toBeInTheDocument()
    await u.click(screen.getByRole('button', { name: 'Close' }))
    const asking = screen.getByRole('alert')
    expect(asking).toHaveTextContent('1 image is still being added. Stop and close?')
    expect(within(asking).getByRole('button', { name: 'Keep adding' })).toHaveFocus()
    await u.click(within(asking).getByRole('button', { name: 'Keep adding' }))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(props.onClose).not.toHaveBeenCalled()
    await u.click(screen.getByRole('button', { name: 'Close' }))
    await u.click(screen.getByRole('button', { name: 'Stop and close' }))
    expect(props.onClose).toHaveBeenCalledOnce()
    expect(props.onImagesAdded).toHaveBeenCalledOnce()
  })
})
