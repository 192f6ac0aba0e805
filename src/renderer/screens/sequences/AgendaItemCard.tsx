// One step to do: the person, the template filled in to copy, their timeline on demand, and
// one key each to mark it done (d), skip it (s) or snooze it a day (z). Snoozing by days lands
// on a day the sequence sends on; the screen says which.
import { useState, type KeyboardEvent } from 'react'
import type { AgendaItem, ContactDetail } from '../../../shared/contract'
import { stepChannelNames } from '../../../shared/contract/sequences'
import { addDays } from '../../../shared/domain/schedule'
import { api } from '../../api/client'
import { formatDay } from '../../format'

export type StepAction =
  | { kind: 'done' }
  | { kind: 'skip' }
  | { kind: 'snooze'; to: string }
  | { kind: 'snooze'; days: number }

interface Props {
  item: AgendaItem
  today: string
  onAction: (item: AgendaItem, action: StepAction) => void
}

export function AgendaItemCard({ item, today, onAction }: Props) {
  const [timeline, setTimeline] = useState<ContactDetail['timeline'] | null>(null)
  const [snoozeTo, setSnoozeTo] = useState(addDays(today, 1))
  const [copied, setCopied] = useState(false)
  const overdue = item.dueOn < today
  const text = [item.subject, item.body].filter(Boolean).join('\n\n')

  function onKey(event: KeyboardEvent<HTMLLIElement>) {
    if (event.target !== event.currentTarget) return
    if (event.key === 'd') onAction(item, { kind: 'done' })
    else if (event.key === 's') onAction(item, { kind: 'skip' })
    else if (event.key === 'z') onAction(item, { kind: 'snooze', days: 1 })
    else return
    event.preventDefault()
  }

  async function toggleTimeline() {
    if (timeline) return setTimeline(null)
    const contact = await api.contacts.get({ contactId: item.contactId })
    setTimeline(contact.timeline)
  }

  const label = `${stepChannelNames[item.channel]} to ${item.contact}`
  return (
    <li
      className={`agenda-item ${overdue ? 'overdue' : ''}`}
      tabIndex={0}
      onKeyDown={onKey}
      aria-label={label}
      data-step={item.step}
    >
      <div className="agenda-item-head">
        <strong>{item.contact}</strong>
        <span className="muted">
          {item.sequence}, step {item.position} of {item.stepCount}
          {item.exit ? ' (last)' : ''} · from {item.seat}
        </span>
        {overdue && <span className="badge">due {formatDay(item.dueOn)}</span>}
      </div>
      {item.note && <p className="muted">{item.note}</p>}
      {text && (
        <>
          <pre className="rendered" aria-label={`Message for ${item.contact}`}>
            {text}
          </pre>
          {item.missing.length > 0 && (
            <p className="hint">
              No value yet for: {item.missing.join(', ')}. Fill them in before sending.
            </p>
          )}
        </>
      )}
      {timeline && (
        <ol className="timeline" aria-label={`Timeline of ${item.contact}`}>
          {timeline.length === 0 && <li className="muted">Nothing logged yet.</li>}
          {timeline.map((t) => (
            <li key={t.eventId} className={`timeline-${t.kind}`}>
              <span className="nowrap muted">{formatDay(t.at.slice(0, 10))}</span> {t.text}
            </li>
          ))}
        </ol>
      )}
      <div className="agenda-item-actions">
        <button
          type="button"
          className="button small primary"
          onClick={() => onAction(item, { kind: 'done' })}
        >
          Done{item.channel === 'inmail' ? ' (1 credit)' : ''} <kbd>d</kbd>
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => onAction(item, { kind: 'skip' })}
        >
          Skip <kbd>s</kbd>
        </button>
        <button
          type="button"
          className="button small"
          title="One day later, or the next day the sequence sends on"
          onClick={() => onAction(item, { kind: 'snooze', days: 1 })}
        >
          +1 day <kbd>z</kbd>
        </button>
        <button
          type="button"
          className="button small"
          title="Three days later, or the next day the sequence sends on"
          onClick={() => onAction(item, { kind: 'snooze', days: 3 })}
        >
          +3 days
        </button>
        <label className="inline-field">
          <span className="visually-hidden">Snooze {item.contact} to</span>
          <input
            type="date"
            value={snoozeTo}
            min={today}
            onChange={(e) => setSnoozeTo(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="button small"
          onClick={() => onAction(item, { kind: 'snooze', to: snoozeTo })}
        >
          Snooze
        </button>
        <span className="toolbar-gap" />
        {text && (
          <button
            type="button"
            className="button small"
            onClick={() =>
              void navigator.clipboard?.writeText(text).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? 'Copied' : 'Copy message'}
          </button>
        )}
        <button type="button" className="button small" onClick={() => void toggleTimeline()}>
          {timeline ? 'Hide timeline' : 'Timeline'}
        </button>
        {item.profileUrl && (
          <a className="button small" href={item.profileUrl} target="_blank" rel="noreferrer">
            Profile
          </a>
        )}
      </div>
    </li>
  )
}
