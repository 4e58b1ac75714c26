import { lazy, type ComponentType } from 'react';

/**
 * A page loaded with its route: each feature's pages are their own chunk, fetched the first time
 * one is opened, so signing in does not download every screen. The router shows its pending
 * state meanwhile (`defaultPendingComponent`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a page's own props are kept by the cast back to M[K]
export function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K): M[K] {
  return lazy(() => load().then((module) => ({ default: module[name] }))) as unknown as M[K];
}
