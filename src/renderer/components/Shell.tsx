// The frame around every screen: a skip link, the sidebar and the main area.
import type { ReactNode } from 'react'
import { hrefFor, screens, type ScreenId } from '../router'
import { QuickLog } from './QuickLog'
import {
  stepsDue,
  TodayAgendaProvider,
  useTodayAgendaQuery,
} from '../screens/sequences/today-agenda'

const icons: Record<ScreenId, string> = {
  dashboard: '◧',
  today: '☑',
  credits: '◎',
  analytics: '▥',
  outreach: '✉',
  contacts: '☺',
  templates: '✎',
  import: '⇩',
  sequences: '↻',
  reports: '▤',
  settings: '⚙',
}

export function Shell({ screen, children }: { screen: ScreenId; children: ReactNode }) {
  // One request for the badge and the dashboard's Today card.
  const agenda = useTodayAgendaQuery()
  const due = stepsDue(agenda)
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            OL
          </span>
          Outreach Ledger
        </div>
        <QuickLog />
        <ul>
          {screens.map((s) => (
            <li key={s.id}>
              <a href={hrefFor(s.id)} aria-current={s.id === screen ? 'page' : undefined}>
                <span className="nav-icon" aria-hidden="true">
                  {icons[s.id]}
                </span>
                {s.label}
                {s.id === 'today' && due > 0 && (
                  <span className="badge nav-badge" data-testid="agenda-badge">
                    {due}
                    <span className="visually-hidden"> follow-up steps due</span>
                  </span>
                )}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        <TodayAgendaProvider value={agenda}>{children}</TodayAgendaProvider>
      </main>
    </div>
  )
}
