// The frame around every screen: a skip link, the sidebar and the main area.
import type { ReactNode } from 'react'
import { hrefFor, screens, type ScreenId } from '../router'
import { QuickLog } from './QuickLog'

const icons: Record<ScreenId, string> = {
  dashboard: '◧',
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
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  )
}
