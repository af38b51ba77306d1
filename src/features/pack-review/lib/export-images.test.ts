import { parse } from 'papaparse'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { captureDownloads, readBlobBytes, readBlobText } from '@/testing/downloads'
import { createImage, createMetadata, type WireImage } from '@contract/partner-api/wire'
import { packImageSchema } from '@contract/partner-api/pack'
import {
  CSV_COLUMNS,
  downloadExport,
  downloadFile,
  exportFileName,
  toCsv,
  toJson,
  type ExportReview,
  type ExportRow,
} from './export-images'
import { imageStatus } from './image-status'

const HEADER =
  'id,position,url,status,description,keywords,model,generated_at,error,flags,review,review_reasons,review_note,reviewed_by,reviewed_at'
const PACK = { id: '11111111-2222-3333-4444-555555555555', name: 'Motivation Pack' }

function row(
  wire: WireImage,
  position = 1,
  flags: readonly string[] = [],
  review?: ExportReview,
): ExportRow {
  const image = packImageSchema.parse(wire)
  return { image, position, status: imageStatus(image), flags, ...(review ? { review } : {}) }
}

const REJECTED: ExportReview = {
  state: 'rejected',
  decision: {
    reasons: ['wrong-description', 'other'],
    note: 'Says lake, shows a sea.\nAsk Sam.',
    reviewer: 'Dana Reyes',
    decided_at: '2026-03-02T08:00:00.000Z',
  },
}

/** Parses CSV text back into records, failing the test on any parse error. */
function parseCsv(csv: string): string[][] {
  const result = parse<string[]>(csv, { newline: '\r\n' })
  expect(result.errors).toEqual([])
  return result.data
}

