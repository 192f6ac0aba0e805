// Write to a person from a template: fill the merge fields, copy it, and log it only once the
// user says it was sent (copying alone logs nothing).
import { useState } from 'react'
import type { ContactDetail, TemplateSummary } from '../../../shared/contract'
import type { ErrorInfo } from '../../../shared/contract/errors'
import { api } from '../../api/client'
import { toErrorInfo, useQuery } from '../../api/useQuery'
import { ErrorNotice } from '../../components/Notices'

export function WriteMessage({
  contact,
  onLogged,
}: {
  contact: ContactDetail
  onLogged: () => void
}) {
  const templates = useQuery(() => api.templates.list({}), [])
  const seats = useQuery(() => api.seats.list({}), [])
  const [chosen, setChosen] = useState<TemplateSummary | null>(null)
  const [text, setText] = useState<{
    subject: string | null
    body: string
    missing: string[]
  } | null>(null)
  const [copied, setCopied] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [logged, setLogged] = useState<string | null>(null)

  async function choose(id: number) {
    const template =
      templates.state === 'done' ? (templates.data.find((t) => t.id === id) ?? null) : null
    setChosen(template)
    setCopied(false)
    setLogged(null)
    setError(null)
    setText(
      template
        ? await api.templates.render({ templateId: template.id, contactId: contact.id })
        : null,
    )
  }

  async function copy() {
    if (!text) return
    const whole = text.subject ? `${text.subject}\n\n${text.body}` : text.body
    try {
      await navigator.clipboard.writeText(whole)
      setCopied(true)
    } catch {
      setError({
        code: 'INTERNAL',
        message: 'This window may not use the clipboard; select the text and copy it instead.',
      })
    }
  }

  async function markSent() {
    if (!chosen || seats.state !== 'done' || !seats.data[0]) return
    setError(null)
    const to = contact.profileUrl
      ? { profileUrl: contact.profileUrl }
      : { name: contact.name ?? '' }
    const at = new Date().toISOString()
    try {
      if (chosen.channel === 'inmail')
        await api.credits.send({
          seatId: seats.data[0].id,
          to,
          at,
          openProfile: contact.openProfile,
          template: chosen.name,
        })
      else
        await api.outreach.log({
          seatId: seats.data[0].id,
          channel: chosen.channel === 'connection-note' ? 'connection-note' : chosen.channel,
          to,
          at,
          template: chosen.name,
        })
      setLogged(`Logged as sent from ${seats.data[0].name}.`)
      onLogged()
    } catch (caught) {
      setError(toErrorInfo(caught))
    }
  }

  if (templates.state !== 'done' || templates.data.length === 0) return null
  return (
    <div className="write-message">
      <label htmlFor="write-template">Write from a template</label>
      <select
        id="write-template"
        value={chosen?.id ?? ''}
        onChange={(e) => void choose(Number(e.target.value))}
      >
        <option value="">Choose a template…</option>
        {templates.data.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      {text && (
        <>
          {text.missing.length > 0 && (
            <p className="notice warning" role="note">
              No value for {text.missing.map((f) => `{${f}}`).join(', ')}: fill it in before
              sending.
            </p>
          )}
          <pre className="rendered" aria-label="Message to send">
            {text.subject ? `${text.subject}\n\n` : ''}
            {text.body}
          </pre>
          {error && <ErrorNotice error={error} />}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy'}
            </button>
            <button
              type="button"
              className="button primary"
              onClick={() => void markSent()}
              disabled={logged !== null}
            >
              I sent it
            </button>
          </div>
          {logged && (
            <p className="notice success" role="status">
              {logged}
            </p>
          )}
        </>
      )}
    </div>
  )
}
