// How many follow-up steps are due today or overdue, for the badge in the sidebar. Refreshed
// when something is logged, when the window regains focus, and every minute (a new day begins).
import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import { useLedgerVersion } from '../../api/changes'

const refreshMs = 60_000

export function useAgendaCount(): number {
  const changes = useLedgerVersion()
  const [count, setCount] = useState(0)
  useEffect(() => {
    let current = true
    const load = () =>
      api.sequences.agenda({ days: 0 }).then(
        (a) => current && setCount(a.due.length + a.overdue.length),
        // The badge is a hint: a ledger that cannot be read shows its error on the screens.
        () => current && setCount(0),
      )
    void load()
    const timer = setInterval(() => void load(), refreshMs)
    window.addEventListener('focus', load)
    return () => {
      current = false
      clearInterval(timer)
      window.removeEventListener('focus', load)
    }
  }, [changes])
  return count
}
