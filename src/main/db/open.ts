// Opens the ledger file: pragmas, an integrity check (or none yet, when the caller checks it in the
// background: see integrity-check.ts), then any pending migrations (after a backup).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../../shared/contract/errors'
import type { LedgerPaths } from '../paths'
import { backupFileName, backupTo } from './backup'
import { migrations, type Migration } from './migrations'

const damagedCodes = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_VTAB'])

function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

export function damagedError(dbPath: string, problems: string[]): AppError {
  return new AppError(
    'DATABASE_DAMAGED',
    `The ledger file at ${dbPath} is damaged. Restore a backup or start an empty ledger; the damaged file will be kept aside.`,
    { problems: problems.slice(0, 20) },
  )
}

/** `PRAGMA integrity_check` (full) or `quick_check` (at start), as a list of problems. */
export function integrityProblems(db: Database.Database, full = false): string[] {
  const rows = db.pragma(full ? 'integrity_check(20)' : 'quick_check(20)') as Record<
    string,
    string
  >[]
  return problemsIn(rows.map((row) => Object.values(row)[0] ?? ''))
}

/** What an integrity pragma answered, as a list of problems: none when it says only "ok". */
export function problemsIn(messages: readonly string[]): string[] {
  return messages.length === 1 && messages[0] === 'ok' ? [] : [...messages]
}

/** An error SQLite gives when the file is not a database, or is one with damaged pages. */
export function isDamage(error: unknown): boolean {
  const code = sqliteCode(error)
  return code !== undefined && damagedCodes.has(code)
}

export function appliedVersions(db: Database.Database): number[] {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get()
  if (!table) return []
  return (
    db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as {
      version: number
    }[]
  ).map((row) => row.version)
}

/** Applies `pending` in one transaction, recording each in schema_migrations. */
export function applyMigrations(db: Database.Database, pending: readonly Migration[], now: Date) {
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
    const record = db.prepare(
      'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
    )
    for (const migration of pending) {
      db.exec(migration.sql)
      record.run(migration.version, migration.name, now.toISOString())
    }
  })()
}

function checkHistory(
  dbPath: string,
  applied: number[],
  db: Database.Database,
  known: readonly Migration[],
): void {
  const newest = applied.at(-1) ?? 0
  const latest = known.at(-1)?.version ?? 0
  if (newest > latest)
    throw new AppError(
      'DATABASE_TOO_NEW',
      `The ledger at ${dbPath} was written by a newer version of Outreach Ledger (schema ${newest}; this app knows up to ${latest}). Update the app to open it; the file was not changed.`,
      { schemaVersion: newest, latestSchemaVersion: latest },
    )
  const versions = known.map((m) => m.version)
  if (applied.some((version, i) => versions[i] !== version))
    throw damagedError(dbPath, [
      `applied migrations ${applied.join(', ')} do not match this app's ${versions.join(', ')}`,
    ])
  if (applied.length === 0) {
    const tables = db
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
      .get() as { n: number }
    if (tables.n > 0)
      throw damagedError(dbPath, ['the file is an SQLite database, but not an Outreach Ledger'])
  }
}

export interface OpenedLedger {
  db: Database.Database
  schemaVersion: number
  /** The backup taken before migrating, if one was needed. */
  migrationBackup: string | null
  /** False when the integrity check was left to the caller (`checkLater`). */
  checked: boolean
}

export interface OpenOptions {
  /**
   * Leave the integrity check to the caller, who must run it before anything is written or
   * backed up (Backend checks in the background). A file that needs a migration is still
   * checked here: migrating writes to it.
   */
  checkLater?: boolean
}

export async function openLedgerFile(
  paths: LedgerPaths,
  now: () => Date,
  known: readonly Migration[] = migrations,
  options: OpenOptions = {},
): Promise<OpenedLedger> {
  mkdirSync(paths.dataDir, { recursive: true })
  let db: Database.Database | undefined
  try {
    db = new Database(paths.dbPath)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    const checkNow = (): void => {
      const problems = integrityProblems(db!)
      if (problems.length > 0) throw damagedError(paths.dbPath, problems)
    }
    if (!options.checkLater) checkNow()

    const applied = appliedVersions(db)
    checkHistory(paths.dbPath, applied, db, known)
    const pending = known.slice(applied.length)
    if (options.checkLater && pending.length > 0) checkNow()
    const latest = known.at(-1)?.version ?? 0
    let migrationBackup: string | null = null
    if (pending.length > 0 && applied.length > 0) {
      migrationBackup = join(
        paths.backupsDir,
        backupFileName(paths.dbPath, `before-schema-${latest}`, now()),
      )
      await backupTo(db, migrationBackup)
    }
    if (pending.length > 0) applyMigrations(db, pending, now())
    const checked = !options.checkLater || pending.length > 0
    return { db, schemaVersion: latest, migrationBackup, checked }
  } catch (error) {
    db?.close()
    if (error instanceof AppError) throw error
    if (isDamage(error)) throw damagedError(paths.dbPath, [(error as Error).message])
    throw new AppError(
      'DATABASE_UNAVAILABLE',
      `Could not open the ledger at ${paths.dbPath}: ${(error as Error).message}. Check that the folder exists and you may write to it.`,
    )
  }
}
