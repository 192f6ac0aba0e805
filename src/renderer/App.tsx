// Chooses what the window shows: recovery, first run, or the app's screens.
import { useState } from 'react'
import { api } from './api/client'
import { useQuery } from './api/useQuery'
import { ErrorNotice, Loading } from './components/Notices'
import { Shell } from './components/Shell'
import { useScreen, type ScreenId } from './router'
import { AnalyticsScreen } from './screens/analytics/AnalyticsScreen'
import { ContactsScreen } from './screens/contacts/ContactsScreen'
import { CreditsScreen } from './screens/credits/CreditsScreen'
import { OutreachScreen } from './screens/outreach/OutreachScreen'
import { TemplatesScreen } from './screens/templates/TemplatesScreen'
import { Dashboard } from './screens/Dashboard'
import { ImportScreen } from './screens/import/ImportScreen'
import { FirstRun } from './screens/FirstRun'
import { Recovery } from './screens/Recovery'
import { ReportsScreen } from './screens/reports/ReportsScreen'
import { Settings } from './screens/Settings'
import { AgendaScreen } from './screens/sequences/AgendaScreen'
import { SequencesScreen } from './screens/sequences/SequencesScreen'

const screenViews: Record<ScreenId, () => React.JSX.Element> = {
  dashboard: Dashboard,
  today: AgendaScreen,
  credits: CreditsScreen,
  analytics: AnalyticsScreen,
  outreach: OutreachScreen,
  contacts: ContactsScreen,
  templates: TemplatesScreen,
  import: ImportScreen,
  sequences: SequencesScreen,
  reports: ReportsScreen,
  settings: Settings,
}

function Screen({ screen }: { screen: ScreenId }) {
  const View = screenViews[screen]
  return <View />
}

export function App() {
  const status = useQuery(() => api.app.status({}), [])
  const [welcomed, setWelcomed] = useState(false)
  const screen = useScreen()

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
