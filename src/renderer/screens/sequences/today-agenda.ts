// Today's follow-up steps (due and overdue), asked for once for the whole window: the sidebar's
// badge and the dashboard's Today card show the same answer. Shell loads it and provides it.
// Refreshed when something is logged, when the window regains focus, and every minute (a new
// day begins).
import { createContext, useContext, useEffect, useState } from 'react'
import type { Agenda } from '../../../shared/contract'
import { api } from '../../api/client'
import { useLedgerVersion } from '../../api/changes'
import { useQuery, type Query } from '../../api/useQuery'

const refreshMs = 60_000

/** Loads today's agenda; for Shell, which provides it to the screens. */
export function useTodayAgendaQuery(): Query<Agenda> {
  const changes = useLedgerVersion()
  const [tick, setTick] = useState(0)
  useEffect(() => {
    const refresh = () => setTick((t) => t + 1)
    const timer = setInterval(refresh, refreshMs)
    window.addEventListener('focus', refresh)
    return () => {
      clearInterval(timer)
      window.removeEventListener('focus', refresh)
    }
  }, [])
  return useQuery(() => api.sequences.agenda({ days: 0 }), [changes, tick])
}

const TodayAgendaContext = createContext<Query<Agenda> | null>(null)

export const TodayAgendaProvider = TodayAgendaContext.Provider

/** Today's agenda as Shell loaded it. */
export function useTodayAgenda(): Query<Agenda> {
  const agenda = useContext(TodayAgendaContext)
  if (!agenda) throw new Error('useTodayAgenda is only for screens inside Shell.')
  return agenda
}

/** Steps due today or overdue; 0 while loading or when the agenda cannot be read (the badge is a hint). */
export function stepsDue(agenda: Query<Agenda>): number {
  return agenda.state === 'done' ? agenda.data.due.length + agenda.data.overdue.length : 0
}