describe('toCsv', () => {
  it('writes the header in column order, one CRLF-separated record per row', () => {
    const csv = toCsv([
      row(
        createImage({
          id: 'img-1',
          url: 'https://cdn.test/1.jpg',
          metadata: createMetadata({ description: 'Lake', keywords: ['mountain', 'lake'] }),
        }),
        3,
        ['duplicate', 'no-keywords'],
      ),
      row(createImage({ id: 'img-2', url: 'https://cdn.test/2.jpg' }), 1),
    ])
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe(HEADER)
    expect(lines[1]).toBe(
      'img-1,3,https://cdn.test/1.jpg,completed,Lake,mountain; lake,gpt-4.1-nano,2026-02-17T11:02:00.000Z,,duplicate; no-keywords,unreviewed,,,,',
    )
    expect(lines).toHaveLength(3)
    expect(csv).not.toMatch(/[^\r]\n/)
    expect(parseCsv(csv)[0]).toEqual([...CSV_COLUMNS])
  })

  it('writes only the header when there is nothing to export', () => {
    expect(toCsv([])).toBe(HEADER)
  })

  it('leaves null fields and missing metadata as empty cells', () => {
    const csv = toCsv([
      row({ id: 'bare', url: null, metadata: null }, 7),
      row({ id: 'pending', url: null, metadata: { status: 'pending' } }, 8),
    ])
    expect(csv.split('\r\n').slice(1)).toEqual([
      'bare,7,,unknown,,,,,,,unreviewed,,,,',
      'pending,8,,pending,,,,,,,unreviewed,,,,',
    ])
  })

  it('writes the review: state, reasons, note, reviewer and time', () => {
    const csv = toCsv([
      row(createImage({ id: 'r' }), 1, [], REJECTED),
      row(createImage({ id: 'a' }), 2, [], {
        state: 'outdated',
        decision: { reasons: [], note: null, reviewer: 'Sam', decided_at: '2026-03-01T00:00:00Z' },
      }),
    ])
    const records = parseCsv(csv)
    const columns = ['review', 'review_reasons', 'review_note', 'reviewed_by', 'reviewed_at']
    const pick = (record: string[] | undefined) =>
      columns.map((column) => record?.[CSV_COLUMNS.indexOf(column as (typeof CSV_COLUMNS)[number])])
    expect(pick(records[0])).toEqual(columns)
    expect(pick(records[1])).toEqual([
      'rejected',
      'wrong-description; other',
      'Says lake, shows a sea.\nAsk Sam.',
      'Dana Reyes',
      '2026-03-02T08:00:00.000Z',
    ])
    expect(pick(records[2])).toEqual(['outdated', '', '', 'Sam', '2026-03-01T00:00:00Z'])
  })

  it('writes the display status, not the raw one', () => {
    const csv = toCsv([row(createImage({ metadata: createMetadata({ status: 'failed' }) }))])
    expect(parseCsv(csv)[1]?.[3]).toBe('error')
  })

  it('quotes commas, quotes and line breaks per RFC 4180 and round-trips them', () => {
    const description = 'Say "cheese", then\r\nsmile\nand wave'
    const keywords = ['a,b', 'quote "q"', 'multi\nline']
    const error = 'trailing space '
    const csv = toCsv([
      row(
        createImage({ id: 'tricky', metadata: createMetadata({ description, keywords, error }) }),
      ),
    ])

    expect(csv).toContain(
      ',"Say ""cheese"", then\r\nsmile\nand wave","a,b; quote ""q""; multi\nline",',
    )
    expect(csv).toContain(',"trailing space ",')

    const records = parseCsv(csv)
    expect(records).toHaveLength(2)
    const record = Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, records[1]?.[i]]))
    expect(record).toMatchObject({
      id: 'tricky',
      description,
      keywords: 'a,b; quote "q"; multi\nline',
      error,
    })
  })

  describe('formula injection', () => {
    const triggers = ['=', '+', '-', '@'] as const
    const payload = (trigger: string) => `${trigger}HYPERLINK("https://evil.test","x")`

    it.each(triggers)('prefixes %j in description, keywords, error and url with a quote', (t) => {
      const csv = toCsv([
        row(
          createImage({
            id: 'img',
            url: payload(t),
            metadata: createMetadata({
              description: payload(t),
              keywords: [payload(t), 'safe'],
              error: payload(t),
            }),
          }),
        ),
      ])
      const [, cells] = parseCsv(csv)
      const byColumn = Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, cells?.[i]]))
      expect(byColumn.url).toBe(`'${payload(t)}`)
      expect(byColumn.description).toBe(`'${payload(t)}`)
      expect(byColumn.keywords).toBe(`'${payload(t)}; safe`)
      expect(byColumn.error).toBe(`'${payload(t)}`)
      expect(csv).toContain(`"'${t}HYPERLINK(""https://evil.test"",""x"")"`)
    })

    it.each(triggers)('prefixes %j in a review note and a reviewer name with a quote', (t) => {
      const decision = { ...REJECTED.decision!, note: `${payload(t)}\nmore`, reviewer: payload(t) }
      const csv = toCsv([row(createImage(), 1, [], { state: 'rejected', decision })])
      const [, cells] = parseCsv(csv)
      expect(cells?.[CSV_COLUMNS.indexOf('review_note')]).toBe(`'${payload(t)}\nmore`)
      expect(cells?.[CSV_COLUMNS.indexOf('reviewed_by')]).toBe(`'${payload(t)}`)
    })

    it('also catches a formula in a cell that has line breaks', () => {
      // Papaparse's built-in pattern (`/^[=+\-@\t\r].*$/`) misses this one.
      const csv = toCsv([
        row(createImage({ metadata: createMetadata({ description: '=1+1\nsecond line' }) })),
      ])
      expect(parseCsv(csv)[1]?.[4]).toBe("'=1+1\nsecond line")
    })

    it('catches leading tabs and carriage returns, as papaparse does', () => {
      const csv = toCsv([
        row(createImage({ metadata: createMetadata({ description: '\t=1', model: '\r=2' }) })),
      ])
      const cells = parseCsv(csv)[1]
      expect(cells?.[4]).toBe("'\t=1")
      expect(cells?.[6]).toBe("'\r=2")
    })

    it('leaves harmless text and the numeric position alone', () => {
      const csv = toCsv([
        row(
          createImage({
            id: 'a-1',
            metadata: createMetadata({ description: 'x = y + z - 1 @ 2' }),
          }),
          12,
        ),
      ])
      expect(csv.split('\r\n')[1]).toMatch(/^a-1,12,/)
      expect(parseCsv(csv)[1]?.[4]).toBe('x = y + z - 1 @ 2')
    })
  })
})

