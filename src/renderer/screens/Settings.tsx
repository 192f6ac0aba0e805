import { useState } from 'react'
import type { Seat } from '../../shared/contract'
import { api } from '../api/client'
import { useQuery } from '../api/useQuery'
import { ErrorNotice, Loading } from '../components/Notices'
import { SeatForm } from '../components/SeatForm'
import { Dialog } from '../components/Dialog'
import { SeatRow } from './settings/SeatRow'
import { DataSection } from './settings/DataSection'
import { RolesSection } from './settings/RolesSection'

export function Settings() {
  const [showArchived, setShowArchived] = useState(false)
  const [adding, setAdding] = useState(false)
  const seats = useQuery(() => api.seats.list({ includeArchived: showArchived }), [showArchived])

  return (
    <>
      <header className="page-header">
        <h1>Settings</h1>
      </header>
      <section className="card" aria-labelledby="seats-heading">
        <div className="section-header">
          <h2 id="seats-heading">Seats</h2>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={showArchived}
              onChange={(e) => setShowArchived(e.target.checked)}
            />
            Show archived
          </label>
          <Dialog
            open={adding}
            onOpenChange={setAdding}
            title="Add a seat"
            description="A seat is one LinkedIn subscription. Its credits are tracked on their own."
            trigger={
              <button type="button" className="button primary">
                Add seat
              </button>
            }
          >
            <SeatForm
              submitLabel="Add seat"
              onCancel={() => setAdding(false)}
              onAdded={() => {
                setAdding(false)
                seats.reload()
              }}
            />
          </Dialog>
        </div>
        {seats.state === 'loading' && <Loading what="seats" />}
        {seats.state === 'error' && <ErrorNotice error={seats.error} />}
        {seats.state === 'done' && seats.data.length === 0 && (
          <p className="muted">No seats yet. Add the LinkedIn subscription you send InMail from.</p>
        )}
        {seats.state === 'done' && seats.data.length > 0 && (
          <table className="table" aria-label="Seats">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Plan</th>
                <th scope="col" className="num">
                  Credits/mo
                </th>
                <th scope="col" className="num">
                  Cap
                </th>
                <th scope="col">Renews</th>
                <th scope="col">Since</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {seats.data.map((seat: Seat) => (
                <SeatRow key={seat.id} seat={seat} onChanged={seats.reload} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <RolesSection />
      <DataSection />
    </>
  )
}
