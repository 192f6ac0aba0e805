// The app itself: its health, its data file, backups and recovery.
import * as z from 'zod'
import { channel } from './channel'

/**
 * daily/weekly: written while the app runs and rotated; the others are never deleted.
 * before-restore: the ledger a restore replaced, kept beside it; restoring it undoes the restore.
 */
export type BackupKind = 'daily' | 'weekly' | 'manual' | 'pre-migration' | 'before-restore'

export interface BackupFile {
  /** File name inside the backups folder (beside the ledger for a before-restore one). */
  name: string
  createdAt: string
  bytes: number
  kind: BackupKind
}

export type AppStatus =
  | { state: 'ready'; dbPath: string; schemaVersion: number; seatCount: number }
  | { state: 'damaged'; dbPath: string; message: string; backups: BackupFile[] }
  | { state: 'too-new'; dbPath: string; message: string }

export interface DoctorReport {
  appVersion: string
  dataDir: string
  dbPath: string
  backupsDir: string
  schemaVersion: number
  latestSchemaVersion: number
  integrity: { ok: boolean; problems: string[] }
}

const empty = z.object({}).strict().default({})

export const app = {
  status: channel<AppStatus>()(empty),
  /** The status once the integrity check started on opening has answered (browser mode checks in the background). */
  checked: channel<AppStatus>()(empty),
  doctor: channel<DoctorReport>()(empty),
  backups: channel<BackupFile[]>()(empty),
  backup: channel<{ file: string; bytes: number }>()(
    z
      .object({
        out: z
          .string({ error: 'Give the backup file a path.' })
          .trim()
          .min(1, { error: 'Give the backup file a path.' })
          .optional(),
      })
      .default({}),
  ),
  recover: channel<AppStatus>()(
    z.discriminatedUnion(
      'action',
      [
        z.object({ action: z.literal('start-empty') }),
        z.object({
          action: z.literal('restore'),
          backup: z.string().min(1, { error: 'Choose a backup to restore.' }),
        }),
      ],
      { error: 'Choose how to recover: restore a backup or start empty.' },
    ),
  ),
}
