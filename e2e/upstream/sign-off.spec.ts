import { randomUUID } from 'node:crypto'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { okEnvelope } from '../../contract/partner-api/envelope'
import {
  createImage,
  createMetadata,
  createPack,
  failedMetadata,
  pendingMetadata,
  type WireImage,
} from '../../contract/partner-api/wire'
import { reviewPackHistoryPath, reviewPackPath } from '../../contract/review-api/paths'
import { scriptPack } from '../support/upstream'
import { nameReviewer } from '../support/reviewer'
import { sceneUrl } from '../support/workspace'

/**
 * The pack's sign-off and its QA report, through the real dev server, proxy and review
 * store. Every test has a pack of its own (the store is shared by tests running side by
 * side).
 */

const imageId = (n: number) => `0e000000-0000-4000-8000-${String(n).padStart(12, '0')}`

function images(count = 3): WireImage[] {
  return Array.from({ length: count }, (_, index) =>
    createImage({
      id: imageId(index + 1),
      url: sceneUrl(index),
      metadata: createMetadata({ description: `Scene number ${index + 1}`, keywords: ['scene'] }),
    }),
  )
}

async function scriptSignOffPack(list: WireImage[], packId = randomUUID()) {
  const pack = createPack({ id: packId, name: 'Sign-off Pack', images: list })
  await scriptPack([{ status: 200, body: okEnvelope(pack) }], packId)
  return packId
}

async function open(browser: Browser, packId: string, name: string, path = '') {
  const context = await browser.newContext()
  const page = await context.newPage()
  await nameReviewer(page, name)
  await page.goto(`/packs/${packId}${path}`)
  return { context, page }
}

const cardLink = (page: Page, n: number) =>
  page.getByRole('link', { name: `Open image #${n}`, exact: true })
const signOffButton = (page: Page) => page.getByRole('button', { name: 'Sign off pack' })

async function decide(page: Page, n: number, key: 'a' | 'x' | 'u', reason = '1') {
  await cardLink(page, n).focus()
  await page.keyboard.press(key)
  if (key !== 'x') return
  await expect(page.getByRole('dialog', { name: `Reject image #${n}` })).toBeVisible()
  await page.keyboard.press(reason)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog')).toHaveCount(0)
}

async function storedSignOff(page: Page, packId: string) {
  const response = await page.request.get(reviewPackPath(packId))
  return ((await response.json()) as { data: { sign_off: unknown } }).data.sign_off
}

test('sign-off: disabled with its reason, recorded and seen by a colleague, changed after a change, withdrawn', async ({
  browser,
}) => {
  const packId = await scriptSignOffPack(images())
  const dana = await open(browser, packId, 'Dana Reyes')
  const { page } = dana
  await expect(page.getByText('Reviewed 0 of 3')).toBeVisible()
  await expect(signOffButton(page)).toBeDisabled()
  await expect(signOffButton(page)).toHaveAccessibleDescription('3 images need review')
  await expect(page.getByText('3 images need review')).toBeVisible()

  await decide(page, 1, 'a')
  await decide(page, 2, 'a')
  await expect(page.getByText('1 image needs review')).toBeVisible()
  await expect(signOffButton(page)).toBeDisabled()
  await decide(page, 3, 'x')
  await expect(page.getByText('Reviewed 3 of 3')).toBeVisible()
  await expect(signOffButton(page)).toBeEnabled()
  await signOffButton(page).click()

  await expect(page.getByText('Signed off by Dana Reyes')).toBeVisible()
  await expect(signOffButton(page)).toHaveCount(0)
  const stored = (await storedSignOff(page, packId)) as {
    signed_at: string
    counts: unknown
  }
  expect(stored).toMatchObject({
    reviewer: 'Dana Reyes',
    counts: { total: 3, approved: 2, rejected: 1 },
  })
  await expect(
    page.getByText('Signed off by Dana Reyes').locator('..').locator('time'),
  ).toHaveAttribute('datetime', new Date(stored.signed_at).toISOString())

  // A colleague sees it on opening the pack, and changes a decision.
  const sam = await open(browser, packId, 'Sam Okafor')
  await expect(sam.page.getByText('Signed off by Dana Reyes')).toBeVisible()
  await expect(sam.page.getByText('Changed since sign-off')).toHaveCount(0)
  await decide(sam.page, 1, 'u')
  const samChanged = sam.page.getByText('Changed since sign-off')
  await expect(samChanged).toBeVisible()
  await expect(samChanged.locator('..')).toContainText('1 fewer approved, 1 needs review')
  // The first browser learns it from its poll.
  const changed = page.getByText('Changed since sign-off')
  await expect(changed).toBeVisible({ timeout: 10_000 })
  await expect(changed.locator('..')).toContainText('1 fewer approved, 1 needs review')
  // Not to be signed again until every image is decided again.
  await expect(signOffButton(page)).toHaveCount(0)

  await page.getByRole('button', { name: 'Withdraw sign-off' }).click()
  await expect(page.getByText('Signed off by Dana Reyes')).toHaveCount(0)
  await expect(page.getByText('Changed since sign-off')).toHaveCount(0)
  await expect(signOffButton(page)).toBeDisabled()
  await expect(signOffButton(page)).toHaveAccessibleDescription('1 image needs review')
  expect(await storedSignOff(page, packId)).toBeNull()
  await expect(sam.page.getByText('Signed off by Dana Reyes')).toHaveCount(0, { timeout: 10_000 })

  const history = await page.request.get(reviewPackHistoryPath(packId))
  const entries = ((await history.json()) as { data: { entries: unknown[] } }).data.entries
  expect(entries).toMatchObject([
    { action: 'withdrawn', counts: { total: 3, approved: 2, rejected: 1 } },
    {
      action: 'signed_off',
      reviewer: 'Dana Reyes',
      counts: { total: 3, approved: 2, rejected: 1 },
    },
  ])
  await dana.context.close()
  await sam.context.close()
})

