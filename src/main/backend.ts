// The services behind every door: opens the ledger (or knows why it cannot), dispatches channels,
// takes backups and recovers from a damaged file. Plain Node: no Electron here.
import { copyFileSync, existsSync, renameSync } from 'node:fs'
import { basename, join } from 'node:path'
import packageJson from '../../package.json'
import type { AppStatus, BackupFile, DoctorReport } from '../shared/contract'
import { AppError, type Envelope } from '../shared/contract/errors'
import { backupFileName, backupTo, listBackups } from './db/backup'
import { latestSchemaVersion } from './db/migrations'
import { integrityProblems, openLedgerFile } from './db/open'
import { dispatch } from './handlers'
import { ImportJobs } from './imports/service'
import type { HandlerContext } from './handler-types'
import type { Ledger } from './ledger'
import { ledgerPaths, type LedgerPaths } from './paths'

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

  backups(): BackupFile[] {
    return listBackups(this.paths.backupsDir)
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
    let source: string | undefined
    if (choice.action === 'restore') {
      const known = this.backups().some((b) => b.name === choice.backup)
      if (!known || basename(choice.backup) !== choice.backup)
        throw new AppError(
          'BACKUP_NOT_FOUND',
          `There is no backup named "${choice.backup}" in ${this.paths.backupsDir}.`,
        )
      source = join(this.paths.backupsDir, choice.backup)
    }
    this.setDamagedFileAside()
    if (source) copyFileSync(source, this.paths.dbPath)
    this.state = await Backend.load(this.paths, this.now)
    return this.status()
  }

  private setDamagedFileAside(): void {
    const suffix = `.damaged-${this.now().toISOString().replace(/[:.]/g, '-')}`
    for (const extra of ['', '-wal', '-shm']) {
      const file = this.paths.dbPath + extra
      if (existsSync(file)) renameSync(file, file.replace(/(-wal|-shm)?$/, `${suffix}$1`))
    }
  }

  close(): void {
    if (this.state.kind === 'ready') this.state.ledger.db.close()
  }
}
