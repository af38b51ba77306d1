let last = 0
const stamps = new WeakMap<object, number>()

/** A number greater than every one handed out before, for "something changed" memo deps. */
export function nextVersion(): number {
  last += 1
  return last
}

/**
 * The version an object was first seen at. Immutable data (a snapshot, a pack's images)
 * changes by being replaced, so a new object is a change, and gets a newer number.
 */
export function versionOf(value: object): number {
  let version = stamps.get(value)
  if (version === undefined) {
    version = nextVersion()
    stamps.set(value, version)
  }
  return version
}
