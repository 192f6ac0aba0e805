// Consistent copies of the live ledger. db.backup() reads through SQLite, so rows still in the
// WAL are included; a plain file copy of a WAL database can lose them.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type Database from 'better-sqlite3'
import type { BackupFile, BackupKind } from '../../shared/contract'
import { AppError } from '../../shared/contract/errors'
import { localDay } from '../credits/engine/days'
import { rotate, type AutomaticBackup } from '../data/rotation'

/** Why the app wrote a backup; part of its file name. */
export const dailyReason = 'daily'
const preMigrationReason = /^before-schema-\d+$/

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-')
}

export function backupFileName(dbPath: string, reason: string, now: Date): string {
  const base = basename(dbPath).replace(/\.sqlite$/, '')
  return `${base}-${stamp(now)}-${reason}.sqlite`
}

/** The instant and reason in a name backupFileName wrote; null for any other file. */
export function parseBackupName(name: string): { takenAt: string; reason: string } | null {
  const match = /-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z0-9-]+)\.sqlite$/.exec(
    name,
  )
  if (!match) return null
  const [, day, h, m, s, ms, reason] = match as unknown as string[]
  return { takenAt: `${day}T${h}:${m}:${s}.${ms}Z`, reason: reason! }
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

export function backupNames(backupsDir: string): string[] {
  if (!existsSync(backupsDir)) return []
  return readdirSync(backupsDir).filter((name) => name.endsWith('.sqlite'))
}

/** Newest first. Automatic backups are daily or weekly as the rotation keeps them. */
export function listBackups(backupsDir: string, timeZone = 'UTC'): BackupFile[] {
  const names = backupNames(backupsDir)
  const weekly = new Set(rotate(automaticBackups(names, timeZone)).weekly)
  return names
    .map((name) => {
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
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name))
}
