// One seat in Settings, with rename, archive and restore.
import { useState, type FormEvent } from 'react'
import type { Seat } from '../../../shared/contract'
import type { ErrorInfo } from '../../../shared/contract/errors'
import { api } from '../../api/client'
import { toErrorInfo } from '../../api/useQuery'
import { ConfirmDialog, Dialog } from '../../components/Dialog'
import { ErrorNotice } from '../../components/Notices'
import { formatDay, ordinal } from '../../format'

export function SeatRow({ seat, onChanged }: { seat: Seat; onChanged: () => void }) {
  const [renaming, setRenaming] = useState(false)
  const [archiving, setArchiving] = useState(false)
  const [name, setName] = useState(seat.name)
  const [error, setError] = useState<ErrorInfo | null>(null)

  async function rename(event: FormEvent) {
    event.preventDefault()
    try {
      await api.seats.rename({ seatId: seat.id, name })
      setRenaming(false)
      onChanged()
    } catch (caught) {
      setError(toErrorInfo(caught))
    }
  }

  async function setArchived(archived: boolean) {
    try {
      await (archived ? api.seats.archive : api.seats.restore)({ seatId: seat.id })
      onChanged()
    } catch (caught) {
      setError(toErrorInfo(caught))
    }
  }

  const archived = seat.archivedAt !== null
  return (
    <tr className={archived ? 'archived' : undefined}>
      <th scope="row">
        {seat.name}
        {archived && <span className="badge">Archived</span>}
        {error && !renaming && <ErrorNotice error={error} />}
      </th>
      <td>{seat.planName}</td>
      <td className="num">{seat.terms.monthlyCredits}</td>
      <td className="num">{seat.terms.cap}</td>
      <td>{seat.terms.renewal === 'first-of-month' ? '1st' : ordinal(seat.terms.renewalDay)}</td>
      <td>{formatDay(seat.startedOn)}</td>
      <td className="actions">
        <Dialog
          open={renaming}
          onOpenChange={(open) => {
            if (open) {
              setName(seat.name)
              setError(null)
            }
            setRenaming(open)
          }}
          title={`Rename ${seat.name}`}
          trigger={
            <button type="button" className="button small" aria-label={`Rename ${seat.name}`}>
              Rename
            </button>
          }
        >
          <form className="form" onSubmit={rename} noValidate>
            {error && <ErrorNotice error={error} />}
            <label htmlFor={`rename-${seat.id}`}>New name</label>
            <input
              id={`rename-${seat.id}`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoFocus
              maxLength={60}
            />
            <div className="dialog-actions">
              <button type="button" className="button" onClick={() => setRenaming(false)}>
                Cancel
              </button>
              <button type="submit" className="button primary">
                Rename
              </button>
            </div>
          </form>
        </Dialog>
        {archived ? (
          <button
            type="button"
            className="button small"
            onClick={() => void setArchived(false)}
            aria-label={`Restore ${seat.name}`}
          >
            Restore
          </button>
        ) : (
          <ConfirmDialog
            open={archiving}
            onOpenChange={setArchiving}
            title={`Archive ${seat.name}?`}
            description="The seat leaves your dashboard. Its history stays in the ledger, and you can restore it from Settings at any time."
            confirmLabel="Archive seat"
            onConfirm={() => void setArchived(true)}
            trigger={
              <button type="button" className="button small" aria-label={`Archive ${seat.name}`}>
                Archive
              </button>
            }
          />
        )}
      </td>
    </tr>
  )
}
