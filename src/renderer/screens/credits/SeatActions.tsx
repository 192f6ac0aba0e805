// What the user tells the ledger about the seat itself: LinkedIn's counter, purchases, plan
// changes, cancellation and the credit rules where sources disagree.
import { useState } from 'react'
import type { Balance, Seat } from '../../../shared/contract'
import { catalogPlanIds, plans, type PlanId } from '../../../shared/domain/plans'
import { api } from '../../api/client'
import {
  CustomTermsFields,
  centsOf,
  customTermsOf,
  noCustomTerms,
  numberOrNaN,
} from '../../components/CustomTermsFields'
import { Field, SelectField } from '../../components/Field'
import { FormDialog, localToday } from '../../components/FormDialog'

type Done = (message: string) => void

export function ReconcileDialog({ seat, onDone }: { seat: Seat; onDone: Done }) {
  const [shown, setShown] = useState('')
  const [day, setDay] = useState(localToday)
  const [note, setNote] = useState('')
  return (
    <FormDialog
      title="LinkedIn shows…"
      description="Enter the InMail credits LinkedIn shows. If the ledger disagrees, an adjustment is recorded with a note; nothing is rewritten."
      submitLabel="Reconcile"
      trigger={
        <button type="button" className="button">
          LinkedIn shows…
        </button>
      }
      onOpen={() => {
        setShown('')
        setDay(localToday())
        setNote('')
      }}
      onSubmit={async () => {
        const r = await api.credits.reconcile({
          seatId: seat.id,
          at: day,
          shown: numberOrNaN(shown),
          ...(note.trim() ? { note } : {}),
        })
        onDone(
          r.adjustment === 0
            ? `LinkedIn and the ledger agree: ${r.shown} credits.`
            : `Adjusted by ${r.adjustment > 0 ? '+' : ''}${r.adjustment}: LinkedIn shows ${r.shown}, the ledger had ${r.computed}.`,
        )
      }}
    >
      <Field
        label="Credits LinkedIn shows"
        inputMode="numeric"
        value={shown}
        onChange={setShown}
        autoFocus
      />
      <Field label="On" type="date" value={day} onChange={setDay} />
      <Field label="Note (optional)" value={note} onChange={setNote} />
    </FormDialog>
  )
}

export function PurchaseDialog({ seat, onDone }: { seat: Seat; onDone: Done }) {
  const [count, setCount] = useState('')
  const [price, setPrice] = useState('')
  const [day, setDay] = useState(localToday)
  return (
    <FormDialog
      title="Record a purchase"
      description="Credits you bought. They follow the seat's expiry rule from the day of purchase."
      submitLabel="Record purchase"
      trigger={
        <button type="button" className="button">
          Record purchase
        </button>
      }
      onOpen={() => {
        setCount('')
        setPrice('')
        setDay(localToday())
      }}
      onSubmit={async () => {
        await api.credits.purchase({
          seatId: seat.id,
          credits: numberOrNaN(count),
          at: day,
          priceCents: centsOf(price),
        })
        onDone(`Recorded ${count} purchased credits.`)
      }}
    >
      <Field label="Credits" inputMode="numeric" value={count} onChange={setCount} autoFocus />
      <Field label="Total price (USD)" inputMode="decimal" value={price} onChange={setPrice} />
      <Field label="Bought on" type="date" value={day} onChange={setDay} />
    </FormDialog>
  )
}

export function ChangePlanDialog({ seat, onDone }: { seat: Seat; onDone: Done }) {
  const [planId, setPlanId] = useState<PlanId>(seat.planId)
  const [day, setDay] = useState(localToday)
  const [terms, setTerms] = useState(noCustomTerms)
  return (
    <FormDialog
      title="Change plan"
      description="Credits do not move between plans: the current credits are forfeited and the new plan's cycle starts on that day."
      submitLabel="Change plan"
      trigger={
        <button type="button" className="button">
          Change plan
        </button>
      }
      onOpen={() => setDay(localToday())}
      onSubmit={async () => {
        const r = await api.credits.changePlan({
          seatId: seat.id,
          at: day,
          planId,
          ...(planId === 'custom' ? { custom: customTermsOf(terms) } : {}),
        })
        onDone(`Plan changed; ${r.forfeited} credits of the old plan were forfeited.`)
      }}
    >
      <SelectField label="New plan" value={planId} onChange={setPlanId}>
        {catalogPlanIds.map((p) => (
          <option key={p} value={p}>
            {plans[p].name}
          </option>
        ))}
        <option value="custom">Custom plan…</option>
      </SelectField>
      {planId === 'custom' && <CustomTermsFields value={terms} onChange={setTerms} />}
      <Field label="From" type="date" value={day} onChange={setDay} />
    </FormDialog>
  )
}

export function CancelSeatDialog({
  seat,
  balance,
  onDone,
}: {
  seat: Seat
  balance: Balance
  onDone: Done
}) {
  const [day, setDay] = useState(localToday)
  return (
    <FormDialog
      title={`Cancel ${seat.name}?`}
      description={`Cancelling forfeits every credit at once (${balance.available} now), and no more credits arrive.`}
      submitLabel="Record cancellation"
      trigger={
        <button type="button" className="button danger-outline">
          Cancel subscription
        </button>
      }
      onOpen={() => setDay(localToday())}
      onSubmit={async () => {
        const r = await api.credits.cancel({ seatId: seat.id, at: day })
        onDone(`Recorded the cancellation; ${r.forfeited} credits forfeited.`)
      }}
    >
      <Field label="Cancelled on" type="date" value={day} onChange={setDay} />
    </FormDialog>
  )
}

const expiryChoices = [
  ['90d', '90 days after they arrive', 'LinkedIn Help and most guides (default)'],
  ['never', 'Never; only the cap limits them', 'older Sales Navigator help'],
  ['no-rollover', 'At each renewal (no rollover)', 'some guides (seed 002)'],
  ['inactive-90d', 'After 90 days without sending', 'seed 003'],
] as const

export function PolicyDialog({
  seat,
  balance,
  onDone,
}: {
  seat: Seat
  balance: Balance
  onDone: Done
}) {
  const [expiry, setExpiry] = useState(balance.policy.expiry)
  const [refundDeclines, setRefundDeclines] = useState(balance.policy.refundDeclines)
  return (
    <FormDialog
      title="Credit rules"
      description="Sources disagree on some of LinkedIn's rules. Choose what matches your contract; the whole history is recomputed."
      submitLabel="Save rules"
      trigger={
        <button type="button" className="button">
          Credit rules
        </button>
      }
      onOpen={() => {
        setExpiry(balance.policy.expiry)
        setRefundDeclines(balance.policy.refundDeclines)
      }}
      onSubmit={async () => {
        await api.credits.setPolicy({ seatId: seat.id, expiry, refundDeclines })
        onDone('Saved the credit rules.')
      }}
    >
      <fieldset>
        <legend>Credits expire</legend>
        {expiryChoices.map(([value, label, source]) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name="expiry"
              value={value}
              checked={expiry === value}
              onChange={() => setExpiry(value)}
            />
            {label} <span className="muted">({source})</span>
          </label>
        ))}
      </fieldset>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={refundDeclines}
          onChange={(e) => setRefundDeclines(e.target.checked)}
        />
        A decline ("Not interested") refunds the credit
      </label>
    </FormDialog>
  )
}
