// Fast logging: an InMail sent, a response, a meeting. A few fields, sensible defaults.
import { useState } from 'react'
import type { Seat } from '../../../shared/contract'
import { api } from '../../api/client'
import { Field, SelectField } from '../../components/Field'
import { FormDialog, localNow, recipientOf, toInstant } from '../../components/FormDialog'

function PersonField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <Field
      label="Person"
      value={value}
      onChange={onChange}
      placeholder="https://www.linkedin.com/in/… or their name"
      autoFocus
    />
  )
}

function WhenField(props: { value: string; onChange: (v: string) => void; label: string }) {
  return <Field type="datetime-local" {...props} />
}

export function LogInmailDialog({
  seat,
  onLogged,
}: {
  seat: Seat
  onLogged: (message: string) => void
}) {
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
      <Field label="Template (optional)" value={template} onChange={setTemplate} />
      <Field label="Role (optional)" value={role} onChange={setRole} />
    </FormDialog>
  )
}

export function LogResponseDialog({ onLogged }: { onLogged: (message: string) => void }) {
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
      <SelectField label="Response" value={kind} onChange={setKind}>
        <option value="reply">Replied</option>
        <option value="accept">Accepted</option>
        <option value="decline">Declined ("Not interested")</option>
      </SelectField>
      <SelectField label="Sentiment" value={sentiment} onChange={setSentiment}>
        <option value="positive">Positive (wants to talk)</option>
        <option value="neutral">Neutral</option>
        <option value="negative">Negative</option>
      </SelectField>
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
