// App settings stored in the ledger file (the user's time zone, for now).
import { AppError } from '../../shared/contract/errors'
import type { Settings } from '../../shared/contract/settings'
import { isTimeZone, systemTimeZone } from '../credits/zone'
import type { Ledger } from '../ledger'

function read(ledger: Ledger, key: string): string | undefined {
  const row = ledger.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined
  return row?.value
}

export function timeZoneOf(ledger: Ledger): string {
  return read(ledger, 'timeZone') ?? systemTimeZone()
}

export function getSettings(ledger: Ledger): Settings {
  return { timeZone: timeZoneOf(ledger) }
}

export function updateSettings(ledger: Ledger, changes: Partial<Settings>): Settings {
  if (changes.timeZone !== undefined) {
    if (!isTimeZone(changes.timeZone))
      throw new AppError(
        'VALIDATION_FAILED',
        `"${changes.timeZone}" is not a time zone this computer knows. Use a name like Europe/Berlin or America/New_York.`,
      )
    ledger.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run('timeZone', changes.timeZone)
  }
  return getSettings(ledger)
}
