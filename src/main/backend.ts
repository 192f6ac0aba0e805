// The services behind every door: opens the ledger (or knows why it cannot), dispatches channels,
// takes backups and recovers from a damaged file. Plain Node: no Electron here.
import { renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import packageJson from '../../package.json'
import type { AppStatus, BackupFile, DoctorReport, RestoreResult } from '../shared/contract'
import { AppError, type Envelope } from '../shared/contract/errors'
import { backupFileName, backupTo, beforeRestoreLabel, listBackups } from './db/backup'
import { latestSchemaVersion } from './db/migrations'
import { integrityProblems, openLedgerFile } from './db/open'
import { holdLedger, refuseIfOpenElsewhere, releaseLedger } from './data/in-use'
import { checkedCopy, listedBackup, putBack, setAside } from './data/restore'
import { dispatch } from './handlers'
import { ImportJobs } from './imports/service'
import type { HandlerContext } from './handler-types'
import type { Ledger } from './ledger'
import { ledgerPaths, type LedgerPaths } from './paths'
import { timeZoneOf } from './settings/service'

export const appVersion: string = packageJson.version

export interface BackendOptions {
  dbPath: string
  now?: () => Date
}

type State =
  | { kind: 'ready'; ledger: Ledger; schemaVersion: number }
  | { kind: 'unavailable'; error: AppError }

/** The ledger is read lazily, so app.* channels still answer when the file could not be opened. */
function contextFor(backend: Backend): HandlerContext {
  return {
    backend,
    get ledger() {
      return backend.ledger
    },
  }
}

export class Backend {
  readonly paths: LedgerPaths
  readonly now: () => Date
  readonly importJobs = new ImportJobs()
  private state: State

  private constructor(paths: LedgerPaths, now: () => Date, state: State) {
    this.paths = paths
    this.now = now
    this.state = state
    holdLedger(paths.dbPath, this)
  }

  /** Opens the ledger; a damaged or too-new file gives a backend that reports it, never a throw. */
  static async open(options: BackendOptions): Promise<Backend> {
    const paths = ledgerPaths(options.dbPath)
    const now = options.now ?? (() => new Date())
    return new Backend(paths, now, await Backend.load(paths, now))
  }

  private static async load(paths: LedgerPaths, now: () => Date): Promise<State> {
    try {
      const opened = await openLedgerFile(paths, now)
      return {
        kind: 'ready',
        ledger: { db: opened.db, paths, now },
        schemaVersion: opened.schemaVersion,
      }
    } catch (error) {
      if (error instanceof AppError) return { kind: 'unavailable', error }
      throw error
    }
  }

  /** The open ledger, or the reason there is none. */
  get ledger(): Ledger {
    if (this.state.kind === 'ready') return this.state.ledger
    throw this.state.error
  }

  invoke(channel: string, input: unknown): Promise<Envelope<unknown>> {
    return dispatch(channel, input, contextFor(this))
  }

  status(): AppStatus {
    const { dbPath } = this.paths
    if (this.state.kind === 'ready') {
      const { n } = this.state.ledger.db.prepare('SELECT count(*) AS n FROM seats').get() as {
        n: number
      }
      return { state: 'ready', dbPath, schemaVersion: this.state.schemaVersion, seatCount: n }
    }
    const { error } = this.state
    if (error.code === 'DATABASE_TOO_NEW')
      return { state: 'too-new', dbPath, message: error.message }
    return { state: 'damaged', dbPath, message: error.message, backups: this.backups() }
  }

  doctor(): DoctorReport {
    const problems =
      this.state.kind === 'ready'
        ? integrityProblems(this.state.ledger.db, true)
        : [this.state.error.message]
    return {
      appVersion,
      ...this.paths,
      schemaVersion: this.state.kind === 'ready' ? this.state.schemaVersion : 0,
      latestSchemaVersion,
      integrity: { ok: problems.length === 0, problems },
    }
  }

  /** Daily and weekly are told apart by calendar days in the user's time zone (UTC if unknown). */
  backups(): BackupFile[] {
    const zone = this.state.kind === 'ready' ? timeZoneOf(this.state.ledger) : 'UTC'
    return listBackups(this.paths.backupsDir, this.paths.dbPath, zone)
  }

  /**
   * Replaces the ledger with a backup while the app runs. The backup is copied and checked
   * first (a damaged one changes nothing); the current file is set aside, never deleted.
   */
  async restore(backup: string): Promise<RestoreResult> {
    const { db } = this.ledger
    this.refuseIfOpenElsewhere('restoring a backup')
    // A file an earlier restore kept aside is restored like any backup (copied, never moved),
    // and the ledger it replaces is kept aside in turn: going back and forth loses nothing.
    const source = listedBackup(this.paths, backup, this.backups())
    const candidate = checkedCopy(source, this.paths.dbPath, this.now())
    db.close()
    const keptAside = setAside(this.paths.dbPath, beforeRestoreLabel, this.now())
    let failure: string | null = null
    try {
      renameSync(candidate, this.paths.dbPath)
      this.state = await Backend.load(this.paths, this.now)
      if (this.state.kind !== 'ready') failure = this.state.error.message
    } catch (error) {
      failure = (error as Error).message
    }
    if (failure !== null) {
      // Checked, yet it would not open: go back to the ledger as it was.
      rmSync(candidate, { force: true })
      putBack(keptAside, this.paths.dbPath)
      this.state = await Backend.load(this.paths, this.now)
      throw new AppError(
        'BACKUP_DAMAGED',
        `The backup ${backup} could not be opened (${failure}). Your ledger was put back as it was.`,
      )
    }
    return { restored: backup, keptAside, status: this.status() }
  }

  async backup(out?: string): Promise<{ file: string; bytes: number }> {
    const { db } = this.ledger
    const file =
      out ?? join(this.paths.backupsDir, backupFileName(this.paths.dbPath, 'manual', this.now()))
    return { file, bytes: await backupTo(db, file) }
  }

  /** Sets the damaged file aside, then restores a backup or starts an empty ledger. */
  async recover(
    choice: { action: 'start-empty' } | { action: 'restore'; backup: string },
  ): Promise<AppStatus> {
    if (this.state.kind === 'ready' || this.state.error.code !== 'DATABASE_DAMAGED')
      throw new AppError(
        'NOT_DAMAGED',
        'The ledger is not damaged, so there is nothing to recover.',
      )
    this.refuseIfOpenElsewhere('recovering the ledger')
    // A backup is checked before the damaged file is touched: a damaged backup changes nothing.
    const candidate =
      choice.action === 'restore'
        ? checkedCopy(
            listedBackup(this.paths, choice.backup, this.backups()),
            this.paths.dbPath,
            this.now(),
          )
        : null
    setAside(this.paths.dbPath, 'damaged', this.now())
    if (candidate) renameSync(candidate, this.paths.dbPath)
    this.state = await Backend.load(this.paths, this.now)
    return this.status()
  }

  /** LEDGER_IN_USE unless this Backend is the only one with the ledger open, in any process. */
  refuseIfOpenElsewhere(doing: string): void {
    refuseIfOpenElsewhere(this.paths.dbPath, this, doing)
  }

  close(): void {
    releaseLedger(this.paths.dbPath, this)
    if (this.state.kind === 'ready') this.state.ledger.db.close()
  }
}
