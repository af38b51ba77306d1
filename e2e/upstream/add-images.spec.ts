import { createHash, randomBytes, randomUUID } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { addFaults, receivedRequests, workspaceState } from '../support/upstream'
import { demoImageUrl, workspaceImage, writablePack } from '../support/workspace'
import { nameReviewer } from '../support/reviewer'

/**
 * Add images on the pack page, through the real dev server (its proxy and upload relay) to
 * the test upstream's writable packs: URLs with refused lines that are never sent, files
 * uploaded with their progress, and a failed upload that keeps its row until Retry.
 */

const demoImage = (name: string) => demoImageUrl(`${name}.svg`)

const writableSummerShoot = () => writablePack([workspaceImage(demoImage('dog-park'))])

async function openAddImages(page: Page, packId: string) {
  await nameReviewer(page, 'Dana')
  await page.goto(`/packs/${packId}`)
  await expect(page.getByRole('list', { name: 'Pack details' })).toContainText('1 image')
  await page.getByRole('button', { name: 'Add images' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add images to Summer Shoot' })
  await expect(dialog.getByLabel('Image URLs')).toBeFocused()
  return dialog
}

/** Chooses files through `Choose files`, as a person does (the system's file chooser). */
async function chooseFiles(
  page: Page,
  dialog: Locator,
  files: { name: string; mimeType: string; buffer: Buffer }[],
) {
  const chooser = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: 'Choose files' }).click()
  await (await chooser).setFiles(files)
}

const row = (dialog: Locator, name: string) =>
  dialog.getByRole('list', { name: 'Images being added' }).getByRole('listitem').filter({
    hasText: name,
  })

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  expect(results.violations.map((violation) => violation.id)).toEqual([])
}

test('Add images by URL: refused lines are shown and never sent; the new images join the gallery', async ({
  page,
}) => {
  const packId = await writableSummerShoot()
  const dialog = await openAddImages(page, packId)
  const first = demoImage('cat-windowsill')
  const second = demoImage('beach-yoga')
  await dialog
    .getByLabel('Image URLs')
    .fill([first, 'www.example.com/photo.jpg', '', second, 'ftp://files.example/a.png'].join('\n'))
  await expect(dialog.getByText('2 URLs will be added.')).toBeVisible()
  await expect(
    dialog.getByRole('list', { name: 'Lines not sent' }).getByRole('listitem'),
  ).toHaveText([
    'Line 2: www.example.com/photo.jpg — not an absolute http: or https: URL',
    'Line 5: ftp://files.example/a.png — not an absolute http: or https: URL',
  ])
  await expectNoViolations(page)

  await dialog.getByRole('button', { name: 'Add 2 images' }).click()
  await expect(row(dialog, first)).toContainText('Added')
  await expect(row(dialog, second)).toContainText('Added')
  await expect(dialog.getByText('2 of 2 URLs added')).toBeVisible()
  // The refused lines stay in the field, to be put right; what was sent left it.
  await expect(dialog.getByLabel('Image URLs')).toHaveValue(
    'www.example.com/photo.jpg\nftp://files.example/a.png',
  )

  // Sent in the order given; the refused lines never reached the API.
  const adds = (await receivedRequests(packId)).filter(
    (request) => request.method === 'POST' && request.url.endsWith('/images'),
  )
  expect(adds.map((request) => JSON.parse(request.body!).image_url)).toEqual([first, second])
  expect((await workspaceState(packId))?.images.map((image) => image.url)).toEqual([
    demoImage('dog-park'),
    first,
    second,
  ])

  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('list', { name: 'Pack details' })).toContainText('3 images')
  await expect(page.locator('[data-image-id]')).toHaveCount(3)
})

