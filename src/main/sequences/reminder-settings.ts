// Whether the desktop app starts at login to remind you of follow-ups while its window is closed.
// Stored in the ledger's settings table; the Electron shell applies it to the operating system.
import type { ReminderSettings } from '../../shared/contract/sequences'
import type { Ledger } from '../ledger'

const key = 'reminders.startAtLogin'

export function reminderSettings(ledger: Ledger): ReminderSettings {
  const row = ledger.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined
  return { startAtLogin: row?.value === 'true' }
}

export function setReminderSettings(ledger: Ledger, input: ReminderSettings): ReminderSettings {
  ledger.db
    .prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(key, String(input.startAtLogin))
  return reminderSettings(ledger)
}
