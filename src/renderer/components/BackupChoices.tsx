// The backups to choose from where there is no ledger to lose (first run, a damaged file):
// newest first, each with when it was taken, its kind and size, and a Restore button.
import type { BackupFile, BackupKind } from '../../shared/contract'
import { formatBytes } from '../format'

export const backupKindLabels: Record<BackupKind, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  manual: 'Manual',
  'pre-migration': 'Before upgrade',
  'before-restore': 'Before restore',
}

export const backupTakenAt = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })

export function BackupChoices({
  backups,
  onRestore,
  restoring = null,
}: {
  backups: BackupFile[]
  onRestore: (backup: BackupFile) => void
  /** The backup being restored: every button waits, that one says so. */
  restoring?: string | null
}) {
  return (
    <ul className="backup-list" aria-label="Backups">
      {backups.map((b) => (
        <li key={b.name}>
          <span>
            <strong>{backupTakenAt(b.createdAt)}</strong>
            <span className="muted"> · {formatBytes(b.bytes)}</span>
            <span className="badge">{backupKindLabels[b.kind]}</span>
            <br />
            <code className="muted">{b.name}</code>
          </span>
          <button
            type="button"
            className="button primary small"
            aria-label={`Restore ${b.name}`}
            disabled={restoring !== null}
            onClick={() => onRestore(b)}
          >
            {restoring === b.name ? 'Restoring…' : 'Restore'}
          </button>
        </li>
      ))}
    </ul>
  )
}