test('a metadata change after the sign-off shows as Changed since sign-off', async ({
  browser,
}) => {
  const list = images()
  const packId = await scriptSignOffPack(list)
  const { page, context } = await open(browser, packId, 'Dana Reyes')
  for (const n of [1, 2, 3]) await decide(page, n, 'a')
  await expect(signOffButton(page)).toBeEnabled()
  await signOffButton(page).click()
  await expect(page.getByText('Signed off by Dana Reyes')).toBeVisible()

  list[1] = { ...list[1]!, metadata: createMetadata({ description: 'Rewritten', keywords: [] }) }
  await scriptSignOffPack(list, packId)
  await page.getByRole('button', { name: 'Refresh' }).click()
  const changed = page.getByText('Changed since sign-off')
  await expect(changed).toBeVisible()
  await expect(changed.locator('..')).toContainText('1 fewer approved, 1 needs review')
  await context.close()
})

test('a sign-off the server refuses (a decision cleared meanwhile) shows its message', async ({
  browser,
}) => {
  const packId = await scriptSignOffPack(images())
  const dana = await open(browser, packId, 'Dana Reyes')
  for (const n of [1, 2, 3]) await decide(dana.page, n, 'a')
  await expect(signOffButton(dana.page)).toBeEnabled()
  // This page hears nothing more from the store meanwhile, so it still shows all decided.
  const polls = (url: URL) =>
    url.pathname === reviewPackPath(packId) && url.searchParams.has('since')
  await dana.page.route(polls, (route) => route.abort())
  const sam = await open(browser, packId, 'Sam Okafor')
  await expect(sam.page.getByText('Reviewed 3 of 3')).toBeVisible()
  await decide(sam.page, 2, 'u')
  await expect(sam.page.getByText('Reviewed 2 of 3')).toBeVisible()
  await expect.poll(async () => (await storedSignOff(sam.page, packId)) === null).toBe(true)

  await signOffButton(dana.page).click()
  await expect(dana.page.getByRole('alert')).toHaveText('1 image needs review')
  await expect(dana.page.getByText(/^Signed off by/)).toHaveCount(0)
  await dana.page.unroute(polls)
  await expect(signOffButton(dana.page)).toHaveAccessibleDescription('1 image needs review', {
    timeout: 10_000,
  })
  await dana.context.close()
  await sam.context.close()
})

/** A pack with something in every section of the report. */
function reportImages(): WireImage[] {
  const at = (day: string) => `2026-02-${day}T10:00:00.000Z`
  return [
    createMetadata({ generated_at: at('17'), keywords: ['sun', 'beach'] }),
    createMetadata({ generated_at: at('17'), keywords: ['sun'] }),
    createMetadata({ generated_at: at('18'), keywords: ['sun', 'dog'] }),
    createMetadata({ generated_at: at('19'), keywords: ['dog'] }),
    failedMetadata('Download failed'),
    failedMetadata('Download failed'),
    failedMetadata('Model timeout'),
    pendingMetadata(),
  ].map((metadata, index) =>
    createImage({ id: imageId(index + 1), url: sceneUrl(index), metadata }),
  )
}

