import type { Batch } from './image-write-batches'

/**
 * The batches of image writes a page has made, for the component that makes them and the
 * notices that show them, wherever those are (over the page, or inside the open viewer):
 * a batch's progress re-renders the notices, not the page. `unloaded`: the code that makes
 * the writes could not be fetched (offline), so nothing was changed.
 */
export interface BatchStore {
  read: () => BatchState
  subscribe: (listener: () => void) => () => void
  start: (batch: Batch) => void
  update: <B extends Batch>(id: number, change: (batch: B) => B) => void
  dismiss: (id: number) => void
  setUnloaded: (unloaded: boolean) => void
}

export interface BatchState {
  batches: readonly Batch[]
  unloaded: boolean
}

export function createBatchStore(): BatchStore {
  let state: BatchState = { batches: [], unloaded: false }
  const listeners = new Set<() => void>()
  const set = (next: Partial<BatchState>) => {
    state = { ...state, ...next }
    for (const listener of listeners) listener()
  }
  return {
    read: () => state,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    start: (batch) => set({ batches: [...state.batches, batch] }),
    update: (id, change) =>
      set({
        batches: state.batches.map((batch) =>
          batch.id === id ? change(batch as Parameters<typeof change>[0]) : batch,
        ),
      }),
    dismiss: (id) => set({ batches: state.batches.filter((batch) => batch.id !== id) }),
    setUnloaded: (unloaded) => set({ unloaded }),
  }
}
