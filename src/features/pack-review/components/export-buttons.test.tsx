import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { parse } from 'papaparse'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { captureDownloads, readBlobText } from '@/testing/downloads'
import { createImage, createMetadata } from '@contract/partner-api/wire'
import { renderWithProviders } from '@/testing/render'
import { packImageSchema } from '@contract/partner-api/pack'
import { reviewImage, type ReviewedImage } from '@/features/pack-review/lib/qa-flags'
import { ExportButtons } from './export-buttons'

const PACK = { id: '11111111-1111-1111-1111-111111111111', name: 'Café Été, vol. 2' }

const BROKEN_URL = 'https://cdn.example/broken.jpg'

function itemOf(position: number, description: string, url: string): ReviewedImage {
  const image = packImageSchema.parse(
    createImage({ id: `img-${position}`, url, metadata: createMetadata({ description }) }),
  )
  return reviewImage(image, position - 1, new Map([[url, 2]]))
}

const ITEMS = [
  itemOf(2, 'Second, with "quotes"', 'https://cdn.example/2.jpg'),
  itemOf(1, '=cmd', BROKEN_URL),
]
const NONE_BROKEN = new Set<string>()

describe('ExportButtons', () => {
  beforeEach(() => {
    // Only Date: user-event and jsdom's FileReader need real timers.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(2026, 2, 9, 10, 0))
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('downloads the images as CSV, in the order given, with their flags', async () => {
    const { downloads } = captureDownloads()
    renderWithProviders(
      <ExportButtons items={ITEMS} brokenUrls={new Set([BROKEN_URL])} pack={PACK} />,
    )

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }))

    await waitFor(() => expect(downloads).toHaveLength(1))
    const [download] = downloads
    expect(download?.fileName).toBe('cafe-ete-vol-2-2026-03-09.csv')
    const text = await readBlobText(download!.blob)
    expect(text.startsWith('\uFEFFid,position,url,status,description,')).toBe(true)
    const records = parse<string[]>(text.slice(1)).data
    expect(records.map((record) => [record[0], record[1], record[4], record[9]])).toEqual([
      ['id', 'position', 'description', 'flags'],
      ['img-2', '2', 'Second, with "quotes"', 'duplicate'],
      ['img-1', '1', "'=cmd", 'broken; duplicate'],
    ])
  })

  it('names what it exports when told: Export selection', async () => {
    const { downloads } = captureDownloads()
    renderWithProviders(
      <ExportButtons items={ITEMS} brokenUrls={NONE_BROKEN} pack={PACK} label="Export selection" />,
    )
    expect(screen.getByRole('group', { name: 'Export selection' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Export selection CSV' })).toHaveAttribute(
      'title',
      'Export selection: 2 images',
    )
    await userEvent.click(screen.getByRole('button', { name: 'Export selection JSON' }))
    await waitFor(() => expect(downloads).toHaveLength(1))
    expect(downloads[0]?.fileName).toBe('cafe-ete-vol-2-2026-03-09.json')
  })

  it('exports each image’s review', async () => {
    const { downloads } = captureDownloads()
    const reviewOf = (item: ReviewedImage) =>
      item === ITEMS[1]
        ? {
            state: 'rejected' as const,
            decision: {
              reasons: ['unsafe', 'other'],
              note: '@SUM(A1)',
              reviewer: 'Dana Reyes',
              decided_at: '2026-03-09T09:00:00.000Z',
            },
          }
        : { state: 'unreviewed' as const, decision: null }
    renderWithProviders(
      <ExportButtons items={ITEMS} brokenUrls={NONE_BROKEN} pack={PACK} reviewOf={reviewOf} />,
    )

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }))

    await waitFor(() => expect(downloads).toHaveLength(1))
    const records = parse<string[]>((await readBlobText(downloads[0]!.blob)).slice(1)).data
    expect(records.map((record) => record.slice(10))).toEqual([
      ['review', 'review_reasons', 'review_note', 'reviewed_by', 'reviewed_at'],
      ['unreviewed', '', '', '', ''],
      ['rejected', 'unsafe; other', "'@SUM(A1)", 'Dana Reyes', '2026-03-09T09:00:00.000Z'],
    ])
  })

  it('downloads the images as JSON', async () => {
    const { downloads } = captureDownloads()
    renderWithProviders(<ExportButtons items={ITEMS} brokenUrls={NONE_BROKEN} pack={PACK} />)

    await userEvent.click(screen.getByRole('button', { name: 'Export JSON' }))

    await waitFor(() => expect(downloads).toHaveLength(1))
    const [download] = downloads
    expect(download?.fileName).toBe('cafe-ete-vol-2-2026-03-09.json')
    expect(JSON.parse(await readBlobText(download!.blob))).toMatchObject({
      pack: PACK,
      count: 2,
      images: [
        { id: 'img-2', position: 2 },
        { id: 'img-1', position: 1, description: '=cmd' },
      ],
    })
  })

  it('builds nothing until a button is clicked', () => {
    const { createObjectURL } = captureDownloads()
    renderWithProviders(<ExportButtons items={ITEMS} brokenUrls={NONE_BROKEN} pack={PACK} />)
    expect(createObjectURL).not.toHaveBeenCalled()
  })

  it('is disabled when there is nothing to export', () => {
    renderWithProviders(<ExportButtons items={[]} brokenUrls={NONE_BROKEN} pack={PACK} />)
    for (const name of ['Export CSV', 'Export JSON']) {
      const button = screen.getByRole('button', { name })
      expect(button).toBeDisabled()
      expect(button).toHaveAttribute('title', 'Nothing to export')
    }
  })

  it('says so when the export fails, and clears that on the next try', async () => {
    const { createObjectURL, downloads } = captureDownloads()
    createObjectURL.mockImplementationOnce(() => {
      throw new Error('out of memory')
    })
    renderWithProviders(<ExportButtons items={ITEMS} brokenUrls={NONE_BROKEN} pack={PACK} />)

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Export failed')

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }))
    await waitFor(() => expect(downloads).toHaveLength(1))
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
