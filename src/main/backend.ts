// The services behind every door: opens the ledger (or knows why it cannot), dispatches channels,
// takes backups and recovers from a damaged file. Plain Node: no Electron here.
import { renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import packageJson from '../../package.json'
import type { AppStatus, BackupFile, DoctorReport, RestoreResult } from '../shared/contract'
import { AppError, type Envelope } from '../shared/contract/errors'
import { backupFileName, backupTo, beforeRestoreLabel, listBackups } from './db/backup'
import { latestSchemaVersion } from './db/migrations'
import { holdCheckpoints, releaseCheckpoints } from './credits/checkpoints'
import { checkInBackground, type BackgroundCheck } from './db/integrity-check'
import { damagedError, integrityProblems, isDamage, openLedgerFile } from './db/open'
import { holdLedger, refuseIfOpenElsewhere, releaseLedger } from './data/in-use'
import { checkedCopy, listedBackup, putBack, setAside } from './data/restore'
import { dispatch } from './handlers'
import { ImportJobs } from './imports/service'
import { importsSettled } from './imports/thread'
import type { HandlerContext } from './handler-types'
import type { Ledger } from './ledger'
import { ledgerPaths, type LedgerPaths } from './paths'
import { timeZoneOf } from './settings/service'

export const appVersion: string = packageJson.version

export interface BackendOptions {
  dbPath: string
  now?: () => Date
  /**
   * Check the file's integrity on another thread while the first screen's requests are
   * answered (browser mode), instead of before opening (the default: the CLI, tests).
   */
  checkInBackground?: boolean
}

type State =
  | { kind: 'ready'; ledger: Ledger; schemaVersion: number }
  | { kind: 'unavailable'; error: AppError }

/**
 * What the dashboard asks for when it first opens: answered while the background integrity
 * check runs. Each only reads the ledger (some fill TEMP tables, which live outside the file,
 * so `PRAGMA query_only` cannot guard this); every other channel (each write, each backup, a
 * restore) waits for the check. test/main/db/background-check.test.ts holds each to that.
 */
export const answeredWhileChecking: ReadonlySet<string> = new Set([
  'app.status',
  'seats.list',
  'credits.balance',
  'analytics.recruiterRule',
  'analytics.metrics',
  'analytics.trend',
  'outreach.list',
  'sequences.agenda',
])

/**
 * What is answered while an import writes on its own thread (imports/thread.ts): reads of the
 * ledger as it was before the import, and the import's own progress. Every other request (each
 * write among them) waits for the import to commit or roll back instead of for SQLite's lock.
 */
export const answeredWhileImporting: ReadonlySet<string> = new Set([
  ...answeredWhileChecking,
  'imports.progress',
  'imports.cancel',
  'imports.list',
  'imports.previewCsv',
  'settings.get',
])

interface Checking {
  /** Settles once the check has answered and the backend has acted on it. */
  done: Promise<void>
  check: BackgroundCheck
}

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
  private checking: Checking | null = null

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
    const checkLater = options.checkInBackground === true
    const { state, checked } = await Backend.load(paths, now, checkLater)
    const backend = new Backend(paths, now, state)
    if (state.kind === 'ready' && !checked) backend.checkInBackground(state.ledger)
    return backend
  }

  private static async load(
    paths: LedgerPaths,
    now: () => Date,
    checkLater = false,
  ): Promise<{ state: State; checked: boolean }> {
    try {
      const opened = await openLedgerFile(paths, now, undefined, { checkLater })
      return {
        state: {
          kind: 'ready',
          ledger: { db: opened.db, paths, now },
          schemaVersion: opened.schemaVersion,
        },
        checked: opened.checked,
      }
    } catch (error) {
      if (error instanceof AppError) return { state: { kind: 'unavailable', error }, checked: true }
      throw error
    }
  }

  /**
   * Runs the integrity check on another thread. Until it has passed only the first screen's
   * reads are answered; when it finds damage the ledger is closed and every request answers
   * DATABASE_DAMAGED, as when the file is found damaged on opening.
   */
  private checkInBackground(ledger: Ledger): void {
    const { db } = ledger
    const check = checkInBackground(this.paths.dbPath)
    holdCheckpoints(ledger)
    const current = () => this.state.kind === 'ready' && this.state.ledger === ledger && db.open
    const act = async (): Promise<void> => {
      let problems: string[]
      try {
        problems = await check.problems
      } catch {
        // No thread for it: check here, slower but as sure.
        if (!current()) return
        problems = problemsOnThisThread(db)
      }
      if (!current()) return
      if (problems.length > 0) this.fileDamaged(damagedError(this.paths.dbPath, problems))
      else {
        try {
          releaseCheckpoints(ledger)
        } catch {
          // Only a shortcut for later balances; what made it fail, a request meets and reports.
        }
      }
    }
    const done = act().finally(() => {
      if (this.checking?.check === check) this.checking = null
    })
    this.checking = { done, check }
  }

  /** Settles once the integrity check started on opening has answered (at once if none runs). */
  async integrityChecked(): Promise<void> {
    await this.checking?.done
  }

  /**
   * The file turned out damaged while open (the background check, or SQLite meeting a damaged
   * page): it is closed, and from now on every request answers `error`.
   */
  fileDamaged(error: AppError): AppError {
    if (this.state.kind === 'ready') {
      const { db } = this.state.ledger
      this.state = { kind: 'unavailable', error }
      db.close()
    }
    return error
  }

  /** For a request that met a damaged page: DATABASE_DAMAGED, the ledger closed. */
  damagedByError(error: unknown): AppError | null {
    if (!isDamage(error)) return null
    return this.fileDamaged(damagedError(this.paths.dbPath, [(error as Error).message]))
  }

  /** The open ledger, or the reason there is none. */
  get ledger(): Ledger {
    if (this.state.kind === 'ready') return this.state.ledger
    throw this.state.error
  }

  async invoke(channel: string, input: unknown): Promise<Envelope<unknown>> {
    if (this.checking && !answeredWhileChecking.has(channel)) await this.checking.done
    if (this.state.kind === 'ready' && !answeredWhileImporting.has(channel))
      await importsSettled(this.state.ledger)
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
      this.state = (await Backend.load(this.paths, this.now)).state
      if (this.state.kind !== 'ready') failure = this.state.error.message
    } catch (error) {
      failure = (error as Error).message
    }
    if (failure !== null) {
      // Checked, yet it would not open: go back to the ledger as it was.
      rmSync(candidate, { force: true })
      putBack(keptAside, this.paths.dbPath)
      this.state = (await Backend.load(this.paths, this.now)).state
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
    this.state = (await Backend.load(this.paths, this.now)).state
    return this.status()
  }

  /** LEDGER_IN_USE unless this Backend is the only one with the ledger open, in any process. */
  refuseIfOpenElsewhere(doing: string): void {
    refuseIfOpenElsewhere(this.paths.dbPath, this, doing)
  }

  close(): void {
    this.checking?.check.stop()
    releaseLedger(this.paths.dbPath, this)
    if (this.state.kind === 'ready') this.state.ledger.db.close()
  }
}

/** The integrity check on the calling thread; SQLite's own damage errors count as problems. */
function problemsOnThisThread(db: Ledger['db']): string[] {
  try {
    return integrityProblems(db)
  } catch (error) {
    return [(error as Error).message]
  }
}