test('Upload two files: each bar and the batch bar fill as the bytes go, and the pack gains both', async ({
  page,
}) => {
  const packId = await writableSummerShoot()
  const dialog = await openAddImages(page, packId)
  const tag = randomUUID().slice(0, 8)
  const files = [
    { name: `beach ${tag}.png`, mimeType: 'image/png', buffer: randomBytes(600 * 1024) },
    { name: `Zoë ${tag}.heic`, mimeType: '', buffer: randomBytes(300 * 1024) },
  ]
  await chooseFiles(page, dialog, [
    ...files,
    { name: `notes ${tag}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') },
  ])
  await expect(
    dialog.getByRole('list', { name: 'Files to upload' }).getByRole('listitem'),
  ).toHaveCount(2)
  await expect(dialog.getByRole('list', { name: 'Files not sent' })).toHaveText(
    new RegExp(`notes ${tag}\\.pdf — not a JPEG, PNG, GIF, WebP, HEIC or HEIF image`),
  )

  // A slow link (DevTools' throttling), so that the bars are seen part way.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 400 * 1024,
  })
  await dialog.getByRole('button', { name: 'Add 2 images' }).click()
  await expect(dialog.getByText('Uploading files: 0 of 2 added')).toBeVisible()
  const firstBar = row(dialog, files[0]!.name).getByRole('progressbar', { name: files[0]!.name })
  await expect(row(dialog, files[0]!.name)).toContainText(/Sending [1-9]\d?%/)
  const partWay = await firstBar.evaluate((bar: HTMLProgressElement) => bar.value / bar.max)
  expect(partWay).toBeGreaterThan(0)
  expect(partWay).toBeLessThan(1)
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  })
  for (const file of files) {
    await expect(row(dialog, file.name)).toContainText('Added')
    const bar = row(dialog, file.name).getByRole('progressbar', { name: file.name })
    await expect(bar).toHaveJSProperty('max', file.buffer.length)
    await expect(bar).toHaveJSProperty('value', file.buffer.length)
  }
  const all = dialog.getByRole('progressbar', { name: 'All files' })
  const total = files[0]!.buffer.length + files[1]!.buffer.length
  await expect(all).toHaveJSProperty('max', total)
  await expect(all).toHaveJSProperty('value', total)
  await expect(dialog.getByText('2 of 2 files added')).toBeVisible()

  // Each file's bytes went to the upload URL as they were, under its own type; both are in.
  const puts = (await receivedRequests('/__uploads/')).filter((request) => request.method === 'PUT')
  const sha = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex')
  for (const [file, type] of [
    [files[0]!, 'image/png'],
    [files[1]!, 'image/heic'],
  ] as const) {
    expect(puts).toContainEqual(
      expect.objectContaining({
        sha256: sha(file.buffer),
        headers: expect.objectContaining({ 'content-type': type }),
      }),
    )
  }
  const images = (await workspaceState(packId))!.images
  expect(images).toHaveLength(3)
  expect(images.slice(1).every((image) => image.url?.includes('/__uploads/'))).toBe(true)
  expect(
    (await receivedRequests('/api/partner/v1/files')).map((request) => JSON.parse(request.body!)),
  ).toEqual(
    expect.arrayContaining([
      { contentType: 'image/png', filename: files[0]!.name },
      { contentType: 'image/heic', filename: files[1]!.name },
    ]),
  )

  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(page.getByRole('list', { name: 'Pack details' })).toContainText('3 images')
})

test('a failed upload keeps its row with the reason and Retry, which then adds it', async ({
  page,
}) => {
  const packId = await writableSummerShoot()
  const dialog = await openAddImages(page, packId)
  const tag = randomUUID().slice(0, 8)
  const failing = `storm ${tag}.jpg`
  const fine = `sun ${tag}.jpg`
  await addFaults([
    {
      method: 'POST',
      pathIncludes: '/api/partner/v1/files',
      bodyIncludes: failing,
      answer: {
        status: 500,
        body: { ok: false, code: 500, message: 'Storage is down', error_code: 'upload_url_failed' },
      },
    },
  ])
  await chooseFiles(page, dialog, [
    { name: failing, mimeType: 'image/jpeg', buffer: randomBytes(100 * 1024) },
    { name: fine, mimeType: 'image/jpeg', buffer: randomBytes(100 * 1024) },
  ])
  await dialog.getByRole('button', { name: 'Add 2 images' }).click()

  await expect(row(dialog, fine)).toContainText('Added')
  const failed = row(dialog, failing)
  await expect(failed).toContainText(
    'Failed: The Genviral API could not make the change (Storage is down). Try again.',
  )
  await expect(failed.getByRole('progressbar')).toHaveCount(0)
  await expect(dialog.getByText('1 of 2 files added, 1 failed')).toBeVisible()
  expect((await workspaceState(packId))!.images).toHaveLength(2)
  // The pack behind is read again with what was added, the dialog still open on the failure.
  await expect(page.getByRole('list', { name: 'Pack details' })).toContainText('2 images')
  await expectNoViolations(page)

  await failed.getByRole('button', { name: 'Retry' }).click()
  await expect(failed).toContainText('Added')
  await expect(failed.getByRole('button', { name: 'Retry' })).toHaveCount(0)
  await expect(dialog.getByText('2 of 2 files added')).toBeVisible()
  expect((await workspaceState(packId))!.images).toHaveLength(3)
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(page.getByRole('list', { name: 'Pack details' })).toContainText('3 images')
})
