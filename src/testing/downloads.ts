import { vi } from 'vitest'

export interface CapturedDownload {
  fileName: string
  href: string
  /** Whether the link was in the document when clicked (Firefox needs that). */
  connected: boolean
  blob: Blob
}

/**
 * Captures downloads started by clicking a temporary `<a download>` on an object URL. jsdom
 * cannot navigate, so the click is swallowed; the mocks are undone by `restoreMocks`.
 */
export function captureDownloads() {
  const blobs = new Map<string, Blob>()
  const downloads: CapturedDownload[] = []
  const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const href = `blob:http://localhost/${blobs.size + 1}`
    if (blob instanceof Blob) blobs.set(href, blob)
    return href
  })
  const revokeObjectURL = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href)
    if (!blob) throw new Error(`Clicked a link that is not an object URL: ${this.href}`)
    downloads.push({ fileName: this.download, href: this.href, connected: this.isConnected, blob })
  })
  return { downloads, createObjectURL, revokeObjectURL }
}

/** jsdom's Blob has no `text()` or `arrayBuffer()`, so read it the old way. */
export function readBlobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
    reader.onerror = () => reject(reader.error)
    reader.readAsArrayBuffer(blob)
  })
}

/** The blob as UTF-8 text, keeping any byte order mark so tests can assert on it. */
export async function readBlobText(blob: Blob): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readBlobBytes(blob))
}