/** What the report must say, worked out from the pack as sent and the decisions made. */
function expectedReport(list: WireImage[], decisions: Record<number, 'approved' | 'rejected'>) {
  const count = (values: string[]) => {
    const counts = new Map<string, number>()
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
    return counts
  }
  const statusOf = (image: WireImage) =>
    image.metadata?.error ? 'Error' : image.metadata?.status === 'pending' ? 'Pending' : 'Completed'
  const statuses = count(list.map(statusOf))
  const keywords = [...count(list.flatMap((image) => image.metadata?.keywords ?? []))].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  )
  const days = [
    ...count(list.map((image) => image.metadata?.generated_at?.slice(0, 10) ?? 'No date')),
  ].sort(([a], [b]) => (a === 'No date' ? 1 : b === 'No date' ? -1 : a < b ? -1 : 1))
  const errors = [
    ...count(list.flatMap((image) => (image.metadata?.error ? [image.metadata.error] : []))),
  ].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const decided = Object.values(decisions)
  const approved = decided.filter((decision) => decision === 'approved').length
  return {
    statuses: ['Completed', 'Pending', 'Processing', 'Error', 'Unknown'].map((label) => [
      label,
      String(statuses.get(label) ?? 0),
    ]),
    reviews: [
      ['Approved', String(approved)],
      ['Rejected', String(decided.length - approved)],
      ['Unreviewed', String(list.length - decided.length)],
      ['Outdated', '0'],
    ],
    keywords: keywords.map(([word, n]) => [word, String(n)]),
    days: days.map(([day, n]) => [day, String(n)]),
    errors: errors.map(([message, n]) => [message, String(n)]),
  }
}

/** A report section's table, as text: one array per row. */
async function tableOf(page: Page, title: string) {
  const rows = page.getByRole('region', { name: title }).getByRole('row')
  return (await rows.evaluateAll((elements) =>
    elements
      .slice(1)
      .map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())),
  )) as string[][]
}

test('the QA report: the pack’s numbers, following the decisions, and printed without controls', async ({
  browser,
}) => {
  const list = reportImages()
  const packId = await scriptSignOffPack(list)
  const { page, context } = await open(browser, packId, 'Dana Reyes')
  await decide(page, 1, 'a')
  await decide(page, 2, 'x', '3')
  await expect(page.getByText('Reviewed 2 of 8')).toBeVisible()

  await page.getByRole('link', { name: 'QA report' }).click()
  await expect(page).toHaveURL(new RegExp(`/packs/${packId}/report$`))
  await expect(page.getByRole('heading', { level: 1, name: 'QA report' })).toBeVisible()
  await expect(page.getByText('Sign-off Pack', { exact: true })).toBeVisible()
  let expected = expectedReport(list, { 1: 'approved', 2: 'rejected' })
  await expect.poll(() => tableOf(page, 'Review progress')).toEqual(expected.reviews)
  expect(await tableOf(page, 'Metadata status')).toEqual(expected.statuses)
  expect(await tableOf(page, '20 most frequent keywords')).toEqual(expected.keywords)
  expect(await tableOf(page, 'Images by generation date')).toEqual(expected.days)
  expect(await tableOf(page, 'Errors by message')).toEqual(expected.errors)
  expect(await tableOf(page, 'Decisions by reason')).toContainEqual([
    'Wrong or missing keywords',
    '1',
  ])
  expect(await tableOf(page, 'Decisions by reviewer')).toEqual([['Dana Reyes', '1', '1', '2']])
  for (const title of ['Metadata status', 'Review progress', 'Errors by message']) {
    await expect(page.getByRole('region', { name: title }).getByRole('img')).toHaveAccessibleName(
      new RegExp(`^${title}: `),
    )
  }

  // A colleague's decision shows in the report within a poll, without a reload.
  const sam = await open(browser, packId, 'Sam Okafor')
  await decide(sam.page, 3, 'a')
  expected = expectedReport(list, { 1: 'approved', 2: 'rejected', 3: 'approved' })
  await expect
    .poll(() => tableOf(page, 'Review progress'), { timeout: 10_000 })
    .toEqual(expected.reviews)
  await expect
    .poll(() => tableOf(page, 'Decisions by reviewer'))
    .toEqual([
      ['Dana Reyes', '1', '1', '2'],
      ['Sam Okafor', '1', '0', '1'],
    ])

  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('heading', { level: 1, name: 'QA report' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden()
  await expect(page.getByRole('link', { name: 'Back to pack' })).toBeHidden()
  await expect(page.getByRole('link', { name: 'Pack Explorer' })).toBeHidden()
  for (const button of await page.getByRole('button').all()) await expect(button).toBeHidden()
  await expect(page.getByRole('region', { name: 'Review progress' }).getByRole('img')).toBeVisible()
  await context.close()
  await sam.context.close()
})
