// Shown while there are no seats: add the first one, or (soon) import LinkedIn history.
import { SeatForm } from '../components/SeatForm'

export function FirstRun({ onDone }: { onDone: () => void }) {
  return (
    <main id="main" className="first-run">
      <header>
        <span className="brand-mark large" aria-hidden="true">
          OL
        </span>
        <h1>Welcome to Outreach Ledger</h1>
        <p className="subtitle">
          Know which InMail credits expire when, which refunds are still pending and what earns
          replies, on your own machine, with no account.
        </p>
      </header>
      <div className="first-run-grid">
        <section className="card" aria-labelledby="first-seat">
          <h2 id="first-seat">Add your first seat</h2>
          <p className="muted">
            The LinkedIn subscription you send InMail from. You can add more later in Settings.
          </p>
          <SeatForm submitLabel="Add seat and continue" onAdded={onDone} />
        </section>
        <section className="card subtle" aria-labelledby="import-heading">
          <h2 id="import-heading">Import your LinkedIn history</h2>
          <p className="muted">
            Bring in past InMails and replies from LinkedIn's "Get a copy of your data" export
            (messages.csv). Import arrives in the next update; add a seat now and your history can
            be imported into it then.
          </p>
          <button type="button" className="button" disabled aria-describedby="import-heading">
            Import from LinkedIn export (coming soon)
          </button>
        </section>
      </div>
    </main>
  )
}
