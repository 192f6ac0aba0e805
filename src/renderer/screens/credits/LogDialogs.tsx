// Fast logging: an InMail sent, a response, a meeting. A few fields, sensible defaults.
import { useId, useState } from 'react'
import type { Seat } from '../../../shared/contract'
import { api } from '../../api/client'
import { FormDialog, localNow, recipientOf, toInstant } from '../../components/FormDialog'

function PersonField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const id = useId()
  return (
    <>
      <label htmlFor={id}>Person</label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="https://www.linkedin.com/in/… or their name"
        autoFocus
      />
    </>
  )
}

function WhenField({
  value,
  onChange,
  label,
}: {
  value: string
  onChange: (v: string) => void
  label: string
}) {
  const id = useId()
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="datetime-local"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  )
}

export function LogInmailDialog({
  seat,
  onLogged,
}: {
  seat: Seat
  onLogged: (message: string) => void
}) {
  const id = useId()
  const [to, setTo] = useState('')
  const [at, setAt] = useState(localNow)
  const [openProfile, setOpenProfile] = useState(false)
  const [template, setTemplate] = useState('')
  const [role, setRole] = useState('')
  return (
    <FormDialog
      title="Log an InMail"
      description={`Sent from ${seat.name}. It spends one credit unless it went to an Open Profile.`}
      submitLabel="Log InMail"
      trigger={
        <button type="button" className="button primary">
          Log InMail
        </button>
      }
      onOpen={() => {
        setTo('')
        setAt(localNow())
        setOpenProfile(false)
      }}
      onSubmit={async () => {
        const sent = await api.credits.send({
          seatId: seat.id,
          to: recipientOf(to),
          at: toInstant(at),
          openProfile,
          ...(template.trim() ? { template } : {}),
          ...(role.trim() ? { role } : {}),
        })
        onLogged(
          [
            `Logged the InMail to ${sent.contact.name ?? sent.contact.profileUrl}.`,
            ...sent.warnings.map((w) => w.message),
          ].join(' '),
        )
      }}
    >
      <PersonField value={to} onChange={setTo} />
      <WhenField value={at} onChange={setAt} label="Sent" />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={openProfile}
          onChange={(e) => setOpenProfile(e.target.checked)}
        />
        Open Profile (free, no credit)
      </label>
      <label htmlFor={`${id}-template`}>Template (optional)</label>
      <input id={`${id}-template`} value={template} onChange={(e) => setTemplate(e.target.value)} />
      <label htmlFor={`${id}-role`}>Role (optional)</label>
      <input id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)} />
    </FormDialog>
  )
}

export function LogResponseDialog({ onLogged }: { onLogged: (message: string) => void }) {
  const id = useId()
  const [to, setTo] = useState('')
  const [at, setAt] = useState(localNow)
  const [kind, setKind] = useState<'reply' | 'accept' | 'decline'>('reply')
  const [sentiment, setSentiment] = useState<'positive' | 'neutral' | 'negative'>('neutral')
  return (
    <FormDialog
      title="Log a response"
      description="It answers the person's latest InMail. A response within 90 days refunds the credit."
      submitLabel="Log response"
      trigger={
        <button type="button" className="button">
          Log response
        </button>
      }
      onOpen={() => {
        setTo('')
        setAt(localNow())
      }}
      onSubmit={async () => {
        const r = await api.credits.respond({
          to: recipientOf(to),
          at: toInstant(at),
          kind,
          sentiment,
        })
        onLogged(
          r.refunded
            ? 'Logged the response: 1 credit refunded.'
            : 'Logged the response. No credit came back.',
        )
      }}
    >
      <PersonField value={to} onChange={setTo} />
      <WhenField value={at} onChange={setAt} label="Responded" />
      <label htmlFor={`${id}-kind`}>Response</label>
      <select
        id={`${id}-kind`}
        value={kind}
        onChange={(e) => setKind(e.target.value as typeof kind)}
      >
        <option value="reply">Replied</option>
        <option value="accept">Accepted</option>
        <option value="decline">Declined ("Not interested")</option>
      </select>
      <label htmlFor={`${id}-sentiment`}>Sentiment</label>
      <select
        id={`${id}-sentiment`}
        value={sentiment}
        onChange={(e) => setSentiment(e.target.value as typeof sentiment)}
      >
        <option value="positive">Positive (wants to talk)</option>
        <option value="neutral">Neutral</option>
        <option value="negative">Negative</option>
      </select>
    </FormDialog>
  )
}

export function LogMeetingDialog({ onLogged }: { onLogged: (message: string) => void }) {
  const [to, setTo] = useState('')
  const [at, setAt] = useState(localNow)
  return (
    <FormDialog
      title="Log a meeting"
      description="A call or meeting booked with someone you sent an InMail."
      submitLabel="Log meeting"
      trigger={
        <button type="button" className="button">
          Log meeting
        </button>
      }
      onOpen={() => {
        setTo('')
        setAt(localNow())
      }}
      onSubmit={async () => {
        await api.credits.meeting({ to: recipientOf(to), at: toInstant(at) })
        onLogged('Logged the meeting.')
      }}
    >
      <PersonField value={to} onChange={setTo} />
      <WhenField value={at} onChange={setAt} label="Booked" />
    </FormDialog>
  )
}
