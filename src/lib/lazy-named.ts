import { lazy, type ComponentType } from 'react'

/**
 * `lazy()` for a named export, so that modules need no default export:
 * `lazyNamed(() => import('./routes/pack-route'), 'PackPage')`.
 */
export function lazyNamed<
  // Any props, as React's own `lazy` accepts.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  M extends Record<K, ComponentType<any>>,
  K extends keyof M,
>(load: () => Promise<M>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })))
}
