// Consistent copies of the live ledger. db.backup() reads through SQLite, so rows still in the
// WAL are included; a plain file copy of a WAL database can lose them.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type Database from 'better-sqlite3'
import type { BackupFile } from '../../shared/contract'
import { AppError } from '../../shared/contract/errors'

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-')
}

export function backupFileName(dbPath: string, reason: string, now: Date): string {
  const base = basename(dbPath).replace(/\.sqlite$/, '')
  return `${base}-${stamp(now)}-${reason}.sqlite`
}

export async function backupTo(db: Database.Database, file: string): Promise<number> {
  if (existsSync(file))
    throw new AppError(
      'BACKUP_FAILED',
      `A file already exists at ${file}. Choose a new file name so nothing is overwritten.`,
    )
  try {
    mkdirSync(dirname(file), { recursive: true })
    await db.backup(file)
  } catch (error) {
    throw new AppError(
      'BACKUP_FAILED',
      `Could not write the backup to ${file}: ${(error as Error).message}`,
    )
  }
  return statSync(file).size
}

export function listBackups(backupsDir: string): BackupFile[] {
  if (!existsSync(backupsDir)) return []
  return readdirSync(backupsDir)
    .filter((name) => name.endsWith('.sqlite'))
    .map((name) => {
      const info = statSync(join(backupsDir, name))
      return { name, createdAt: info.mtime.toISOString(), bytes: info.size }
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name))
}
