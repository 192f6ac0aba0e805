// What earns replies: the funnel for a period, rates by group with intervals, time to first
// reply, and two templates compared, each chart with its numbers one click away.
import { useState } from 'react'
import type { GroupBy, Metrics } from '../../../shared/contract'
import { costDefinition, sliceCostDefinition } from '../../../shared/domain/cost'
import type { OutreachChannel } from '../../../shared/contract/outreach'
import { api } from '../../api/client'
import { useLedgerVersion } from '../../api/changes'
import { useQuery } from '../../api/useQuery'
import { FunnelChart, HistogramChart, RateChart } from '../../charts/FunnelCharts'
import { creditCostSentence, funnelBars, pct, rateBars, rateText } from '../../charts/funnel-data'
import { ChartCard } from '../../components/ChartCard'
import { ChannelFilter } from '../../components/ChannelFilter'
import { SeatFilter } from '../../components/SeatFilter'
import { localToday } from '../../components/FormDialog'
import { EmptyState, ErrorNotice, Loading } from '../../components/Notices'
import { formatCents } from '../../format'
import { Compare } from './Compare'
import { divisorText } from '../../../shared/reports/words'
import { costPerResult, costPerText, costReason } from './cost-text'

const byLabels: Partial<Record<GroupBy, string>> = {
  template: 'Template',
  templateVersion: 'Template version',
  role: 'Role',
  roleFamily: 'Role family',
  channel: 'Channel',
  seat: 'Seat',
  month: 'Month sent',
  weekday: 'Weekday sent',
  length: 'Message length',
  words: 'Word count',
  followups: 'Follow-ups sent',
}

function daysAgo(n: number): string {
  return new Date(Date.parse(`${localToday()}T00:00:00Z`) - n * 86_400_000)
    .toISOString()
    .slice(0, 10)
}

const presets = [
  { label: 'Last 30 days', from: () => daysAgo(29) },
  { label: 'Last 90 days', from: () => daysAgo(89) },
  { label: 'This year', from: () => `${localToday().slice(0, 4)}-01-01` },
  { label: 'All time', from: () => undefined },
] as const

