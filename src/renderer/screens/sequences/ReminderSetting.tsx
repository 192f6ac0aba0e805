// Where reminders come from: in the desktop app a notification when steps fall due (and, if
// the user wants, at login while the window is closed); in browser mode the sidebar badge.
import { useState } from 'react'
import type { ErrorInfo } from '../../../shared/contract/errors'
import { api } from '../../api/client'
import { toErrorInfo, useQuery } from '../../api/useQuery'
import { ErrorNotice } from '../../components/Notices'

export function ReminderSetting() {
  const desktop = typeof window !== 'undefined' && window.api !== undefined
  const [version, setVersion] = useState(0)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const settings = useQuery(() => api.sequences.reminders({}), [version])

  if (!desktop)
    return (
      <p className="muted" data-testid="reminder-hint">
        In browser mode, the number beside Today in the sidebar counts the steps due. The desktop
        app also shows a notification when they fall due.
      </p>
    )
  return (
    <>
      {error && <ErrorNotice error={error} />}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.state === 'done' && settings.data.startAtLogin}
          disabled={settings.state !== 'done'}
          onChange={async (e) => {
            setError(null)
            try {
              await api.sequences.setReminders({ startAtLogin: e.target.checked })
              setVersion((v) => v + 1)
            } catch (caught) {
              setError(toErrorInfo(caught))
            }
          }}
        />
        Start at login to remind me while the window is closed
      </label>
    </>
  )
}
