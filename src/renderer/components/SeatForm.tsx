// The form for a new seat: a plan from the catalogue (terms shown) or custom terms.
import { useState, type FormEvent } from 'react'
import type { Seat } from '../../shared/contract'
import type { ErrorInfo } from '../../shared/contract/errors'
import { catalogPlanIds, plans, type PlanId } from '../../shared/domain/plans'
import { api } from '../api/client'
import { toErrorInfo } from '../api/useQuery'
import { formatCents } from '../format'
import {
  CustomTermsFields,
  customTermsOf,
  noCustomTerms,
  type CustomTermsText,
} from './CustomTermsFields'
import { Field, SelectField } from './Field'
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
  const [name, setName] = useState('')
  const [planId, setPlanId] = useState<PlanId>('recruiter-lite')
  const [startedOn, setStartedOn] = useState(localToday)
  const [renewalDay, setRenewalDay] = useState('')
  const [terms, setTerms] = useState<CustomTermsText>(noCustomTerms)
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
        ...(planId === 'custom' ? { custom: customTermsOf(terms) } : {}),
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
      <Field
        label="Seat name"
        value={name}
        onChange={setName}
        placeholder="e.g. Work Recruiter Lite"
        autoFocus
        maxLength={60}
      />
      <SelectField label="Plan" value={planId} onChange={setPlanId}>
        {catalogPlanIds.map((planOption) => (
          <option key={planOption} value={planOption}>
            {plans[planOption].name}
          </option>
        ))}
        <option value="custom">Custom plan…</option>
      </SelectField>
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
          <CustomTermsFields value={terms} onChange={setTerms} withPrice />
        </fieldset>
      )}
      <Field label="Subscription started" type="date" value={startedOn} onChange={setStartedOn} />
      <Field
        label="Renewal day (optional)"
        inputMode="numeric"
        value={renewalDay}
        onChange={setRenewalDay}
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
