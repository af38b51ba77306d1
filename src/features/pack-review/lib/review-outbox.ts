import { isApiError } from '@/lib/api-error'
import {
  bulkDecisionBodySchema,
  type BulkDecisionBody,
  type BulkDecisionWrite,
  type BulkItem,
} from '@contract/review-api/bulk'
import {
  decisionBodySchema,
  type DecisionBody,
  type DecisionWrite,
  type ReviewDecision,
} from '@contract/review-api/decision'
import { entryOfWrite, type ReviewEntry } from '@/features/pack-review/api/review-queries'
import { bulkChunks } from './bulk-chunks'
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
  /** A bulk write's body has no reviewer or undo: those are its bulk's. */
  body: DecisionBody
  shown: ReviewDecision | null
  /** Set when the write goes with the rest of a bulk action, in one request. */
  bulk: Bulk | null
}

/** What the images of one bulk action share. */
interface Bulk {
  /** Its images in the order chosen; those with a newer write since are no longer its own. */
  imageIds: readonly string[]
  reviewer?: string
  undo: boolean
}

interface Slot extends PendingDecision {
  /** The newest write asked for: the only one that will still be sent. */
  latest: Write
  /** The write on its way, if any: at most one per image, so the server sees them in order. */
  sending: Write | null
}

/** One image of a bulk action: its decision and what it shows until saved. */
export interface ManyWrite {
  imageId: string
  body: Omit<BulkItem, 'image_id'>
  shown: ReviewDecision | null
}

/** An image of a bulk request on its way. */
interface Sent {
  imageId: string
  slot: Slot
  write: Write
  item: BulkItem
}

/** What an undo puts back: the decision shown before, on the metadata it was made on. */
export interface UndoStep {
  imageId: string
  previous: ReviewDecision | null
  /** The fingerprint to write when `previous` is null (clearing needs one too). */
  fingerprint: string
}

/** One undo: a single decision, or every image of a bulk action at once. */
export type UndoAction =
  { kind: 'single'; step: UndoStep } | { kind: 'bulk'; steps: readonly UndoStep[] }

export interface OutboxOptions {
  send: (imageId: string, body: DecisionBody) => Promise<DecisionWrite>
  sendMany: (body: BulkDecisionBody) => Promise<BulkDecisionWrite>
  /** After acknowledged writes (to refresh those images' histories). */
  onSaved?: (imageIds: readonly string[]) => void
}

/**
 * The decisions of one pack on their way to the server. Each is shown at once; one write per
 * image is in flight at a time, and a newer decision replaces one not sent yet, so the last
 * click is the one stored. A bulk action's images go together in one request, saved or not
 * saved together; a newer single decision on one of them takes it out of the bulk. A failed
 * write stays until the reviewer or the browser (back online) retries it; nothing is retried
 * in a loop. Acknowledged answers are kept here, not only in the query cache, so a poll that
 * started before the write cannot hide it.
 */
export class ReviewOutbox {
  private readonly slots = new Map<string, Slot>()
  private readonly acked = new Map<string, ReviewEntry>()
  private readonly undoActions: UndoAction[] = []
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

  /**
   * Drops the acknowledged answers that the server's decisions now have (as new or newer):
   * they show the same, and the counts recount only what is still this tab's own, not the
   * 10,000 images of a bulk action saved a poll ago.
   */
  forgetKnown(entries: ReadonlyMap<string, ReviewEntry>): void {
    for (const [imageId, entry] of this.acked) {
      const known = entries.get(imageId)
      if (known !== undefined && known.revision >= entry.revision) this.acked.delete(imageId)
    }
  }

  /** Shows `shown` at once and saves `body`. */
  write(imageId: string, body: DecisionBody, shown: ReviewDecision | null): void {
    this.put(imageId, { body, shown, bulk: null })
    this.changed()
    this.sendIfIdle(imageId)
  }

  /** Shows every write at once (one change) and saves them together, in one request. */
  writeMany(writes: readonly ManyWrite[], shared: { reviewer?: string; undo?: boolean }): void {
    const imageIds: string[] = []
    const bulk: Bulk = { imageIds, ...shared, undo: shared.undo === true }
    for (const { imageId, body, shown } of writes) {
      // An image is in a bulk body once (the server refuses it twice).
      if (this.slots.get(imageId)?.latest.bulk === bulk) continue
      imageIds.push(imageId)
      this.put(imageId, { body, shown, bulk })
    }
    if (imageIds.length === 0) return
    this.changed()
    this.sendBulk(bulk, imageIds)
  }

  /** Sends a failed decision again; one of a bulk action sends what failed of it, together. */
  retry(imageId: string): void {
    const slot = this.slots.get(imageId)
    if (slot?.status !== 'failed') return
    const { bulk } = slot.latest
    if (bulk !== null) {
      this.retryBulk(bulk)
      return
    }
    slot.status = 'saving'
    slot.error = null
    this.changed()
    this.sendIfIdle(imageId)
  }

  /** Sends every failed decision again (the browser is back online). */
  retryFailed(): void {
    const retried = new Set<Bulk>()
    for (const [imageId, slot] of this.slots) {
      if (slot.status !== 'failed') continue
      const { bulk } = slot.latest
      if (bulk === null) {
        this.retry(imageId)
      } else if (!retried.has(bulk)) {
        retried.add(bulk)
        this.retryBulk(bulk)
      }
    }
  }

