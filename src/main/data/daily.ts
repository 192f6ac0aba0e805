// Automatic backups while the app runs: one a day (on start, then checked every hour), rotated
// to the last 7 daily and 4 weekly. A ledger with nothing in it yet is not backed up.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Backend } from '../backend'
import { localDay } from '../credits/engine/days'
import { automaticBackups, backupFileName, backupNames, backupTo, dailyReason } from '../db/backup'
import { timeZoneOf } from '../settings/service'
import { dailyBackupDue, rotate } from './rotation'
import { isEmptyLedger } from './tables'

export interface DailyRun {
  /** The backup written, or null when today's exists already (or there is nothing to back up). */
  written: string | null
  removed: string[]
}

export async function runDailyBackup(backend: Backend): Promise<DailyRun> {
  // Only a file that passed its integrity check is copied: a damaged one must never become the
  // day's backup and rotate a good one out.
  await backend.integrityChecked()
  if (backend.status().state !== 'ready') return { written: null, removed: [] }
  const ledger = backend.ledger
  const { backupsDir, dbPath } = backend.paths
  if (isEmptyLedger(ledger.db)) return { written: null, removed: [] }
  const zone = timeZoneOf(ledger)
  const now = backend.now()
  let written: string | null = null
  if (
    dailyBackupDue(
      automaticBackups(backupNames(backupsDir, dbPath), zone),
      localDay(now.toISOString(), zone),
    )
  ) {
    written = join(backupsDir, backupFileName(dbPath, dailyReason, now))
    await backupTo(ledger.db, written)
  }
  const { remove } = rotate(automaticBackups(backupNames(backupsDir, dbPath), zone))
  for (const name of remove) rmSync(join(backupsDir, name), { force: true })
  return { written, removed: remove }
}

export interface DailyBackups {
  /** Stops the timer; resolves once a backup under way has finished. */
  stop: () => Promise<void>
}

export const checkEveryMs = 60 * 60 * 1000

/**
 * Backs up now if today's backup is missing, then checks again every hour. The timer never
 * keeps the process alive; failures are logged, never thrown at the app.
 */
export function startDailyBackups(
  backend: Backend,
  log: (message: string) => void = (message) => console.error(message),
  everyMs = checkEveryMs,
): DailyBackups {
  let current: Promise<void> | null = null
  const run = (): void => {
    current ??= runDailyBackup(backend)
      .then(() => undefined)
      .catch((error: unknown) =>
        log(`[outreach-ledger] daily backup failed: ${(error as Error).message}`),
      )
      .finally(() => {
        current = null
      })
  }
  run()
  const timer = setInterval(run, everyMs)
  timer.unref()
  return {
    stop: async () => {
      clearInterval(timer)
      await current
    },
  }
}

/**
 * Quitting: waits for a backup under way, then closes the ledger. Closing first would cut the
 * copy short (it reads through the open connection) and lose that day's backup.
 */
export async function closeAfterBackups(backend: Backend, daily: DailyBackups): Promise<void> {
  try {
    await daily.stop()
  } finally {
    backend.close()
  }
}
