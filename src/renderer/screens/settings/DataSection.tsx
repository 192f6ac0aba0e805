// Where the ledger lives, and backups.
import { useState } from 'react'
import type { ErrorInfo } from '../../../shared/contract/errors'
import { api } from '../../api/client'
import { toErrorInfo, useQuery } from '../../api/useQuery'
import { ErrorNotice } from '../../components/Notices'
import { formatBytes } from '../../format'

export function DataSection() {
  const doctor = useQuery(() => api.app.doctor({}), [])
  const backups = useQuery(() => api.app.backups({}), [])
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [saved, setSaved] = useState<string | null>(null)

  async function backUpNow() {
    setError(null)
    try {
      const result = await api.app.backup({})
      setSaved(result.file)
      backups.reload()
    } catch (caught) {
      setError(toErrorInfo(caught))
    }
  }

  return (
    <section className="card" aria-labelledby="data-heading">
      <div className="section-header">
        <h2 id="data-heading">Your data</h2>
        <button type="button" className="button" onClick={() => void backUpNow()}>
          Back up now
        </button>
      </div>
      {doctor.state === 'done' && (
        <dl className="facts vertical">
          <div>
            <dt>Ledger file</dt>
            <dd>
              <code>{doctor.data.dbPath}</code>
            </dd>
          </div>
          <div>
            <dt>Backups folder</dt>
            <dd>
              <code>{doctor.data.backupsDir}</code>
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
      {saved && (
        <p className="notice success" role="status">
          Backed up to <code>{saved}</code>
        </p>
      )}
      {backups.state === 'done' &&
        (backups.data.length === 0 ? (
          <p className="muted">No backups yet. One is made before every upgrade of the file.</p>
        ) : (
          <ul className="backup-list" aria-label="Backups">
            {backups.data.map((b) => (
              <li key={b.name}>
                <code>{b.name}</code> <span className="muted">{formatBytes(b.bytes)}</span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  )
}
