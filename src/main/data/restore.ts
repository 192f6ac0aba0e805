// The file work behind restoring a backup: check a copy of it before anything is swapped, and
// set the current ledger aside (renamed with its WAL and shared-memory files, never deleted).
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import { basename, isAbsolute, resolve } from 'node:path'
import Database from 'better-sqlite3'
import type { BackupFile } from '../../shared/contract'
import { AppError } from '../../shared/contract/errors'
import { backupPath } from '../db/backup'
import { migrations, type Migration } from '../db/migrations'
import { appliedVersions, integrityProblems } from '../db/open'
import { fileStamp, freeName } from './file-names'

const companions = ['', '-wal', '-shm'] as const

/**
 * The file of a listed backup, by its name as "backups" lists it or by its full path; any other
 * name (another folder, a file the list does not have) is refused.
 */
export function listedBackup(
  paths: { backupsDir: string; dbPath: string },
  name: string,
  listed: readonly BackupFile[],
): string {
  const files = listed.map((backup) => backupPath(paths.backupsDir, paths.dbPath, backup))
  const index = listed.findIndex(
    (backup, i) => backup.name === name || (isAbsolute(name) && files[i] === resolve(name)),
  )
  if (index < 0)
    throw new AppError(
      'BACKUP_NOT_FOUND',
      `There is no backup named "${name}". Run "backups" (or open Settings → Your data) to see the ones you can restore, with the ledgers earlier restores replaced.`,
    )
  return files[index]!
}

function damagedBackup(name: string, why: string): AppError {
  return new AppError(
    'BACKUP_DAMAGED',
    `The backup ${name} cannot be restored: ${why}. Your current ledger was not changed; choose another backup.`,
  )
}

/** Why the file at `path` is not a ledger this app can open, or null when it is one. */
function ledgerProblem(path: string, known: readonly Migration[]): string | null {
  let db: Database.Database | undefined
  try {
    db = new Database(path, { fileMustExist: true })
    const problems = integrityProblems(db, true)
    if (problems.length > 0) return `its integrity check failed (${problems[0]})`
    const applied = appliedVersions(db)
    if (applied.length === 0) return 'it is not an Outreach Ledger file'
    const versions = known.map((m) => m.version)
    if (applied.some((version, i) => versions[i] !== version))
      return `it was written by a newer or different version of Outreach Ledger (schema ${applied.at(-1)})`
    for (const table of ['seats', 'ledger_events', 'contacts'])
      db.prepare(`SELECT count(*) FROM "${table}"`).get()
    return null
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code === 'SQLITE_NOTADB') return 'it is not a database file'
    if (code === 'SQLITE_CORRUPT') return `it is damaged (${(error as Error).message})`
    return (error as Error).message
  } finally {
    db?.close()
  }
}

/**
 * Copies the backup beside the ledger and checks the copy (integrity and schema). Returns the
 * copy, ready to take the ledger's place; throws BACKUP_DAMAGED (and removes it) otherwise.
 */
export function checkedCopy(
  source: string,
  dbPath: string,
  now: Date,
  known: readonly Migration[] = migrations,
): string {
  const candidate = `${dbPath}.restoring-${fileStamp(now)}`
  const clear = () => companions.forEach((extra) => rmSync(candidate + extra, { force: true }))
  clear()
  try {
    copyFileSync(source, candidate)
    // A backup someone opened with another tool may have rows in its own WAL: bring them too.
    if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${candidate}-wal`)
  } catch (error) {
    throw damagedBackup(basename(source), `it could not be read (${(error as Error).message})`)
  }
  const problem = ledgerProblem(candidate, known)
  if (problem !== null) {
    clear()
    throw damagedBackup(basename(source), problem)
  }
  // Closing the checked copy folded any WAL back in; only the main file is left to move.
  return candidate
}

/**
 * Renames the ledger and its -wal/-shm files to `<file>.<label>-<time>` (with -2, -3, … when a
 * file set aside at the same clock reading is there already: a kept file is never replaced);
 * returns the new name.
 */
export function setAside(dbPath: string, label: string, now: Date): string {
  const aside = freeName(`${dbPath}.${label}-${fileStamp(now)}`, '', (path) =>
    companions.some((extra) => existsSync(path + extra)),
  )
  for (const extra of companions)
    if (existsSync(dbPath + extra)) renameSync(dbPath + extra, aside + extra)
  return aside
}

/** Undoes setAside: the kept file goes back to being the ledger. */
export function putBack(aside: string, dbPath: string): void {
  for (const extra of companions) {
    rmSync(dbPath + extra, { force: true })
    if (existsSync(aside + extra)) renameSync(aside + extra, dbPath + extra)
  }
}
