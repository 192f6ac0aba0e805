// The form for a new seat: a plan from the catalogue (terms shown) or custom terms.
import { useId, useState, type FormEvent } from 'react'
import type { Seat } from '../../shared/contract'
import type { ErrorInfo } from '../../shared/contract/errors'
import { catalogPlanIds, plans, type PlanId } from '../../shared/domain/plans'
import { api } from '../api/client'
import { toErrorInfo } from '../api/useQuery'
import { formatCents } from '../format'
import { localToday } from './FormDialog'
import { ErrorNotice } from './Notices'

function optionalNumber(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text)
}

interface SeatFormProps {
  submitLabel: string
  onAdded: (seat: Seat) => void
  onCancel?: () => void
}

export function SeatForm({ submitLabel, onAdded, onCancel }: SeatFormProps) {
  const id = useId()
  const [name, setName] = useState('')
  const [planId, setPlanId] = useState<PlanId>('recruiter-lite')
  const [startedOn, setStartedOn] = useState(localToday)
  const [renewalDay, setRenewalDay] = useState('')
  const [monthly, setMonthly] = useState('')
  const [cap, setCap] = useState('')
  const [price, setPrice] = useState('')
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [saving, setSaving] = useState(false)

  const plan = planId === 'custom' ? null : plans[planId]

  async function submit(event: FormEvent) {
    event.preventDefault()
    setSaving(true)
    setError(null)
    try {
      const day = optionalNumber(renewalDay)
      const seat = await api.seats.add({
        name,
        planId,
        startedOn,
        ...(day === undefined ? {} : { renewalDay: day }),
        ...(planId === 'custom'
          ? {
              custom: {
                monthlyCredits: optionalNumber(monthly) ?? Number.NaN,
                cap: optionalNumber(cap) ?? Number.NaN,
                priceCents: Math.round((optionalNumber(price) ?? 0) * 100),
              },
            }
          : {}),
      })
      onAdded(seat)
    } catch (caught) {
      setError(toErrorInfo(caught))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="form" onSubmit={submit} aria-label="New seat" noValidate>
      {error && <ErrorNotice error={error} />}
      <label htmlFor={`${id}-name`}>Seat name</label>
      <input
        id={`${id}-name`}
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder="e.g. Work Recruiter Lite"
        autoFocus
        maxLength={60}
      />
      <label htmlFor={`${id}-plan`}>Plan</label>
      <select
        id={`${id}-plan`}
        value={planId}
        onChange={(e) => setPlanId(e.target.value as PlanId)}
      >
        {catalogPlanIds.map((planOption) => (
          <option key={planOption} value={planOption}>
            {plans[planOption].name}
          </option>
        ))}
        <option value="custom">Custom plan…</option>
      </select>
      {plan && (
        <p className="hint" data-testid="plan-terms">
          {plan.monthlyCredits} InMail credits a month, up to {plan.cap} saved,{' '}
          {plan.renewal === 'first-of-month'
            ? 'renewing on the 1st'
            : 'renewing on your billing day'}
          ; about {formatCents(plan.priceCents)}/month.
        </p>
      )}
      {planId === 'custom' && (
        <fieldset className="form-grid">
          <legend>Your contract's terms</legend>
          <label htmlFor={`${id}-monthly`}>Credits a month</label>
          <input
            id={`${id}-monthly`}
            inputMode="numeric"
            value={monthly}
            onChange={(e) => setMonthly(e.target.value)}
          />
          <label htmlFor={`${id}-cap`}>Most credits saved (cap)</label>
          <input
            id={`${id}-cap`}
            inputMode="numeric"
            value={cap}
            onChange={(e) => setCap(e.target.value)}
          />
          <label htmlFor={`${id}-price`}>Price a month (USD)</label>
          <input
            id={`${id}-price`}
            inputMode="decimal"
            value={price}
            onChange={(e) => setPrice(e.target.value)}
          />
        </fieldset>
      )}
      <label htmlFor={`${id}-since`}>Subscription started</label>
      <input
        id={`${id}-since`}
        type="date"
        value={startedOn}
        onChange={(e) => setStartedOn(e.target.value)}
      />
      <label htmlFor={`${id}-renewal`}>Renewal day (optional)</label>
      <input
        id={`${id}-renewal`}
        inputMode="numeric"
        value={renewalDay}
        onChange={(e) => setRenewalDay(e.target.value)}
        placeholder={plan?.renewal === 'first-of-month' ? '1' : 'day of the start date'}
      />
      <div className="dialog-actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  )
}