  pushUndo(action: UndoAction): void {
    this.undoActions.push(action)
  }

  popUndo(): UndoAction | undefined {
    return this.undoActions.pop()
  }

  private put(imageId: string, latest: Write): void {
    const slot = this.slots.get(imageId)
    if (slot) {
      slot.latest = latest
      slot.shown = latest.shown
      slot.status = 'saving'
      slot.error = null
    } else {
      this.slots.set(imageId, {
        latest,
        sending: null,
        shown: latest.shown,
        status: 'saving',
        error: null,
      })
    }
  }

  private sendIfIdle(imageId: string): void {
    const slot = this.slots.get(imageId)
    if (!slot || slot.sending !== null || slot.status !== 'saving') return
    const write = slot.latest
    if (write.bulk !== null) {
      this.sendBulk(write.bulk, [imageId])
      return
    }
    // A body the server would refuse (422) is not sent; it shows as not saved at once.
    const checked = decisionBodySchema.safeParse(write.body)
    if (!checked.success) {
      this.fail(slot, checked.error.issues[0]?.message ?? 'This decision is not valid.')
      this.changed()
      return
    }
    slot.sending = write
    this.options.send(imageId, checked.data).then(
      (answer) => {
        this.remember(entryOfWrite(answer))
        slot.sending = null
        if (slot.latest === write) this.slots.delete(imageId)
        this.changed()
        this.options.onSaved?.([imageId])
        // A newer decision was made meanwhile: it goes now, after this one.
        if (slot.latest !== write) this.sendIfIdle(imageId)
      },
      (error: unknown) => {
        slot.sending = null
        if (slot.latest === write) {
          this.fail(slot, errorText(error))
          this.changed()
        } else {
          // The failed write is obsolete; the newer one is what the reviewer wants stored.
          this.sendIfIdle(imageId)
        }
      },
    )
  }

  /**
   * Sends those of `imageIds` that are still the bulk's and not waiting for an earlier
   * write of theirs (those follow when it is answered): one request, unless too big for one.
   */
  private sendBulk(bulk: Bulk, imageIds: readonly string[]): void {
    const ready: Sent[] = []
    for (const imageId of imageIds) {
      const slot = this.slots.get(imageId)
      if (!slot || slot.latest.bulk !== bulk || slot.sending !== null || slot.status !== 'saving')
        continue
      const write = slot.latest
      ready.push({ imageId, slot, write, item: { image_id: imageId, ...write.body } })
    }
    if (ready.length === 0) return
    const envelope = {
      ...(bulk.reviewer !== undefined ? { reviewer: bulk.reviewer } : {}),
      ...(bulk.undo ? { undo: true } : {}),
    }
    for (const chunk of bulkChunks(ready, (sent) => sent.item, envelope)) {
      const checked = bulkDecisionBodySchema.safeParse({
        items: chunk.map((sent) => sent.item),
        ...envelope,
      })
      if (!checked.success) {
        const error = checked.error.issues[0]?.message ?? 'These decisions are not valid.'
        for (const { slot } of chunk) this.fail(slot, error)
        this.changed()
        continue
      }
      for (const sent of chunk) sent.slot.sending = sent.write
      // Sent in the task of the click, like a single decision: on its way before the page
      // can be left.
      this.options.sendMany(checked.data).then(
        (answer) => this.settleBulk(chunk, answer, null),
        (error: unknown) => this.settleBulk(chunk, null, errorText(error)),
      )
    }
  }

  /** A bulk request answered (or failed): one change for all its images. */
  private settleBulk(
    sent: readonly Sent[],
    answer: BulkDecisionWrite | null,
    error: string | null,
  ): void {
    for (const write of answer?.items ?? []) this.remember(entryOfWrite(write))
    // Images decided again meanwhile: their newer writes go now, a bulk's together.
    const singles: string[] = []
    const bulks = new Map<Bulk, string[]>()
    for (const { imageId, slot, write } of sent) {
      slot.sending = null
      if (slot.latest === write) {
        if (answer !== null) this.slots.delete(imageId)
        else this.fail(slot, error ?? '')
        continue
      }
      const { bulk } = slot.latest
      if (bulk === null) {
        singles.push(imageId)
        continue
      }
      let imageIds = bulks.get(bulk)
      if (imageIds === undefined) bulks.set(bulk, (imageIds = []))
      imageIds.push(imageId)
    }
    this.changed()
    if (answer !== null) this.options.onSaved?.(sent.map((entry) => entry.imageId))
    for (const imageId of singles) this.sendIfIdle(imageId)
    for (const [bulk, imageIds] of bulks) this.sendBulk(bulk, imageIds)
  }

  private retryBulk(bulk: Bulk): void {
    for (const imageId of bulk.imageIds) {
      const slot = this.slots.get(imageId)
      if (slot?.latest.bulk !== bulk || slot.status !== 'failed') continue
      slot.status = 'saving'
      slot.error = null
    }
    this.changed()
    this.sendBulk(bulk, bulk.imageIds)
  }

  /** Marks a write not saved; the caller tells the listeners (once for a whole bulk). */
  private fail(slot: Slot, error: string): void {
    slot.status = 'failed'
    slot.error = error
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
