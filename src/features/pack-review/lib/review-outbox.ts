import { isApiError } from '@/lib/api-error'
import {
  decisionBodySchema,
  type DecisionBody,
  type DecisionWrite,
  type ReviewDecision,
} from '@contract/review-api/decision'
import { entryOfWrite, type ReviewEntry } from '@/features/pack-review/api/review-queries'
import { nextVersion } from './versions'

/** What a decision not yet acknowledged shows. */
export interface PendingDecision {
  /** The decision as the reviewer made it (null: cleared). */
  shown: ReviewDecision | null
  status: 'saving' | 'failed'
  /** Why it was not saved. */
  error: string | null
}

interface Write {
  body: DecisionBody
  shown: ReviewDecision | null
}

interface Slot extends PendingDecision {
  /** The newest write asked for: the only one that will still be sent. */
  latest: Write
  /** The write on its way, if any: at most one per image, so the server sees them in order. */
  sending: Write | null
}

/** What an undo puts back: the decision shown before, on the metadata it was made on. */
export interface UndoStep {
  imageId: string
  previous: ReviewDecision | null
  /** The fingerprint to write when `previous` is null (clearing needs one too). */
  fingerprint: string
}

export interface OutboxOptions {
  send: (imageId: string, body: DecisionBody) => Promise<DecisionWrite>
  /** After an acknowledged write (to refresh that image's history). */
  onSaved?: (imageId: string) => void
}

/**
 * The decisions of one pack on their way to the server. Each is shown at once; one write per
 * image is in flight at a time, and a newer decision replaces one not sent yet, so the last
 * click is the one stored. A failed write stays until the reviewer or the browser (back
 * online) retries it; nothing is retried in a loop. Acknowledged answers are kept here, not
 * only in the query cache, so a poll that started before the write cannot hide it.
 */
export class ReviewOutbox {
  private readonly slots = new Map<string, Slot>()
  private readonly acked = new Map<string, ReviewEntry>()
  private readonly undoSteps: UndoStep[] = []
  private readonly listeners = new Set<() => void>()
  private version = nextVersion()
  private readonly options: OutboxOptions

  constructor(options: OutboxOptions) {
    this.options = options
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Changes on every change of what the outbox shows (for useSyncExternalStore). */
  readonly getVersion = (): number => this.version

  pendingOf(imageId: string): PendingDecision | undefined {
    return this.slots.get(imageId)
  }

  /** The newest acknowledged answer for an image in this tab. */
  ackedOf(imageId: string): ReviewEntry | undefined {
    return this.acked.get(imageId)
  }

  /** Every image decided in this tab: a decision on its way, failed, or acknowledged. */
  *decidedHere(): Iterable<string> {
    yield* this.slots.keys()
    for (const imageId of this.acked.keys()) {
      if (!this.slots.has(imageId)) yield imageId
    }
  }

  /** Shows `shown` at once and saves `body`. */
  write(imageId: string, body: DecisionBody, shown: ReviewDecision | null): void {
    const latest = { body, shown }
    const slot = this.slots.get(imageId)
    if (slot) {
      slot.latest = latest
      slot.shown = shown
      slot.status = 'saving'
      slot.error = null
    } else {
      this.slots.set(imageId, { latest, sending: null, shown, status: 'saving', error: null })
    }
    this.changed()
    this.sendIfIdle(imageId)
  }

  /** Sends a failed decision again. */
  retry(imageId: string): void {
    const slot = this.slots.get(imageId)
    if (slot?.status !== 'failed') return
    slot.status = 'saving'
    slot.error = null
    this.changed()
    this.sendIfIdle(imageId)
  }

  /** Sends every failed decision again (the browser is back online). */
  retryFailed(): void {
    for (const [imageId, slot] of this.slots) {
      if (slot.status === 'failed') this.retry(imageId)
    }
  }

  pushUndo(step: UndoStep): void {
    this.undoSteps.push(step)
  }

  popUndo(): UndoStep | undefined {
    return this.undoSteps.pop()
  }

  private sendIfIdle(imageId: string): void {
    const slot = this.slots.get(imageId)
    if (!slot || slot.sending !== null || slot.status !== 'saving') return
    const write = slot.latest
    // A body the server would refuse (422) is not sent; it shows as not saved at once.
    const checked = decisionBodySchema.safeParse(write.body)
    if (!checked.success) {
      this.fail(slot, checked.error.issues[0]?.message ?? 'This decision is not valid.')
      return
    }
    slot.sending = write
    this.options.send(imageId, checked.data).then(
      (answer) => {
        this.remember(entryOfWrite(answer))
        slot.sending = null
        if (slot.latest === write) this.slots.delete(imageId)
        this.changed()
        this.options.onSaved?.(imageId)
        // A newer decision was made meanwhile: it goes now, after this one.
        if (slot.latest !== write) this.sendIfIdle(imageId)
      },
      (error: unknown) => {
        slot.sending = null
        if (slot.latest === write) {
          this.fail(slot, errorText(error))
        } else {
          // The failed write is obsolete; the newer one is what the reviewer wants stored.
          this.sendIfIdle(imageId)
        }
      },
    )
  }

  private fail(slot: Slot, error: string): void {
    slot.status = 'failed'
    slot.error = error
    this.changed()
  }

  private remember(entry: ReviewEntry): void {
    const known = this.acked.get(entry.image_id)
    if (known === undefined || known.revision < entry.revision)
      this.acked.set(entry.image_id, entry)
  }

  private changed(): void {
    this.version = nextVersion()
    for (const listener of this.listeners) listener()
  }
}

function errorText(error: unknown): string {
  return isApiError(error) ? error.message : 'The decision could not be saved.'
}
