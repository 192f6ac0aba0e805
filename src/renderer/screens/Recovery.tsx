// When the ledger file is damaged: restore a backup or start empty. The damaged file is kept.
import { useState } from 'react'
import type { AppStatus } from '../../shared/contract'
import type { ErrorInfo } from '../../shared/contract/errors'
import { api } from '../api/client'
import { toErrorInfo } from '../api/useQuery'
import { BackupChoices } from '../components/BackupChoices'
import { ConfirmDialog } from '../components/Dialog'
import { ErrorNotice } from '../components/Notices'

type Damaged = Extract<AppStatus, { state: 'damaged' }>

export function Recovery({ status, onRecovered }: { status: Damaged; onRecovered: () => void }) {
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [confirmEmpty, setConfirmEmpty] = useState(false)
  const [restoring, setRestoring] = useState<string | null>(null)

  async function recover(
    choice: { action: 'start-empty' } | { action: 'restore'; backup: string },
  ) {
    setError(null)
    setRestoring(choice.action === 'restore' ? choice.backup : null)
    try {
      await api.app.recover(choice)
      onRecovered()
    } catch (caught) {
      setError(toErrorInfo(caught))
    } finally {
      setRestoring(null)
    }
  }

  return (
    <main id="main" className="first-run">
      <header>
        <h1>Your ledger file needs attention</h1>
        <p className="subtitle">{status.message}</p>
      </header>
      {error && <ErrorNotice error={error} />}
      <section className="card" aria-labelledby="restore-heading">
        <h2 id="restore-heading">Restore a backup</h2>
        <p className="muted">
          Newest first. Daily and weekly backups are written while the app runs; manual ones are
          those you made, and "Before upgrade" ones were taken before the file was upgraded.
        </p>
        {status.backups.length === 0 ? (
          <p className="muted">There are no backups in the app's backups folder.</p>
        ) : (
          <BackupChoices
            backups={status.backups}
            restoring={restoring}
            onRestore={(b) => void recover({ action: 'restore', backup: b.name })}
          />
        )}
      </section>
      <section className="card" aria-labelledby="empty-heading">
        <h2 id="empty-heading">Start with an empty ledger</h2>
        <p className="muted">
          The damaged file is renamed and kept next to the new one, so nothing is deleted.
        </p>
        <button type="button" className="button danger" onClick={() => setConfirmEmpty(true)}>
          Start empty
        </button>
      </section>
      <p className="muted">
        File: <code>{status.dbPath}</code>
      </p>
      <ConfirmDialog
        open={confirmEmpty}
        onOpenChange={setConfirmEmpty}
        title="Start with an empty ledger?"
        description="The damaged file is set aside (renamed, not deleted) and a new, empty ledger is created."
        confirmLabel="Start empty"
        tone="danger"
        onConfirm={() => void recover({ action: 'start-empty' })}
      />
    </main>
  )
}
