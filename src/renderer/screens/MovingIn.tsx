// First run, for someone who already keeps a ledger elsewhere: load the JSON export from the
// other computer, or restore a backup, instead of starting over. Both need the ledger to be
// empty, which is why they live here and nowhere else in the app.
import { useState } from 'react'
import type { BackupFile } from '../../shared/contract'
import { AppError, type ErrorInfo } from '../../shared/contract/errors'
import { api } from '../api/client'
import { toErrorInfo, useQuery } from '../api/useQuery'
import { BackupChoices } from '../components/BackupChoices'
import { Dialog } from '../components/Dialog'
import { FormDialog } from '../components/FormDialog'
import { ErrorNotice } from '../components/Notices'
import { canChooseFiles, PathField } from '../components/PathField'

/** Tables by what they hold, for a person ("1 in the credit history"); others by their name. */
const tableWords: Record<string, string> = {
  ledger_events: 'the credit history',
}

/** The ledger's own message, with what to do about it here (not on the command line). */
function importProblem(error: ErrorInfo, dbPath: string | null): ErrorInfo {
  if (error.code === 'EXPORT_INVALID')
    return {
      ...error,
      message: `${error.message} Choose the .json file that "Export all data" wrote (Settings → Your data on the other computer).`,
    }
  if (error.code === 'LEDGER_NOT_EMPTY') {
    const tables = (error.details as { tables?: Record<string, number> } | undefined)?.tables
    const held = tables
      ? ` (${Object.entries(tables)
          .map(([table, rows]) => `${rows} in ${tableWords[table] ?? table.replace(/_/g, ' ')}`)
          .join(', ')})`
      : ''
    const file = dbPath ? ` ${dbPath}` : ' the ledger file'
    return {
      ...error,
      message: `This ledger is not empty any more${held}, so an import could mix two histories. An export only goes into an empty ledger: to import it anyway, close the app, move${file} to another folder, and open the app again.`,
    }
  }
  // EXPORT_TOO_NEW already says to update the app first.
  return error
}

/** The refusal as an AppError again, reworded, for FormDialog to show in place. */
async function explained(caught: unknown): Promise<AppError> {
  const status = await api.app.status({}).catch(() => null)
  const problem = importProblem(toErrorInfo(caught), status?.dbPath ?? null)
  return new AppError(problem.code, problem.message, problem.details)
}

function ImportExportDialog({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState('')
  return (
    <FormDialog
      title="Import an export file"
      description='The JSON file "Export all data" wrote on your other computer (Settings → Your data). Seats, credits, outreach, templates and settings all come across; older exports are upgraded on the way in.'
      submitLabel="Import"
      trigger={
        <button type="button" className="button">
          Import an export file (JSON)
        </button>
      }
      onSubmit={async () => {
        try {
          await api.data.import({ file })
        } catch (caught) {
          throw await explained(caught)
        }
        onImported()
      }}
    >
      <PathField
        label="Export file (JSON)"
        value={file}
        onChange={setFile}
        file="ledger-export"
        placeholder="/home/you/Downloads/ledger-export.json"
        hint={
          canChooseFiles()
            ? 'Copy the file to this computer, then choose it (or paste its full path).'
            : 'Copy the file to this computer, then type or paste its full path.'
        }
        autoFocus
      />
    </FormDialog>
  )
}

function BackupsToRestore({ onRestored }: { onRestored: () => void }) {
  const backups = useQuery(() => api.app.backups({}), [])
  const doctor = useQuery(() => api.app.doctor({}), [])
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [restoring, setRestoring] = useState<string | null>(null)

  async function restore(backup: BackupFile) {
    setError(null)
    setRestoring(backup.name)
    try {
      await api.data.restore({ backup: backup.name })
      onRestored()
    } catch (caught) {
      setError(toErrorInfo(caught))
      setRestoring(null)
    }
  }

  const folder =
    doctor.state === 'done' ? <code>{doctor.data.backupsDir}</code> : 'the backups folder'
  return (
    <>
      {error && <ErrorNotice error={error} />}
      {backups.state === 'error' && <ErrorNotice error={backups.error} />}
      {backups.state === 'done' && backups.data.length === 0 && (
        <p className="notice" role="status">
          There are no backups on this computer yet.
        </p>
      )}
      {backups.state === 'done' && backups.data.length > 0 && (
        <BackupChoices
          backups={backups.data}
          restoring={restoring}
          onRestore={(b) => void restore(b)}
        />
      )}
      <p className="hint">
        To use a backup from your other computer, copy its .sqlite file into {folder}, then look
        again. The empty ledger it replaces is kept beside it, not deleted.
      </p>
      <div className="dialog-actions">
        <button
          type="button"
          className="button"
          disabled={restoring !== null}
          onClick={() => {
            setError(null)
            backups.reload()
          }}
        >
          Look again
        </button>
      </div>
    </>
  )
}

function RestoreBackupDialog({ onRestored }: { onRestored: () => void }) {
  const [open, setOpen] = useState(false)
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Restore a backup"
      description="The ledger comes back as it was when the backup was taken. Newest first."
      trigger={
        <button type="button" className="button">
          Restore a backup
        </button>
      }
    >
      {/* Mounted while open, so the list is read afresh each time. */}
      {open && (
        <BackupsToRestore
          onRestored={() => {
            setOpen(false)
            onRestored()
          }}
        />
      )}
    </Dialog>
  )
}

/** The card on the first-run screen; `onMoved` runs once the ledger holds the data. */
export function MovingIn({ onMoved }: { onMoved: () => void }) {
  return (
    <section className="card subtle" aria-labelledby="moving-heading">
      <h2 id="moving-heading">Moving from another computer?</h2>
      <p className="muted">
        Bring your whole ledger across instead of starting over: import the export file you made
        there, or restore a backup.
      </p>
      {/* Left-aligned, unlike a dialog's own buttons. */}
      <div className="dialog-actions" style={{ justifyContent: 'flex-start', flexWrap: 'wrap' }}>
        <ImportExportDialog onImported={onMoved} />
        <RestoreBackupDialog onRestored={onMoved} />
      </div>
    </section>
  )
}
