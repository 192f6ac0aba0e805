import { useState } from 'react'
import type { ErrorInfo } from '../../../shared/contract/errors'
import { api } from '../../api/client'
import { ledgerChanged } from '../../api/changes'
import { toErrorInfo, useQuery } from '../../api/useQuery'
import { ConfirmDialog } from '../../components/Dialog'
import { ErrorNotice } from '../../components/Notices'

export function ImportHistory({ version }: { version: number }) {
  const [changed, setChanged] = useState(0)
  const list = useQuery(() => api.imports.list({}), [version, changed])
  const [undoing, setUndoing] = useState<number | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  if (list.state !== 'done' || list.data.length === 0) return null
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">Past imports</h2>
      {error && <ErrorNotice error={error} />}
      <table className="table" aria-label="Past imports">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">File</th>
            <th scope="col">Seat</th>
            <th scope="col">What came in</th>
            <th scope="col">
              <span className="visually-hidden">Undo</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data.map((i) => (
            <tr key={i.id} className={i.undoneAt ? 'archived' : undefined}>
              <td>{i.id}</td>
              <td className="nowrap">{new Date(i.createdAt).toLocaleString()}</td>
              <td>{i.source}</td>
              <td>{i.seat ?? '—'}</td>
              <td>
                {i.summary.inmails} InMails, {i.summary.messages} messages, {i.summary.responses}{' '}
                responses
              </td>
              <td className="actions">
                {i.undoneAt ? (
                  <span className="badge">Undone</span>
                ) : (
                  <button
                    type="button"
                    className="button small"
                    onClick={() => setUndoing(i.id)}
                    aria-label={`Undo import ${i.id}`}
                  >
                    Undo
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {undoing !== null && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setUndoing(null)}
          title={`Undo import #${undoing}?`}
          description="Everything it brought in stops counting: messages, responses and refunds. You can import the file again later."
          confirmLabel="Undo import"
          tone="danger"
          onConfirm={() =>
            void api.imports.undo({ importId: undoing }).then(
              () => {
                setUndoing(null)
                setChanged((c) => c + 1)
                ledgerChanged()
              },
              (caught: unknown) => setError(toErrorInfo(caught)),
            )
          }
        />
      )}
    </section>
  )
}
