// The ledger found damaged after the window opened: browser mode checks the file's integrity
// while the dashboard loads, and SQLite may meet a damaged page later. Any answer of
// DATABASE_DAMAGED tells the app, which then shows its recovery screen (App.tsx).
import { useEffect } from 'react'
import { api } from './client'
import { subscribeToDamage } from './damage-signal'

/**
 * Calls `recheck` (the app's status reload) when a request answers DATABASE_DAMAGED, and once
 * the integrity check started on opening has answered with anything but "ready".
 */
export function useRecoveryOnDamage(ready: boolean, recheck: () => void): void {
  useEffect(() => subscribeToDamage(recheck), [recheck])
  useEffect(() => {
    if (!ready) return
    let current = true
    api.app.checked({}).then(
      (status) => current && status.state !== 'ready' && recheck(),
      // A damaged ledger answers with its status, not an error; anything else is for the screens.
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [ready, recheck])
}
