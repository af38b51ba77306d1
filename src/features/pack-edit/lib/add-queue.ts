import type { UploadContentType } from '@contract/partner-api/writes'
import { ApiError } from '@/lib/api-error'
import type { WriteBy } from '@/features/pack-edit/api/pack-writes'

/** Who adds (the reviewer's name, or null when the server knows the user). */
export type Adder = Omit<WriteBy, 'intent'>

/**
 * Where one image stands: waiting its turn, its bytes on their way (files), being added to
 * the pack by the API, added, or failed with why.
 */
export type RowStatus =
  | { phase: 'waiting' }
  | { phase: 'sending'; loaded: number }
  | { phase: 'adding' }
  | { phase: 'added' }
  | { phase: 'failed'; error: ApiError }

export type AddRow =
  | { key: string; kind: 'url'; url: string; status: RowStatus }
  | { key: string; kind: 'file'; name: string; size: number; status: RowStatus }

export interface FileToSend {
  file: Blob
  contentType: UploadContentType
  fileName: string
}

export interface AddQueueDeps {
  /** Adds one URL to the pack: null once added, else why not. */
  addUrl: (url: string, by: Adder) => Promise<ApiError | null>
  /** Uploads one file to the pack, telling how many bytes have gone: null once added. */
  upload: (
    file: FileToSend,
    by: Adder,
    onProgress: (loaded: number, sent: boolean) => void,
    signal: AbortSignal,
  ) => Promise<ApiError | null>
  /** Files uploading at once (the relay takes 4 from everyone together). */
  fileLimit?: number
}

export interface AddQueue {
  subscribe: (listener: () => void) => () => void
  /**
   * `listener` runs once everything has settled and at least one image was added since it
   * last ran, and on stop (what was on its way may have been added).
   */
  whenAdded: (listener: () => void) => () => void
  /** The rows, in the order they were given; a new array after every change. */
  rows: () => readonly AddRow[]
  addUrls: (urls: readonly string[], by: Adder) => void
  addFiles: (files: readonly FileToSend[], by: Adder) => void
  /** A failed row goes again, after those already waiting. */
  retry: (key: string) => void
  /** Stops what has not been added: uploads on their way are broken off, waiting ones dropped. */
  stop: () => void
}

interface Job {
  by: Adder
  file?: FileToSend
  /** Lower goes first: the order rows were queued (a retry queues again, at the end). */
  ticket: number
  abort?: AbortController
}

export const FILES_AT_ONCE = 2

/**
 * The images an `Add images` dialog adds: URLs one at a time, in the order given (the API
 * orders a pack by when each image was added), and files a few at a time beside them.
 * Every row stays, failed ones with their reason, until the dialog goes.
 */
export function createAddQueue(deps: AddQueueDeps): AddQueue {
  const fileLimit = deps.fileLimit ?? FILES_AT_ONCE
  const listeners = new Set<() => void>()
  const addedListeners = new Set<() => void>()
  const jobs = new Map<string, Job>()
  let rows: AddRow[] = []
  let nextKey = 0
  let nextTicket = 0
  let addedSinceNotice = false
  let stopped = false

  const notify = () => listeners.forEach((listener) => listener())
  const setStatus = (key: string, status: RowStatus) => {
    rows = rows.map((row) => (row.key === key ? { ...row, status } : row))
    notify()
  }
  const busy = (row: AddRow) => row.status.phase === 'sending' || row.status.phase === 'adding'
  const nextWaiting = (kind: AddRow['kind']) =>
    rows
      .filter((row) => row.kind === kind && row.status.phase === 'waiting')
      .sort((a, b) => jobs.get(a.key)!.ticket - jobs.get(b.key)!.ticket)[0]

  const settle = (key: string, error: ApiError | null) => {
    if (!jobs.has(key)) return
    if (error === null) addedSinceNotice = true
    setStatus(key, error === null ? { phase: 'added' } : { phase: 'failed', error })
    pump()
  }

  const start = (row: AddRow) => {
    const job = jobs.get(row.key)!
    if (row.kind === 'url') {
      setStatus(row.key, { phase: 'adding' })
      void deps.addUrl(row.url, job.by).then((error) => settle(row.key, error))
      return
    }
    job.abort = new AbortController()
    setStatus(row.key, { phase: 'sending', loaded: 0 })
    void deps
      .upload(
        job.file!,
        job.by,
        (loaded, sent) => {
          const current = rows.find((candidate) => candidate.key === row.key)
          if (!current || !busy(current)) return
          setStatus(row.key, sent ? { phase: 'adding' } : { phase: 'sending', loaded })
        },
        job.abort.signal,
      )
      .then((error) => settle(row.key, error))
  }

  const pump = () => {
    if (stopped) return
    if (!rows.some((row) => row.kind === 'url' && busy(row))) {
      const url = nextWaiting('url')
      if (url) start(url)
    }
    let uploading = rows.filter((row) => row.kind === 'file' && busy(row)).length
    for (
      let file = nextWaiting('file');
      file && uploading < fileLimit;
      file = nextWaiting('file')
    ) {
      start(file)
      uploading += 1
    }
    if (addedSinceNotice && !rows.some((row) => busy(row) || row.status.phase === 'waiting')) {
      addedSinceNotice = false
      addedListeners.forEach((listener) => listener())
    }
  }

  const queue = (row: AddRow, job: Omit<Job, 'ticket'>) => {
    jobs.set(row.key, { ...job, ticket: nextTicket++ })
    rows = [...rows, row]
  }

  return {
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    whenAdded: (listener) => {
      addedListeners.add(listener)
      return () => addedListeners.delete(listener)
    },
    rows: () => rows,
    addUrls: (urls, by) => {
      for (const url of urls) {
        queue({ key: `u${nextKey++}`, kind: 'url', url, status: { phase: 'waiting' } }, { by })
      }
      notify()
      pump()
    },
    addFiles: (files, by) => {
      for (const file of files) {
        const row: AddRow = {
          key: `f${nextKey++}`,
          kind: 'file',
          name: file.fileName,
          size: file.file.size,
          status: { phase: 'waiting' },
        }
        queue(row, { by, file })
      }
      notify()
      pump()
    },
    retry: (key) => {
      const job = jobs.get(key)
      const row = rows.find((candidate) => candidate.key === key)
      if (!job || row?.status.phase !== 'failed') return
      job.ticket = nextTicket++
      setStatus(key, { phase: 'waiting' })
      pump()
    },
    stop: () => {
      stopped = true
      const why = new ApiError({ kind: 'network', message: 'Stopped.', cause: 'aborted' })
      for (const row of rows) {
        if (row.status.phase === 'waiting') setStatus(row.key, { phase: 'failed', error: why })
        else if (busy(row)) jobs.get(row.key)?.abort?.abort()
      }
      // Whatever was on its way may have been added all the same.
      addedListeners.forEach((listener) => listener())
    },
  }
}
