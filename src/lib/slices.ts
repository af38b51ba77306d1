import type { z } from 'zod/mini'
import { contractError } from './contract-error'

/**
 * Work per task before yielding: under the 50 ms that makes a long task, with room for
 * what runs in the same task, and big enough that the yields themselves cost little.
 */
export const SLICE_MS = 30

type Scheduler = { yield?: () => Promise<void> }
const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler

/** Lets the browser paint and handle input before the work goes on. */
export function yieldToMain(): Promise<void> {
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * `items.map(fn)`, yielding to the browser every few milliseconds, so that going through
 * 10,000 images never blocks input or paint. Stops between slices once `signal` aborts.
 */
export async function mapInSlices<T, U>(
  items: readonly T[],
  fn: (item: T, index: number) => U,
  signal?: AbortSignal,
): Promise<U[]> {
  const mapped: U[] = []
  let sliceStart = performance.now()
  for (let index = 0; index < items.length; index++) {
    // Reading the clock is cheap, but there is no need to do it for every item.
    if (index % 64 === 0 && performance.now() - sliceStart > SLICE_MS) {
      await yieldToMain()
      signal?.throwIfAborted()
      sliceStart = performance.now()
    }
    mapped.push(fn(items[index]!, index))
  }
  return mapped
}

/** A schema, or anything that parses the way a schema's `safeParse` does. */
type Parser<T> = {
  safeParse: (
    value: unknown,
  ) => { success: true; data: T } | { success: false; error: z.core.$ZodError<T> }
}

/**
 * Validates a long list with `mapInSlices`, and passes each valid item through `then` in
 * the same pass. Throws the same contract error as `apiGet`, with the item's full path in
 * the response body (`prefix`, index, field).
 */
export function parseInSlices<T, U = T>(
  items: readonly unknown[],
  schema: Parser<T>,
  {
    prefix,
    signal,
    then = (item) => item as unknown as U,
  }: {
    prefix: readonly PropertyKey[]
    signal?: AbortSignal
    then?: (item: T, index: number) => U
  },
): Promise<U[]> {
  return mapInSlices(
    items,
    (item, index) => {
      const result = schema.safeParse(item)
      if (!result.success) throw contractError(result.error.issues[0], 200, [...prefix, index])
      return then(result.data, index)
    },
    signal,
  )
}
