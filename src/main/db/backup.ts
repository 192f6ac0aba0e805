// Consistent copies of the live ledger. db.backup() reads through SQLite, so rows still in the
// WAL are included; a plain file copy of a WAL database can lose them.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type Database from 'better-sqlite3'
import type { BackupFile, BackupKind } from '../../shared/contract'
import { AppError } from '../../shared/contract/errors'
import { localDay } from '../credits/engine/days'
import { fileStamp } from '../data/file-names'
import { rotate, type AutomaticBackup } from '../data/rotation'

/** Why the app wrote a backup; part of its file name. */
export const dailyReason = 'daily'
const preMigrationReason = /^before-schema-\d+$/

/** The ledger's file name without `.sqlite`: the start of every backup name it gets. */
function ledgerName(dbPath: string): string {
  return basename(dbPath).replace(/\.sqlite$/, '')
}

export function backupFileName(dbPath: string, reason: string, now: Date): string {
  return `${ledgerName(dbPath)}-${fileStamp(now)}-${reason}.sqlite`
}

/** The ledger, instant and reason in a name backupFileName wrote; null for any other file. */
export function parseBackupName(
  name: string,
): { ledger: string; takenAt: string; reason: string } | null {
  const match =
    /^(.+)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z0-9-]+)\.sqlite$/.exec(name)
  if (!match) return null
  const [, ledger, day, h, m, s, ms, reason] = match as unknown as string[]
  return { ledger: ledger!, takenAt: `${day}T${h}:${m}:${s}.${ms}Z`, reason: reason! }
}

export async function backupTo(db: Database.Database, file: string): Promise<number> {
  if (existsSync(file))
    throw new AppError(
      'BACKUP_FAILED',
      `A file already exists at ${file}. Choose a new file name so nothing is overwritten.`,
    )
  // Written under another name and renamed when complete: a copy cut short (the app stopped
  // mid-way) is never mistaken for a backup.
  const partial = `${file}.partial`
  try {
    mkdirSync(dirname(file), { recursive: true })
    rmSync(partial, { force: true })
    await db.backup(partial)
    renameSync(partial, file)
  } catch (error) {
    rmSync(partial, { force: true })
    throw new AppError(
      'BACKUP_FAILED',
      `Could not write the backup to ${file}: ${(error as Error).message}`,
    )
  }
  return statSync(file).size
}

/** The daily backups in the folder, each with the calendar day (in `timeZone`) it was taken. */
export function automaticBackups(names: readonly string[], timeZone: string): AutomaticBackup[] {
  return names.flatMap((name) => {
    const parsed = parseBackupName(name)
    return parsed?.reason === dailyReason ? [{ name, day: localDay(parsed.takenAt, timeZone) }] : []
  })
}

/**
 * The backups of the ledger at `dbPath` in its backups folder. Ledgers side by side share the
 * folder: a name the app wrote for another ledger ("personal-…-daily.sqlite" beside
 * work.sqlite) is that ledger's, so listing, rotation and restore leave it alone. A file the
 * user named (backup --out before-my-holiday.sqlite) belongs to no ledger, so every one lists it.
 */
export function backupNames(backupsDir: string, dbPath: string): string[] {
  if (!existsSync(backupsDir)) return []
  const ledger = ledgerName(dbPath)
  return readdirSync(backupsDir).filter((name) => {
    if (!name.endsWith('.sqlite')) return false
    const parsed = parseBackupName(name)
    return parsed === null || parsed.ledger === ledger
  })
}

/** What a restore calls the ledger it replaces: `ledger.sqlite.before-restore-<time>`. */
export const beforeRestoreLabel = 'before-restore'

/**
 * The ledgers restores replaced, kept beside the ledger (not in the backups folder), each with
 * the instant it was set aside: `ledger.sqlite.before-restore-2026-11-23T16-39-57-365Z`, or
 * `…Z-2` for a second one at the same clock reading. Their -wal and -shm files are not listed.
 */
export function keptAsideNames(dbPath: string): { name: string; takenAt: string }[] {
  const dir = dirname(dbPath)
  if (!existsSync(dir)) return []
  const prefix = `${basename(dbPath)}.${beforeRestoreLabel}-`
  return readdirSync(dir).flatMap((name) => {
    if (!name.startsWith(prefix)) return []
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(-\d+)?$/.exec(
      name.slice(prefix.length),
    )
    if (!match) return []
    const [, day, h, m, s, ms] = match as unknown as string[]
    return [{ name, takenAt: `${day}T${h}:${m}:${s}.${ms}Z` }]
  })
}

/** Where a listed backup is: the backups folder, or beside the ledger for a kept-aside one. */
export function backupPath(backupsDir: string, dbPath: string, backup: BackupFile): string {
  return backup.kind === 'before-restore'
    ? join(dirname(dbPath), backup.name)
    : join(backupsDir, backup.name)
}

/**
 * Newest first. Automatic backups are daily or weekly as the rotation keeps them; the ledgers
 * restores replaced are listed too ("before-restore"), so a restore can itself be undone.
 */
export function listBackups(backupsDir: string, dbPath: string, timeZone = 'UTC'): BackupFile[] {
  const names = backupNames(backupsDir, dbPath)
  const weekly = new Set(rotate(automaticBackups(names, timeZone)).weekly)
  const inFolder = names.map((name): BackupFile => {
    const parsed = parseBackupName(name)
    const info = statSync(join(backupsDir, name))
    let kind: BackupKind = 'manual'
    if (parsed?.reason === dailyReason) kind = weekly.has(name) ? 'weekly' : 'daily'
    else if (parsed && preMigrationReason.test(parsed.reason)) kind = 'pre-migration'
    return {
      name,
      createdAt: parsed?.takenAt ?? info.mtime.toISOString(),
      bytes: info.size,
      kind,
    }
  })
  const keptAside = keptAsideNames(dbPath).map(({ name, takenAt }): BackupFile => ({
    name,
    createdAt: takenAt,
    bytes: statSync(join(dirname(dbPath), name)).size,
    kind: 'before-restore',
  }))
  return [...inFolder, ...keptAside].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name),
  )
}
