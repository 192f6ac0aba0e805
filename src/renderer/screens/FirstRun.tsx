// Shown while there are no seats: add the first one, then (if wanted) import LinkedIn history;
// or, moving from another computer, bring the whole ledger across (MovingIn).
import { useState } from 'react'
import { SeatForm } from '../components/SeatForm'
import { navigate } from '../router'
import { MovingIn } from './MovingIn'

export function FirstRun({ onDone }: { onDone: () => void }) {
  const [importNext, setImportNext] = useState(true)
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
          <SeatForm
            submitLabel="Add seat and continue"
            onAdded={() => {
              if (importNext) navigate('import')
              onDone()
            }}
          />
        </section>
        <div>
          <section className="card subtle" aria-labelledby="import-heading">
            <h2 id="import-heading">Import your LinkedIn history</h2>
            <p className="muted">
              Bring in past InMails and replies from LinkedIn's "Get a copy of your data" export
              (messages.csv), or a spreadsheet you kept. You will see what was found before anything
              is written, and can undo an import at any time.
            </p>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={importNext}
                onChange={(e) => setImportNext(e.target.checked)}
              />
              Take me to Import after adding my seat
            </label>
          </section>
          <MovingIn
            onMoved={() => {
              navigate('dashboard')
              onDone()
            }}
          />
        </div>
      </div>
    </main>
  )
}
