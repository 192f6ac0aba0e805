// The quick-log palette: Ctrl+K (or Cmd+K) anywhere, pick what happened, type the person, Enter.
import { useEffect, useId, useState, type FormEvent } from 'react'
import type { Seat } from '../../shared/contract'
import type { ErrorInfo } from '../../shared/contract/errors'
import { api } from '../api/client'
import { ledgerChanged } from '../api/changes'
import { toErrorInfo } from '../api/useQuery'
import { Dialog } from './Dialog'
import { localNow, recipientOf, toInstant } from './FormDialog'
import { ErrorNotice } from './Notices'
import { SeatField } from './SeatField'

type What = 'inmail' | 'message' | 'response' | 'meeting'
const choices: { what: What; label: string }[] = [
  { what: 'inmail', label: 'InMail sent' },
  { what: 'message', label: 'Other message sent' },
  { what: 'response', label: 'Response' },
  { what: 'meeting', label: 'Meeting' },
]

export function QuickLog() {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [what, setWhat] = useState<What>('inmail')
  const [person, setPerson] = useState('')
  const [seats, setSeats] = useState<Seat[]>([])
  const [seatId, setSeatId] = useState<number | null>(null)
  const [openProfile, setOpenProfile] = useState(false)
  const [channel, setChannel] = useState<'message' | 'connection-note' | 'email' | 'whatsapp'>(
    'message',
  )
  const [sentiment, setSentiment] = useState<'positive' | 'neutral' | 'negative'>('neutral')
  const [template, setTemplate] = useState('')
  const [at, setAt] = useState(localNow)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [done, setDone] = useState<string | null>(null)

  // Opening resets the form and fetches the seats, so each log starts fresh.
  function start() {
    setError(null)
    setDone(null)
    setPerson('')
    setAt(localNow())
    setOpen(true)
    void api.seats.list({}).then((list) => {
      setSeats(list)
      setSeatId((current) => (list.some((s) => s.id === current) ? current : (list[0]?.id ?? null)))
    })
  }

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        start()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  async function submit(event: FormEvent) {
    event.preventDefault()
    setError(null)
    try {
      const to = recipientOf(person)
      const when = toInstant(at)
      const seat = seatId ?? 0
      let message: string
      if (what === 'inmail') {
        const sent = await api.credits.send({
          seatId: seat,
          to,
          at: when,
          openProfile,
          ...(template.trim() ? { template } : {}),
        })
        message = [
          `Logged the InMail${sent.creditSpent ? ' (1 credit)' : ' (free)'}.`,
          ...sent.warnings.map((w) => w.message),
        ].join(' ')
      } else if (what === 'message') {
        await api.outreach.log({
          seatId: seat,
          channel,
          to,
          at: when,
          ...(template.trim() ? { template } : {}),
        })
        message = 'Logged the message.'
      } else if (what === 'response') {
        const r = await api.credits.respond({ to, at: when, sentiment })
        message = r.refunded ? 'Logged the response: 1 credit refunded.' : 'Logged the response.'
      } else {
        await api.credits.meeting({ to, at: when })
        message = 'Logged the meeting.'
      }
      setDone(message)
      setPerson('')
      ledgerChanged()
    } catch (caught) {
      setError(toErrorInfo(caught))
    }
  }

  return (
    <>
      <button type="button" className="button primary quick-log-button" onClick={start}>
        + Log <kbd>Ctrl K</kbd>
      </button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Quick log"
        description="Log what happened in a few keystrokes. Enter saves; Escape closes."
      >
        <form className="form" onSubmit={submit} noValidate aria-label="Quick log">
          {error && <ErrorNotice error={error} />}
          {done && (
            <p className="notice success" role="status">
              {done}
            </p>
          )}
          <div className="segmented" role="radiogroup" aria-label="What happened">
            {choices.map((c) => (
              <label key={c.what}>
                <input
                  type="radio"
                  name={`${id}-what`}
                  checked={what === c.what}
                  onChange={() => setWhat(c.what)}
                />
                {c.label}
              </label>
            ))}
          </div>
          <label htmlFor={`${id}-person`}>Person</label>
          <input
            id={`${id}-person`}
            value={person}
            onChange={(e) => setPerson(e.target.value)}
            placeholder="LinkedIn profile URL or name"
            autoFocus
          />
          {(what === 'inmail' || what === 'message') && (
            <SeatField
              label="Seat"
              id={`${id}-seat`}
              seats={seats}
              seatId={seatId}
              onChange={setSeatId}
            />
          )}
          {what === 'inmail' && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={openProfile}
                onChange={(e) => setOpenProfile(e.target.checked)}
              />
              Open Profile (free)
            </label>
          )}
          {what === 'message' && (
            <>
              <label htmlFor={`${id}-channel`}>Channel</label>
              <select
                id={`${id}-channel`}
                value={channel}
                onChange={(e) => setChannel(e.target.value as typeof channel)}
              >
                <option value="message">Message to a connection</option>
                <option value="connection-note">Connection request note</option>
                <option value="email">Email</option>
                <option value="whatsapp">WhatsApp</option>
              </select>
            </>
          )}
          {(what === 'inmail' || what === 'message') && (
            <>
              <label htmlFor={`${id}-template`}>Template (optional)</label>
              <input
                id={`${id}-template`}
                value={template}
                onChange={(e) => setTemplate(e.target.value)}
              />
            </>
          )}
          {what === 'response' && (
            <>
              <label htmlFor={`${id}-sentiment`}>Sentiment</label>
              <select
                id={`${id}-sentiment`}
                value={sentiment}
                onChange={(e) => setSentiment(e.target.value as typeof sentiment)}
              >
                <option value="positive">Positive</option>
                <option value="neutral">Neutral</option>
                <option value="negative">Negative</option>
              </select>
            </>
          )}
          <label htmlFor={`${id}-at`}>When</label>
          <input
            id={`${id}-at`}
            type="datetime-local"
            value={at}
            onChange={(e) => setAt(e.target.value)}
          />
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setOpen(false)}>
              Close
            </button>
            <button type="submit" className="button primary">
              Log
            </button>
          </div>
        </form>
      </Dialog>
    </>
  )
}
