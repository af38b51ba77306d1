import { MAX_BULK_BODY_BYTES, MAX_BULK_ITEMS } from '@contract/review-api/bulk'

const encoder = new TextEncoder()

/** The size of a value as JSON on the wire (UTF-8). */
const jsonBytes = (value: unknown) => encoder.encode(JSON.stringify(value)).length

/**
 * Whether a value's JSON fits in `room` bytes. UTF-8 takes at most 3 bytes for each UTF-16
 * unit, so a short enough string needs no encoding to tell (1 MB of approvals, in a click).
 */
const fitsIn = (value: unknown, room: number) => {
  const json = JSON.stringify(value)
  return json.length * 3 <= room || encoder.encode(json).length <= room
}

/**
 * Splits a bulk write into bodies the server takes: at most MAX_BULK_ITEMS items and
 * MAX_BULK_BODY_BYTES each. An approval of 10,000 images is about 1 MB and goes whole; a
 * rejection of 10,000 with a long note would be refused (413) whole, so it goes in parts,
 * each stored all or nothing. `envelope` is the body without its items.
 */
export function bulkChunks<T>(
  entries: readonly T[],
  itemOf: (entry: T) => unknown,
  envelope: object,
): T[][] {
  const room = MAX_BULK_BODY_BYTES - jsonBytes({ ...envelope, items: [] })
  if (entries.length <= MAX_BULK_ITEMS && fitsIn(entries.map(itemOf), room)) {
    return [[...entries]]
  }
  const chunks: T[][] = []
  let chunk: T[] = []
  let size = 0
  for (const entry of entries) {
    // Its bytes and the comma before it.
    const bytes = jsonBytes(itemOf(entry)) + 1
    if (chunk.length > 0 && (chunk.length === MAX_BULK_ITEMS || size + bytes > room)) {
      chunks.push(chunk)
      chunk = []
      size = 0
    }
    chunk.push(entry)
    size += bytes
  }
  if (chunk.length > 0) chunks.push(chunk)
  return chunks
}
