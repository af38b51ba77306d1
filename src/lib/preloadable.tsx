import { useState, type ComponentProps, type ComponentType } from 'react'
import { lazyNamed } from './lazy-named'

/**
 * A component in a chunk of its own, like `lazyNamed`, that can be fetched ahead of need.
 * Once `preload()` has brought it, it renders at once, in the same commit: `lazy` would
 * still suspend for a moment, and keys pressed right after the one that opened it (a
 * reason, Enter) would land on the page instead. Before that it falls back to `lazy`.
 */
export function preloadable<
  // Any props, as React's own `lazy` accepts.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  M extends Record<K, ComponentType<any>>,
  K extends keyof M,
>(load: () => Promise<M>, name: K) {
  let loaded: M[K] | null = null
  let loading: Promise<unknown> | null = null
  const Lazy = lazyNamed(load, name)
  const preload = () => {
    loading ??= load().then((module) => (loaded = module[name]))
    return loading
  }
  function Preloaded(props: ComponentProps<M[K]>) {
    // Chosen once: switching from the lazy one to the loaded one would remount it.
    const [{ Component }] = useState(() => ({
      Component: (loaded ?? Lazy) as ComponentType<ComponentProps<M[K]>>,
    }))
    return <Component {...props} />
  }
  return { Component: Preloaded, preload }
}
