// The backups folder, newest first, each with a Restore that asks first.
import { useState } from 'react'
import type { BackupFile } from '../../../shared/contract'
import type { ErrorInfo } from '../../../shared/contract/errors'
import { api } from '../../api/client'
import { toErrorInfo } from '../../api/useQuery'
import { backupKindLabels, backupTakenAt as when } from '../../components/BackupChoices'
import { ConfirmDialog } from '../../components/Dialog'
import { formatBytes } from '../../format'

const restoredKey = 'outreach-ledger-restored'

/**
 * The notice a restore leaves for the reloaded window. Read while rendering, removed once shown
 * (`forgetRestoredNotice` from an effect): a render React throws away (a lazy part of the screen
 * still loading) must not use it up.
 */
export function restoredNotice(): { text: string; file: string } | null {
  const saved = sessionStorage.getItem(restoredKey)
  return saved ? (JSON.parse(saved) as { text: string; file: string }) : null
}

export function forgetRestoredNotice(): void {
  sessionStorage.removeItem(restoredKey)
}

/** The file name at the end of a path the main process gave (either separator). */
export const fileNameOf = (path: string) => path.split(/[\\/]/).pop() ?? path

/**
 * Restores a listed backup (or a ledger a restore kept aside, which undoes that restore) and
 * reloads the window: every screen read the old ledger. The notice is shown after the reload.
 */
export async function restoreAndReload(backup: string, text: string): Promise<void> {
  const result = await api.data.restore({ backup })
  sessionStorage.setItem(restoredKey, JSON.stringify({ text, file: result.keptAside }))
  window.location.reload()
}

const describeRestore = (backup: BackupFile) =>
  backup.kind === 'before-restore'
    ? `The ledger goes back to how it was on ${when(backup.createdAt)}, just before a restore replaced it.`
    : `The ledger goes back to how it was on ${when(backup.createdAt)}.`

export function BackupsList({
  backups,
  onError,
}: {
  backups: BackupFile[]
  onError: (error: ErrorInfo) => void
}) {
  const [restoring, setRestoring] = useState<BackupFile | null>(null)

  async function restore(backup: BackupFile) {
    try {
      await restoreAndReload(
        backup.name,
        backup.kind === 'before-restore'
          ? `Went back to the ledger as it was before the restore of ${when(backup.createdAt)}. The ledger it replaced is kept at`
          : `Restored the backup from ${when(backup.createdAt)}. The ledger it replaced is kept at`,
      )
    } catch (caught) {
      onError(toErrorInfo(caught))
    }
  }

  if (backups.length === 0)
    return <p className="muted">No backups yet. One is made before every upgrade of the file.</p>

  return (
    <>
      <table className="table" aria-label="Backups">
        <thead>
          <tr>
            <th scope="col">Taken</th>
            <th scope="col">Kind</th>
            <th scope="col">File</th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.name}>
              <td className="nowrap">{when(b.createdAt)}</td>
              <td>
                <span className="badge">{backupKindLabels[b.kind]}</span>
              </td>
              <td>
                <code>{b.name}</code>
              </td>
              <td className="num nowrap">{formatBytes(b.bytes)}</td>
              <td className="num">
                <button
                  type="button"
                  className="button small"
                  aria-label={`Restore ${b.name}`}
                  onClick={() => setRestoring(b)}
                >
                  Restore
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={restoring !== null}
        onOpenChange={(open) => !open && setRestoring(null)}
        title="Restore this backup?"
        description={
          restoring
            ? `${describeRestore(restoring)} Your current ledger file is kept beside it (renamed, not deleted) and listed here, so nothing is lost and you can go back.`
            : ''
        }
        confirmLabel="Restore backup"
        tone="danger"
        onConfirm={() => restoring && void restore(restoring)}
      />
    </>
  )
}
