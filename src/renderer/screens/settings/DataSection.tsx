// Where the ledger lives, backing it up and restoring it, and exporting all of it as JSON.
import { useEffect, useState } from 'react'
import type { ErrorInfo } from '../../../shared/contract/errors'
import { api } from '../../api/client'
import { toErrorInfo, useQuery } from '../../api/useQuery'
import { ErrorNotice } from '../../components/Notices'
import { SavedPath } from '../../components/PathField'
import {
  BackupsList,
  fileNameOf,
  forgetRestoredNotice,
  restoreAndReload,
  restoredNotice,
} from './BackupsList'

type Done = { kind: 'backup' | 'export' | 'restored'; text: string; file: string }

export function DataSection() {
  const doctor = useQuery(() => api.app.doctor({}), [])
  const backups = useQuery(() => api.app.backups({}), [])
  const [error, setError] = useState<ErrorInfo | null>(null)
  // After a restore the window reloads; the notice it left is shown once.
  const [done, setDone] = useState<Done | null>(() => {
    const restored = restoredNotice()
    return restored ? { kind: 'restored', ...restored } : null
  })
  useEffect(forgetRestoredNotice, [])
  const [busy, setBusy] = useState(false)

  async function run(action: () => Promise<Done>) {
    setError(null)
    setDone(null)
    setBusy(true)
    try {
      setDone(await action())
      backups.reload()
    } catch (caught) {
      setError(toErrorInfo(caught))
    } finally {
      setBusy(false)
    }
  }

  // The ledger the restore replaced is itself restorable: going back keeps this one aside too.
  async function undoRestore(keptAside: string) {
    setError(null)
    setBusy(true)
    try {
      await restoreAndReload(
        fileNameOf(keptAside),
        'Undid the restore: the ledger is back as it was. The one restored is kept at',
      )
    } catch (caught) {
      setError(toErrorInfo(caught))
      setBusy(false)
    }
  }

  const backUpNow = () =>
    run(async () => {
      const result = await api.app.backup({})
      return { kind: 'backup', text: 'Backed up to', file: result.file }
    })

  const exportAll = () =>
    run(async () => {
      const result = await api.data.export({})
      const rows = Object.values(result.rows).reduce((sum, n) => sum + n, 0)
      return {
        kind: 'export',
        text: `Exported ${rows.toLocaleString('en-US')} rows from ${Object.keys(result.rows).length} tables to`,
        file: result.file,
      }
    })

  return (
    <section className="card" aria-labelledby="data-heading">
      <div className="section-header">
        <h2 id="data-heading">Your data</h2>
        <button type="button" className="button" disabled={busy} onClick={() => void exportAll()}>
          Export all data (JSON)
        </button>
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => void backUpNow()}
        >
          Back up now
        </button>
      </div>
      {doctor.state === 'done' && (
        <dl className="facts vertical">
          <div>
            <dt>Ledger file</dt>
            <dd>
              <SavedPath path={doctor.data.dbPath} />
            </dd>
          </div>
          <div>
            <dt>Backups folder</dt>
            <dd>
              <SavedPath path={doctor.data.backupsDir} />
            </dd>
          </div>
          <div>
            <dt>Version</dt>
            <dd>
              {doctor.data.appVersion} (schema {doctor.data.schemaVersion})
            </dd>
          </div>
        </dl>
      )}
      {error && <ErrorNotice error={error} />}
      {done && (
        <div className="notice success" role="status">
          {done.text} <SavedPath path={done.file} />
          {done.kind === 'restored' && (
            <button
              type="button"
              className="button small"
              disabled={busy}
              onClick={() => void undoRestore(done.file)}
            >
              Undo restore
            </button>
          )}
        </div>
      )}
      <h3 className="subheading">Backups</h3>
      <p className="muted">
        While the app runs it backs up once a day and keeps the last 7 days and 4 weeks before them.
        Backups from before an upgrade, the ones you make and the ledgers a restore replaced
        (“Before restore”, kept beside the ledger file) are never deleted; restoring one of those
        undoes that restore.
      </p>
      {backups.state === 'error' && <ErrorNotice error={backups.error} />}
      {backups.state === 'done' && <BackupsList backups={backups.data} onError={setError} />}
    </section>
  )
}
