// Who wants to know that a request answered DATABASE_DAMAGED (the client tells, App listens).
// Apart from damage.ts so the client need not import React.
const listeners = new Set<() => void>()

export function ledgerFoundDamaged(): void {
  for (const listener of listeners) listener()
}

/** Listens until the returned function is called. */
export function subscribeToDamage(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
