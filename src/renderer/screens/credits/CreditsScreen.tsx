// The Credits screen: one seat's balance, where it comes from, where it is going, and the
// forms that tell the ledger what happened.
import { useState } from 'react'
import type { Seat } from '../../../shared/contract'
import { api } from '../../api/client'
import { useLedgerVersion } from '../../api/changes'
import { useQuery } from '../../api/useQuery'
import { balanceSeries, thin } from '../../charts/balance-series'
import { BalanceChart } from '../../charts/BalanceChart'
import { EmptyState, ErrorNotice, Loading, ScreenNotice } from '../../components/Notices'
import { hrefFor } from '../../router'
import { BalanceSummary } from './BalanceSummary'
import { BatchesTable } from './BatchesTable'
import { LogInmailDialog, LogMeetingDialog, LogResponseDialog } from './LogDialogs'
import { PendingRefunds } from './PendingRefunds'
import {
  CancelSeatDialog,
  ChangePlanDialog,
  PolicyDialog,
  PurchaseDialog,
  ReconcileDialog,
} from './SeatActions'
import { SeatPicker } from './SeatPicker'
import { StatementView } from './StatementView'

function daysBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10)
}

function SeatCredits({
  seat,
  version,
  onChanged,
}: {
  seat: Seat
  version: number
  onChanged: (message: string) => void
}) {
  const balance = useQuery(() => api.credits.balance({ seatId: seat.id }), [seat.id, version])
  const today = balance.state === 'done' ? balance.data.asOf : null
  const history = useQuery(
    async () =>
      today
        ? Promise.all([
            api.credits.timeline({ seatId: seat.id, from: daysBefore(today, 120), to: today }),
            api.credits.forecast({ seatId: seat.id, weeks: 8 }),
          ])
        : null,
    [seat.id, version, today],
  )

  if (balance.state === 'loading') return <Loading what="the balance" />
  if (balance.state === 'error') return <ErrorNotice error={balance.error} />
  const b = balance.data
  return (
    <>
      <section className="card" aria-label="Balance">
        <BalanceSummary balance={b} />
        {b.warnings.length > 0 && (
          <ul className="warnings" aria-label="Warnings">
            {b.warnings.map((w) => (
              <li key={w.code} data-code={w.code}>
                {w.message}
              </li>
            ))}
          </ul>
        )}
        {history.state === 'done' && history.data && (
          <BalanceChart
            points={thin(balanceSeries(history.data[0], history.data[1].days), 240)}
            today={b.asOf}
          />
        )}
        {history.state === 'done' && history.data && !b.nextRenewal && (
          <p className="muted chart-caption" data-testid="forecast-caption">
            Cancelled: no more credits will be granted, and none are left to run out.
          </p>
        )}
        {history.state === 'done' && history.data && b.nextRenewal && (
          <p className="muted chart-caption" data-testid="forecast-caption">
            Forecast at {history.data[1].perWeek.toFixed(1)} InMails a week and a{' '}
            {Math.round(history.data[1].responseRate * 100)}% response rate
            {history.data[1].responseRateInterval
              ? ` (95% interval ${Math.round(history.data[1].responseRateInterval.low * 100)}–${Math.round(history.data[1].responseRateInterval.high * 100)}%)`
              : ' (assumed: no replies measured yet)'}
            :{' '}
            {history.data[1].runsOutOn
              ? `runs out on ${history.data[1].runsOutOn}`
              : 'does not run out in 8 weeks'}
            , {history.data[1].expiresUnused} would expire unused.
          </p>
        )}
      </section>
      <div className="toolbar" role="toolbar" aria-label="Log and manage">
        <LogInmailDialog seat={seat} onLogged={onChanged} />
        <LogResponseDialog onLogged={onChanged} />
        <LogMeetingDialog onLogged={onChanged} />
        <span className="toolbar-gap" />
        <ReconcileDialog seat={seat} onDone={onChanged} />
        <PurchaseDialog seat={seat} onDone={onChanged} />
        <PolicyDialog seat={seat} balance={b} onDone={onChanged} />
        <ChangePlanDialog seat={seat} onDone={onChanged} />
        <CancelSeatDialog seat={seat} balance={b} onDone={onChanged} />
      </div>
      <div className="two-columns">
        <section className="card" aria-labelledby="batches-heading">
          <h2 id="batches-heading">Credit batches</h2>
          <BatchesTable balance={b} />
        </section>
        <section className="card" aria-labelledby="refunds-heading">
          <h2 id="refunds-heading">Pending refunds</h2>
          <PendingRefunds balance={b} />
        </section>
      </div>
      <StatementView seatId={seat.id} today={b.asOf} key={version} />
    </>
  )
}

export function CreditsScreen() {
  const changes = useLedgerVersion()
  const seats = useQuery(() => api.seats.list({}), [])
  const [chosen, setChosen] = useState<number | null>(null)
  const [version, setVersion] = useState(0)
  const [message, setMessage] = useState<string | null>(null)

  if (seats.state === 'loading') return <Loading what="seats" />
  if (seats.state === 'error') return <ErrorNotice error={seats.error} />
  if (seats.data.length === 0)
    return (
      <>
        <header className="page-header">
          <h1>Credits</h1>
        </header>
        <EmptyState
          title="No seats yet"
          action={
            <a className="button primary" href={hrefFor('settings')}>
              Add a seat in Settings
            </a>
          }
        >
          Add the LinkedIn subscription you send InMail from; its credits show up here.
        </EmptyState>
      </>
    )
  const seat = seats.data.find((s) => s.id === chosen) ?? seats.data[0]!
  return (
    <>
      <header className="page-header with-actions">
        <div>
          <h1>Credits</h1>
          <p className="subtitle">
            {seat.name} · {seat.planName}
          </p>
        </div>
        <SeatPicker seats={seats.data} seatId={seat.id} onChange={setChosen} />
      </header>
      <ScreenNotice notice={message} />
      <SeatCredits
        seat={seat}
        version={version + changes}
        onChanged={(text) => {
          setMessage(text)
          setVersion((v) => v + 1)
          seats.reload()
        }}
      />
    </>
  )
}
