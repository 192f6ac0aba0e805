// One person: details to edit, the outreach timeline, and merges to undo.
import { useState, type FormEvent } from 'react'
import type { ContactDetail } from '../../../shared/contract'
import type { ErrorInfo } from '../../../shared/contract/errors'
import { api } from '../../api/client'
import { toErrorInfo, useQuery } from '../../api/useQuery'
import { ErrorNotice, Loading } from '../../components/Notices'
import { formatDay } from '../../format'
import { WriteMessage } from './WriteMessage'

function Editor({ contact, onSaved }: { contact: ContactDetail; onSaved: () => void }) {
  const [fields, setFields] = useState({
    name: contact.name ?? '',
    headline: contact.headline ?? '',
    company: contact.company ?? '',
    email: contact.email ?? '',
    tags: contact.tags.join(', '),
    notes: contact.notes ?? '',
    openProfile: contact.openProfile,
  })
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [saved, setSaved] = useState(false)

  async function save(event: FormEvent) {
    event.preventDefault()
    setError(null)
    try {
      await api.contacts.update({
        contactId: contact.id,
        name: fields.name,
        headline: fields.headline,
        company: fields.company,
        email: fields.email,
        notes: fields.notes,
        openProfile: fields.openProfile,
        tags: fields.tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      })
      setSaved(true)
      onSaved()
    } catch (caught) {
      setError(toErrorInfo(caught))
    }
  }

  const input = (key: 'name' | 'headline' | 'company' | 'email' | 'tags', label: string) => (
    <>
      <label htmlFor={`contact-${key}`}>{label}</label>
      <input
        id={`contact-${key}`}
        value={fields[key]}
        onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
      />
    </>
  )
  return (
    <form className="form" onSubmit={save} noValidate aria-label="Contact details">
      {error && <ErrorNotice error={error} />}
      {saved && !error && (
        <p className="notice success" role="status">
          Saved.
        </p>
      )}
      {input('name', 'Name')}
      {input('headline', 'Headline')}
      {input('company', 'Company')}
      {input('email', 'Email')}
      {input('tags', 'Tags (comma-separated)')}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={fields.openProfile}
          onChange={(e) => setFields({ ...fields, openProfile: e.target.checked })}
        />
        Open Profile (InMail to them is free)
      </label>
      <label htmlFor="contact-notes">Notes</label>
      <textarea
        id="contact-notes"
        rows={3}
        value={fields.notes}
        onChange={(e) => setFields({ ...fields, notes: e.target.value })}
      />
      <div className="dialog-actions">
        <button type="submit" className="button primary">
          Save details
        </button>
      </div>
    </form>
  )
}

export function ContactPanel({
  contactId,
  onChanged,
  onShow,
}: {
  contactId: number
  onChanged: () => void
  onShow: (id: number) => void
}) {
  const contact = useQuery(() => api.contacts.get({ contactId }), [contactId])
  const [error, setError] = useState<ErrorInfo | null>(null)
  if (contact.state === 'loading') return <Loading what="the contact" />
  if (contact.state === 'error') return <ErrorNotice error={contact.error} />
  const c = contact.data
  return (
    <section className="card" aria-label={`Contact: ${c.name ?? c.profileUrl ?? ''}`}>
      <h2>{c.name ?? 'Unnamed'}</h2>
      {c.profileUrl && <p className="muted">{c.profileUrl}</p>}
      <WriteMessage contact={c} onLogged={contact.reload} />
      <h3 className="subheading">Timeline</h3>
      {c.timeline.length === 0 ? (
        <p className="muted">No messages yet.</p>
      ) : (
        <ol className="timeline" aria-label="Timeline">
          {c.timeline.map((t) => (
            <li key={t.eventId} className={`timeline-${t.kind}`}>
              <span className="nowrap muted">{formatDay(t.at.slice(0, 10))}</span> {t.text}
              {t.seat && <span className="muted"> · {t.seat}</span>}
            </li>
          ))}
        </ol>
      )}
      {c.mergedFrom.length > 0 && (
        <>
          <h3 className="subheading">Merged into this contact</h3>
          {error && <ErrorNotice error={error} />}
          <ul className="backup-list">
            {c.mergedFrom.map((m) => (
              <li key={m.id}>
                <span>{m.name ?? m.profileUrl}</span>
                <button
                  type="button"
                  className="button small"
                  onClick={() =>
                    void api.contacts.undoMerge({ mergeId: m.mergeId }).then(
                      () => {
                        onChanged()
                        onShow(c.id)
                      },
                      (caught: unknown) => setError(toErrorInfo(caught)),
                    )
                  }
                >
                  Undo merge
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="subheading">Details</h3>
      <Editor contact={c} onSaved={onChanged} />
    </section>
  )
}