describe('toJson', () => {
  it('writes the pack, the export time, the count and each row', () => {
    const now = new Date('2026-03-01T12:34:56.000Z')
    const json = toJson(
      [
        row(
          createImage({
            id: 'img-1',
            url: 'https://cdn.test/1.jpg',
            metadata: createMetadata({ description: '=not a formula here' }),
          }),
          4,
          ['duplicate'],
          REJECTED,
        ),
        row({ id: 'img-2', url: null, metadata: null }, 9),
      ],
      PACK,
      now,
    )

    expect(json).toMatch(/^\{\n {2}"pack": \{/)
    expect(JSON.parse(json)).toEqual({
      pack: PACK,
      exported_at: '2026-03-01T12:34:56.000Z',
      count: 2,
      images: [
        {
          id: 'img-1',
          position: 4,
          url: 'https://cdn.test/1.jpg',
          status: 'completed',
          description: '=not a formula here',
          keywords: ['mountain', 'lake', 'sunset', 'nature'],
          model: 'gpt-4.1-nano',
          generated_at: '2026-02-17T11:02:00.000Z',
          error: null,
          flags: ['duplicate'],
          review: 'rejected',
          review_reasons: ['wrong-description', 'other'],
          review_note: 'Says lake, shows a sea.\nAsk Sam.',
          reviewed_by: 'Dana Reyes',
          reviewed_at: '2026-03-02T08:00:00.000Z',
        },
        {
          id: 'img-2',
          position: 9,
          url: null,
          status: 'unknown',
          description: null,
          keywords: [],
          model: null,
          generated_at: null,
          error: null,
          flags: [],
          review: 'unreviewed',
          review_reasons: [],
          review_note: null,
          reviewed_by: null,
          reviewed_at: null,
        },
      ],
    })
  })

  it('keeps only the pack id and name, whatever else the caller passes', () => {
    const pack = { ...PACK, images: [], is_public: true }
    expect(JSON.parse(toJson([], pack))).toMatchObject({ pack: PACK, count: 0, images: [] })
  })
})

describe('exportFileName', () => {
  // Local time on purpose: the date in the name is the user's calendar day.
  const now = new Date(2026, 0, 5, 23, 30)

  it.each([
    ['Motivation Pack', 'motivation-pack'],
    ['  Summer 2026: Beach & Pool!!  ', 'summer-2026-beach-pool'],
    ['Café Été', 'cafe-ete'],
    ['Ｆｕｌｌ ｗｉｄｔｈ', 'full-width'],
    ['Мотивация (copy)', 'copy'],
  ])('slugs %j to %j', (name, slug) => {
    expect(exportFileName(name, PACK.id, 'csv', now)).toBe(`${slug}-2026-01-05.csv`)
  })

  it.each(['🔥🔥🔥', 'Мотивация', '', '   '])('falls back to the pack id for %j', (name) => {
    expect(exportFileName(name, PACK.id, 'json', now)).toBe('pack-11111111-2026-01-05.json')
  })

  it('caps the slug at 60 characters without a trailing dash', () => {
    const name = `${'a'.repeat(59)} ${'b'.repeat(20)}`
    const fileName = exportFileName(name, PACK.id, 'csv', now)
    expect(fileName).toBe(`${'a'.repeat(59)}-2026-01-05.csv`)
    expect(exportFileName('x'.repeat(100), PACK.id, 'csv', now)).toBe(
      `${'x'.repeat(60)}-2026-01-05.csv`,
    )
  })
})

describe('downloadFile', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('clicks a temporary download link, then revokes its URL', async () => {
    vi.useFakeTimers()
    const { downloads, revokeObjectURL } = captureDownloads()

    downloadFile('{"a":1}', 'data.json', 'application/json')

    expect(downloads).toHaveLength(1)
    const [download] = downloads
    expect(download).toMatchObject({ fileName: 'data.json', connected: true })
    expect(document.querySelector('a[download]')).toBeNull()
    expect(revokeObjectURL).not.toHaveBeenCalled()
    vi.runAllTimers()
    expect(revokeObjectURL).toHaveBeenCalledWith(download?.href)

    // jsdom's FileReader needs real timers.
    vi.useRealTimers()
    expect(download?.blob.type).toBe('application/json')
    expect(await readBlobText(download!.blob)).toBe('{"a":1}')
  })
})

describe('downloadExport', () => {
  it('starts the CSV with a UTF-8 byte order mark so Excel reads it as UTF-8', async () => {
    const { downloads } = captureDownloads()
    downloadExport('csv', [row(createImage({ id: 'é' }))], PACK, new Date(2026, 1, 3))

    const [download] = downloads
    expect(download?.fileName).toBe('motivation-pack-2026-02-03.csv')
    expect(download?.blob.type).toBe('text/csv;charset=utf-8')
    const bytes = await readBlobBytes(download!.blob)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(await readBlobText(download!.blob)).toMatch(new RegExp(`^\uFEFF${HEADER}\r\né,1,`))
  })

  it('writes JSON without a byte order mark', async () => {
    const { downloads } = captureDownloads()
    downloadExport('json', [], PACK, new Date(2026, 1, 3))

    const [download] = downloads
    expect(download?.fileName).toBe('motivation-pack-2026-02-03.json')
    expect(download?.blob.type).toBe('application/json')
    const text = await readBlobText(download!.blob)
    expect(text.startsWith('{')).toBe(true)
    expect(JSON.parse(text)).toMatchObject({ pack: PACK, count: 0 })
  })
})