export function AnalyticsScreen() {
  const changes = useLedgerVersion()
  const [from, setFrom] = useState<string | undefined>(daysAgo(89))
  const [to, setTo] = useState<string | undefined>(undefined)
  const [seatId, setSeatId] = useState<number | undefined>(undefined)
  const [channel, setChannel] = useState<OutreachChannel | undefined>(undefined)
  const [by, setBy] = useState<GroupBy>('template')
  const [which, setWhich] = useState<'replyRate' | 'positiveRate' | 'meetingRate'>('replyRate')
  const filters = {
    ...(seatId ? { seatId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(channel ? { channel } : {}),
  }
  const metrics = useQuery(
    () => api.analytics.metrics({ ...filters, by }),
    [JSON.stringify(filters), by, changes],
  )

  return (
    <>
      <header className="page-header">
        <h1>Analytics</h1>
        <p className="subtitle">
          Which messages, roles and habits earn replies, and what each one costs. Outreach is
          counted by the day it was sent.
        </p>
      </header>
      <form
        className="filters"
        aria-label="Period and filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          Period
          <select
            value={presets.find((p) => p.from() === from)?.label ?? 'custom'}
            onChange={(e) => {
              const preset = presets.find((p) => p.label === e.target.value)
              if (preset) {
                setFrom(preset.from())
                setTo(undefined)
              }
            }}
          >
            {presets.map((p) => (
              <option key={p.label}>{p.label}</option>
            ))}
            <option value="custom">Custom</option>
          </select>
        </label>
        <label>
          From
          <input
            type="date"
            value={from ?? ''}
            onChange={(e) => setFrom(e.target.value || undefined)}
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={to ?? ''}
            onChange={(e) => setTo(e.target.value || undefined)}
          />
        </label>
        <label>
          Seat
          <SeatFilter value={seatId} onChange={setSeatId} />
        </label>
        <label>
          Channel
          <ChannelFilter value={channel} onChange={setChannel} />
        </label>
      </form>
      {metrics.state === 'loading' && <Loading what="analytics" />}
      {metrics.state === 'error' && <ErrorNotice error={metrics.error} />}
      {metrics.state === 'done' && metrics.data.delivered === 0 && (
        <EmptyState title="Nothing sent in this period">
          Choose a longer period, or log and import outreach first.
        </EmptyState>
      )}
      {metrics.state === 'done' && metrics.data.delivered > 0 && (
        <Report
          m={metrics.data}
          by={by}
          setBy={setBy}
          which={which}
          setWhich={setWhich}
          filters={filters}
        />
      )}
    </>
  )
}

function Report({
  m,
  by,
  setBy,
  which,
  setWhich,
  filters,
}: {
  m: Metrics
  by: GroupBy
  setBy: (b: GroupBy) => void
  which: 'replyRate' | 'positiveRate' | 'meetingRate'
  setWhich: (w: 'replyRate' | 'positiveRate' | 'meetingRate') => void
  filters: Record<string, unknown>
}) {
  const bars = funnelBars(m)
  const groups = rateBars(m.groups, which)
  const band = which === 'replyRate' ? 'reply' : which === 'positiveRate' ? 'positive' : 'meeting'
  const cost = creditCostSentence(m.cost)
  return (
    <>
      <dl className="summary kpis" aria-label="Rates">
        {(
          [
            ['Reply rate', m.replyRate],
            ['Positive reply rate', m.positiveRate],
            ['Meeting rate', m.meetingRate],
          ] as const
        ).map(([label, r]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{pct(r.value)}%</dd>
            <span className="muted">{rateText(r)}</span>
          </div>
        ))}
        <div title={costDefinition}>
          <dt>Cost per reply</dt>
          <dd>{costPerText(m.cost, m.cost.perReplyCents)}</dd>
          <span className="muted">{divisorText(m.cost.replies, 'reply')}</span>
          <span className="muted">
            {costPerText(m.cost, m.cost.perInmailCents)} per paid InMail
          </span>
          <span className="muted">{costPerResult(m.cost, 'meeting')}</span>
          <span className="muted">{costPerResult(m.cost, 'hire')}</span>
          <span className="muted">{costReason(m.cost)}</span>
        </div>
      </dl>
      <details className="cost-definition muted">
        <summary>How cost is counted</summary>
        <p>
          {costDefinition} {sliceCostDefinition}
        </p>
      </details>
      {m.smallSample && (
        <p className="notice warning" role="note">
          Only {m.delivered} messages delivered in this period: rates this small move a lot with one
          more reply. Read the intervals, not the percentages.
        </p>
      )}
      {cost && <p className="muted">{cost}</p>}
      <RecruiterRule />
      <div className="two-columns">
        <ChartCard
          title="Funnel"
          header={['Stage', 'Messages', 'Share of delivered %']}
          rows={bars.map((b) => [b.stage, b.count, b.share])}
          note={`Replies include declines ("Not interested"): LinkedIn counts them as responses.`}
        >
          <FunnelChart bars={bars} />
        </ChartCard>
        <ChartCard
          title="Time to first reply"
          header={['After', 'Replies']}
          rows={m.timeToFirstReply.histogram.map((h) => [h.bucket, h.count])}
          note={
            m.timeToFirstReply.medianHours === null
              ? 'No replies yet.'
              : `Median ${Math.round(m.timeToFirstReply.medianHours)} hours (${middleHalf(m.timeToFirstReply.p25Hours, m.timeToFirstReply.p75Hours)}). Most replies come within 24–72 hours (seed 001).`
          }
        >
          <HistogramChart buckets={m.timeToFirstReply.histogram} />
        </ChartCard>
      </div>
      <ChartCard
        title="Rates by group"
        header={[
          byLabels[by] ?? by,
          'Delivered',
          'Rate %',
          'Low %',
          'High %',
          'Small sample',
          'Paid InMails',
          'Cost',
          'Replies to paid InMails',
          'Cost per reply',
          'Hires from paid InMails',
          'Cost per hire',
        ]}
        rows={m.groups.map((g) => [
          g.label,
          g.delivered,
          pct(g[which].value),
          pct(g[which].low),
          pct(g[which].high),
          g.smallSample ? 'yes' : 'no',
          g.cost.paidInmails,
          g.cost.free ? 'free' : formatCents(g.cost.totalCents),
          g.cost.replies,
          costPerText(g.cost, g.cost.perReplyCents),
          g.cost.hires,
          costPerText(g.cost, g.cost.perHireCents),
        ])}
        note={`Each bar shows the rate and, in brackets, its 95% interval. Where two intervals overlap, the difference is not yet meaningful. In the table, a group's cost is its share of its seats' paid InMails; "free" where no InMail spent a credit.`}
      >
        <div className="chart-controls">
          <label>
            Break down by{' '}
            <select value={by} onChange={(e) => setBy(e.target.value as GroupBy)}>
              {Object.entries(byLabels).map(([key, label]) => (
                <option key={key} value={key}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Show{' '}
            <select value={which} onChange={(e) => setWhich(e.target.value as typeof which)}>
              <option value="replyRate">Reply rate</option>
              <option value="positiveRate">Positive reply rate</option>
              <option value="meetingRate">Meeting rate</option>
            </select>
          </label>
        </div>
        <RateChart bars={groups} band={band} />
      </ChartCard>
      <Compare filters={filters} />
    </>
  )
}

/** Each Recruiter seat's standing on LinkedIn's 13% rule, in one line (nothing for other plans). */
function RecruiterRule() {
  const changes = useLedgerVersion()
  const rule = useQuery(() => api.analytics.recruiterRule({}), [changes])
  if (rule.state !== 'done' || rule.data.length === 0) return null
  return (
    <ul className="muted" aria-label="LinkedIn's Recruiter response-rate rule">
      {rule.data.map((r) => (
        <li key={r.seatId} data-testid="recruiter-rule">
          <strong>{r.seat}:</strong> {r.sentence}
        </li>
      ))}
    </ul>
  )
}

/** "half between 20 and 40 hours", or "the middle half all at 24 hours" when they meet. */
function middleHalf(p25: number | null, p75: number | null): string {
  const low = Math.round(p25 ?? 0)
  const high = Math.round(p75 ?? 0)
  return low === high
    ? `the middle half all at about ${low} hours`
    : `half between ${low} and ${high} hours`
}
