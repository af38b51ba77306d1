import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/lib/api-error'
import { createAddQueue, type AddQueueDeps, type FileToSend } from './add-queue'

const by = { reviewer: 'Dana' }
const failure = new ApiError({ kind: 'http', status: 500, message: 'Nope', errorCode: 'x' })

/** A promise the test settles, and a record of what was started in which order. */
function controlled() {
  const started: string[] = []
  const pending = new Map<string, (error: ApiError | null) => void>()
  const progress = new Map<string, (loaded: number, sent: boolean) => void>()
  const aborted: string[] = []
  const deps: AddQueueDeps = {
    addUrl: (url) =>
      new Promise((resolve) => {
        started.push(url)
        pending.set(url, resolve)
      }),
    upload: (file, _by, onProgress, signal) =>
      new Promise((resolve) => {
        started.push(file.fileName)
        pending.set(file.fileName, resolve)
        progress.set(file.fileName, onProgress)
        signal.addEventListener('abort', () => {
          aborted.push(file.fileName)
          resolve(new ApiError({ kind: 'network', message: 'stopped', cause: 'aborted' }))
        })
      }),
  }
  const settle = async (name: string, error: ApiError | null = null) => {
    pending.get(name)!(error)
    pending.delete(name)
    await Promise.resolve()
    await Promise.resolve()
  }
  return { deps, started, settle, progress, aborted }
}

const fileOf = (name: string, size = 100): FileToSend => ({
  file: new Blob([new Uint8Array(size)], { type: 'image/png' }),
  contentType: 'image/png',
  fileName: name,
})

const phases = (queue: ReturnType<typeof createAddQueue>) =>
  queue.rows().map((row) => `${row.kind === 'url' ? row.url : row.name}:${row.status.phase}`)

describe('createAddQueue', () => {
  it('adds URLs one at a time, in order, beside at most two files at once', async () => {
    const { deps, started, settle } = controlled()
    const queue = createAddQueue(deps)
    queue.addUrls(['u1', 'u2', 'u3'], by)
    queue.addFiles([fileOf('a.png'), fileOf('b.png'), fileOf('c.png')], by)
    expect(started).toEqual(['u1', 'a.png', 'b.png'])
    expect(phases(queue)).toEqual([
      'u1:adding',
      'u2:waiting',
      'u3:waiting',
      'a.png:sending',
      'b.png:sending',
      'c.png:waiting',
    ])
    await settle('u1')
    await settle('b.png', failure)
    expect(started).toEqual(['u1', 'a.png', 'b.png', 'u2', 'c.png'])
    expect(phases(queue)).toContain('b.png:failed')
    expect(phases(queue)).toContain('u1:added')
  })

  it('shows the bytes sent, then the server adding the file', () => {
    const { deps, progress } = controlled()
    const queue = createAddQueue(deps)
    queue.addFiles([fileOf('a.png', 1000)], by)
    progress.get('a.png')!(400, false)
    expect(queue.rows()[0]!.status).toEqual({ phase: 'sending', loaded: 400 })
    progress.get('a.png')!(1000, true)
    expect(queue.rows()[0]!.status).toEqual({ phase: 'adding' })
  })

  it('a retry goes again after those already waiting, and keeps its row in place', async () => {
    const { deps, started, settle } = controlled()
    const queue = createAddQueue(deps)
    queue.addUrls(['u1', 'u2', 'u3'], by)
    await settle('u1', failure)
    expect(queue.rows()[0]!.status).toEqual({ phase: 'failed', error: failure })
    queue.retry(queue.rows()[0]!.key)
    await settle('u2')
    await settle('u3')
    expect(started).toEqual(['u1', 'u2', 'u3', 'u1'])
    await settle('u1')
    expect(phases(queue)).toEqual(['u1:added', 'u2:added', 'u3:added'])
    // Only a failed row can be retried.
    queue.retry(queue.rows()[1]!.key)
    expect(started).toHaveLength(4)
  })

  it('says images were added once everything has settled, not after each', async () => {
    const { deps, settle } = controlled()
    const queue = createAddQueue(deps)
    const added = vi.fn()
    queue.whenAdded(added)
    queue.addUrls(['u1', 'u2'], by)
    queue.addFiles([fileOf('a.png')], by)
    await settle('u1')
    await settle('a.png')
    expect(added).not.toHaveBeenCalled()
    await settle('u2', failure)
    expect(added).toHaveBeenCalledOnce()
    // A retry that fails adds nothing: nothing to read again.
    queue.retry(queue.rows()[1]!.key)
    await settle('u2', failure)
    expect(added).toHaveBeenCalledOnce()
  })

  it('stop breaks off the uploads on their way and sends nothing more', async () => {
    const { deps, started, aborted } = controlled()
    const queue = createAddQueue(deps)
    const added = vi.fn()
    queue.whenAdded(added)
    queue.addFiles([fileOf('a.png'), fileOf('b.png'), fileOf('c.png')], by)
    queue.stop()
    await Promise.resolve()
    await Promise.resolve()
    expect(aborted).toEqual(['a.png', 'b.png'])
    expect(started).toEqual(['a.png', 'b.png'])
    expect(queue.rows().every((row) => row.status.phase === 'failed')).toBe(true)
    expect(added).toHaveBeenCalled()
  })
})
