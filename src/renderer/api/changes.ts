// A counter bumped whenever something is logged from outside a screen (the quick-log palette),
// so the screen on view reloads what it shows.
import { useSyncExternalStore } from 'react'

let version = 0
const listeners = new Set<() => void>()

export function ledgerChanged(): void {
  version++
  for (const listener of listeners) listener()
}

export function useLedgerVersion(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => version,
  )
}
