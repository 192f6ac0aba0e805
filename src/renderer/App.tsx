// Chooses what the window shows: recovery, first run, or the app's screens.
import { lazy, Suspense, useState } from 'react'
import { api } from './api/client'
import { useRecoveryOnDamage } from './api/damage'
import { useQuery } from './api/useQuery'
import { ErrorNotice, Loading } from './components/Notices'
import { Shell } from './components/Shell'
import { useScreen, type ScreenId } from './router'
import { Dashboard } from './screens/Dashboard'
import { FirstRun } from './screens/FirstRun'
import { Recovery } from './screens/Recovery'

// Only the dashboard (the first screen) is in the first script; the other screens load when
// first opened, so a cold start parses less before asking for the dashboard's data.
const screenViews: Record<ScreenId, React.ComponentType> = {
  dashboard: Dashboard,
  today: lazy(() =>
    import('./screens/sequences/AgendaScreen').then((m) => ({ default: m.AgendaScreen })),
  ),
  credits: lazy(() =>
    import('./screens/credits/CreditsScreen').then((m) => ({ default: m.CreditsScreen })),
  ),
  analytics: lazy(() =>
    import('./screens/analytics/AnalyticsScreen').then((m) => ({ default: m.AnalyticsScreen })),
  ),
  outreach: lazy(() =>
    import('./screens/outreach/OutreachScreen').then((m) => ({ default: m.OutreachScreen })),
  ),
  contacts: lazy(() =>
    import('./screens/contacts/ContactsScreen').then((m) => ({ default: m.ContactsScreen })),
  ),
  templates: lazy(() =>
    import('./screens/templates/TemplatesScreen').then((m) => ({ default: m.TemplatesScreen })),
  ),
  import: lazy(() =>
    import('./screens/import/ImportScreen').then((m) => ({ default: m.ImportScreen })),
  ),
  sequences: lazy(() =>
    import('./screens/sequences/SequencesScreen').then((m) => ({ default: m.SequencesScreen })),
  ),
  reports: lazy(() =>
    import('./screens/reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })),
  ),
  settings: lazy(() => import('./screens/Settings').then((m) => ({ default: m.Settings }))),
}

function Screen({ screen }: { screen: ScreenId }) {
  const View = screenViews[screen]
  return (
    <Suspense fallback={<Loading what="the screen" />}>
      <View />
    </Suspense>
  )
}

export function App() {
  const status = useQuery(() => api.app.status({}), [])
  const [welcomed, setWelcomed] = useState(false)
  const screen = useScreen()
  // Found damaged after the dashboard was shown: the status says so, and recovery is shown.
  useRecoveryOnDamage(status.state === 'done' && status.data.state === 'ready', status.reload)

  if (status.state === 'loading') return <Loading what="your ledger" />
  if (status.state === 'error')
    return (
      <main id="main" className="first-run">
        <ErrorNotice error={status.error} />
      </main>
    )
  const { data } = status
  if (data.state === 'damaged') return <Recovery status={data} onRecovered={status.reload} />
  if (data.state === 'too-new')
    return (
      <main id="main" className="first-run">
        <h1>Please update Outreach Ledger</h1>
        <ErrorNotice error={{ code: 'DATABASE_TOO_NEW', message: data.message }} />
      </main>
    )
  if (data.seatCount === 0 && !welcomed)
    return (
      <FirstRun
        onDone={() => {
          setWelcomed(true)
          status.reload()
        }}
      />
    )
  return (
    <Shell screen={screen}>
      <Screen screen={screen} />
    </Shell>
  )
}
