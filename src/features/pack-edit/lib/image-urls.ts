import { isHttpUrl, MAX_IMAGE_URL } from '@contract/partner-api/writes'

/** The most URLs one `Add images` sends: a paste of more is refused until trimmed. */
export const MAX_URLS_AT_ONCE = 500

/** A line of the `Image URLs` field that is not sent, with why (its number counts from 1). */
export interface RefusedLine {
  line: number
  text: string
  why: string
}

export interface ImageUrlList {
  /** The URLs to add, trimmed, in the order given. */
  urls: string[]
  refused: RefusedLine[]
  /** More than MAX_URLS_AT_ONCE: nothing is sent until some are removed. */
  tooMany: boolean
}

/**
 * The `Image URLs` field, one URL a line: blank lines are skipped; a line that is not an
 * absolute http: or https: URL, is too long, repeats an earlier line or one of `given` (the
 * URLs this dialog already sent) is refused: the API would add a repeat as a second image.
 */
export function parseImageUrls(text: string, given: ReadonlySet<string> = new Set()): ImageUrlList {
  const urls: string[] = []
  const refused: RefusedLine[] = []
  const seen = new Map<string, number>()
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1
    const value = raw.trim()
    if (value === '') return
    const why = given.has(value) ? 'already in the list below' : urlProblem(value, seen.get(value))
    if (why !== null) return void refused.push({ line, text: value, why })
    seen.set(value, line)
    urls.push(value)
  })
  return { urls, refused, tooMany: urls.length > MAX_URLS_AT_ONCE }
}

function urlProblem(value: string, earlier: number | undefined): string | null {
  if (!isHttpUrl(value)) return 'not an absolute http: or https: URL'
  if (value.length > MAX_IMAGE_URL) {
    return `longer than ${MAX_IMAGE_URL.toLocaleString('en-US')} characters`
  }
  if (earlier !== undefined) return `the same URL as line ${earlier}`
  return null
}

/** The field's text without the lines at `lines` (numbers from 1): what is left after a send. */
export function keepLines(text: string, lines: ReadonlySet<number>): string {
  return text
    .split(/\r\n|\r|\n/)
    .filter((_, index) => lines.has(index + 1))
    .join('\n')
}
