// The report as a page on screen: the same model, sections and words as the exported PDF.
import type { FunnelGroup, Report } from '../../../shared/contract'
import { formatDay } from '../../format'
import { changeText, dash, hours, money, percent, rateText, whole } from './format'

function Tile({
  label,
  value,
  change,
  versus,
}: {
  label: string
  value: string
  change: string
  versus: string
}) {
  return (
    <div className="report-tile">
      <dt>{label}</dt>
      <dd>{value}</dd>
      <span>
        <strong>{change}</strong> vs {versus}
      </span>
    </div>
  )
}

function GroupTable({
  caption,
  what,
  groups,
}: {
  caption: string
  what: string
  groups: FunnelGroup[]
}) {
  if (groups.length === 0) return null
  return (
    <table className="table report-table" aria-label={caption}>
      <thead>
        <tr>
          <th scope="col">{what}</th>
          <th scope="col" className="num">
            Delivered
          </th>
          <th scope="col" className="num">
            Replies
          </th>
          <th scope="col" className="num">
            Reply rate (95%)
          </th>
          <th scope="col" className="num">
            Meetings
          </th>
          <th scope="col" className="num">
            Cost
          </th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key}>
            <th scope="row">
              {g.label}
              {g.smallSample && <span className="muted"> *</span>}
            </th>
            <td className="num">{whole(g.delivered)}</td>
            <td className="num">{whole(g.replies)}</td>
            <td className="num">{rateText(g.replyRate)}</td>
            <td className="num">{whole(g.meetings)}</td>
            <td className="num">{money(g.cost.totalCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const signed = (n: number, sign: 1 | -1) => (n === 0 ? '0' : `${sign < 0 ? '−' : '+'}${whole(n)}`)

export function ReportPreview({ report }: { report: Report }) {
  const { funnel: f, previousFunnel: p, change, previousPeriod } = report
  const versus = report.period.wholeMonth ? previousPeriod.label : 'the period before'
  const over = report.warningsAsOf === report.period.to
  const stages = [
    { label: 'Delivered', n: f.delivered, rate: null },
    { label: 'Replies', n: f.replies, rate: f.replyRate },
    { label: 'Positive replies', n: f.positive, rate: f.positiveRate },
    { label: 'Meetings', n: f.meetings, rate: f.meetingRate },
    { label: 'Hires', n: f.hires, rate: null },
  ]
  const small = [...report.byTemplate, ...report.byRole, ...report.byChannel].some(
    (g) => g.smallSample,
  )
  return (
    <article className="report-page" aria-label="Report preview">
      <header className="report-head">
        <h2>Outreach report</h2>
        <p className="report-period">
          {report.period.label} · {report.scope.label}
        </p>
        <p className="muted">
          {report.period.from} to {report.period.to}, by calendar day in {report.timeZone}. Compared
          with {previousPeriod.label}.
        </p>
      </header>

      <dl className="report-tiles" aria-label="Key figures">
        <Tile
          label="Delivered"
          value={whole(f.delivered)}
          change={changeText(change.delivered, 'count')}
          versus={versus}
        />
        <Tile
          label="Reply rate"
          value={percent(f.replyRate.value)}
          change={changeText(change.replyRate, 'rate')}
          versus={versus}
        />
        <Tile
          label="Meetings"
          value={whole(f.meetings)}
          change={changeText(change.meetings, 'count')}
          versus={versus}
        />
        <Tile
          label="Cost per reply"
          value={money(f.cost.perReplyCents)}
          change={changeText(change.costPerReplyCents, 'cents')}
          versus={versus}
        />
      </dl>

      <section aria-labelledby="report-funnel">
        <h3 id="report-funnel">Funnel</h3>
        {f.delivered === 0 ? (
          <p className="muted">Nothing was sent in this period.</p>
        ) : (
          <ul className="report-funnel">
            {stages.map((s) => (
              <li key={s.label}>
                <span className="report-funnel-label">{s.label}</span>
                <span className="report-bar" aria-hidden="true">
                  <span style={{ width: `${Math.max(0.5, (100 * s.n) / f.delivered)}%` }} />
                </span>
                <span className="report-funnel-value">
                  {whole(s.n)}
                  {s.rate && <span className="muted"> · {rateText(s.rate)}</span>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="report-change">
        <h3 id="report-change">
          {report.period.wholeMonth ? 'Month over month' : 'Against the period before'}
        </h3>
        <table className="table report-table" aria-label="Month over month">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col" className="num">
                {report.period.label}
              </th>
              <th scope="col" className="num">
                {previousPeriod.label}
              </th>
              <th scope="col" className="num">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {(
              [
                [
                  'Delivered',
                  whole(f.delivered),
                  whole(p.delivered),
                  changeText(change.delivered, 'count'),
                ],
                [
                  'Replies',
                  whole(f.replies),
                  whole(p.replies),
                  changeText(change.replies, 'count'),
                ],
                [
                  'Reply rate',
                  rateText(f.replyRate),
                  rateText(p.replyRate),
                  changeText(change.replyRate, 'rate'),
                ],
                [
                  'Positive reply rate',
                  rateText(f.positiveRate),
                  rateText(p.positiveRate),
                  changeText(change.positiveRate, 'rate'),
                ],
                [
                  'Meeting rate',
                  rateText(f.meetingRate),
                  rateText(p.meetingRate),
                  changeText(change.meetingRate, 'rate'),
                ],
                [
                  'Median time to first reply',
                  hours(f.timeToFirstReply.medianHours),
                  hours(p.timeToFirstReply.medianHours),
                  changeText(change.medianHoursToFirstReply, 'hours'),
                ],
                [
                  'Cost per reply',
                  money(f.cost.perReplyCents),
                  money(p.cost.perReplyCents),
                  changeText(change.costPerReplyCents, 'cents'),
                ],
                [
                  'Cost per meeting',
                  money(f.cost.perMeetingCents),
                  money(p.cost.perMeetingCents),
                  changeText(change.costPerMeetingCents, 'cents'),
                ],
              ] as const
            ).map(([label, now, before, delta]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="num">{now}</td>
                <td className="num">{before}</td>
                <td className="num">{delta}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="report-time-cost">
        <h3 id="report-time-cost">Time to first reply and cost</h3>
        <dl className="facts report-facts">
          <div>
            <dt>Median time to first reply</dt>
            <dd>{hours(f.timeToFirstReply.medianHours)}</dd>
          </div>
          <div>
            <dt>Middle half</dt>
            <dd>
              {f.timeToFirstReply.p25Hours === null
                ? dash
                : `${hours(f.timeToFirstReply.p25Hours)} – ${hours(f.timeToFirstReply.p75Hours)}`}
            </dd>
          </div>
          <div>
            <dt>Spend</dt>
            <dd>{money(f.cost.totalCents)}</dd>
          </div>
          <div>
            <dt>Per reply</dt>
            <dd>{money(f.cost.perReplyCents)}</dd>
          </div>
          <div>
            <dt>Per meeting</dt>
            <dd>{money(f.cost.perMeetingCents)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="report-templates">
        <h3 id="report-templates">Templates</h3>
        <p>{report.templates.summary}</p>
        <GroupTable caption="By template" what="Template" groups={report.byTemplate} />
      </section>

      {report.scope.kind !== 'role' && report.byRole.length > 0 && (
        <section aria-labelledby="report-roles">
          <h3 id="report-roles">By role</h3>
          <GroupTable caption="By role" what="Role" groups={report.byRole} />
        </section>
      )}
      {small && (
        <p className="muted report-note">
          * Fewer than 30 delivered: read the range in brackets, not the rate.
        </p>
      )}

      <section aria-labelledby="report-statements">
        <h3 id="report-statements">Credit statements</h3>
        {report.statements.length === 0 ? (
          <p className="muted">No seat held credits in this period.</p>
        ) : (
          <table className="table report-table" aria-label="Credit statements">
            <thead>
              <tr>
                <th scope="col">Seat</th>
                {[
                  'Opening',
                  'Granted',
                  'Bought',
                  'Spent',
                  'Refunded',
                  'Expired',
                  'Forfeited',
                  'Adjusted',
                  'Closing',
                ].map((h) => (
                  <th key={h} scope="col" className="num">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.statements.map((s) => (
                <tr key={s.seatId}>
                  <th scope="row">{s.seat}</th>
                  <td className="num">{whole(s.opening)}</td>
                  <td className="num">{signed(s.granted, 1)}</td>
                  <td className="num">{signed(s.purchased, 1)}</td>
                  <td className="num">{signed(s.spent, -1)}</td>
                  <td className="num">{signed(s.refunded, 1)}</td>
                  <td className="num">{signed(s.expired, -1)}</td>
                  <td className="num">{signed(s.forfeited, -1)}</td>
                  <td className="num">
                    {s.adjusted < 0 ? signed(-s.adjusted, -1) : signed(s.adjusted, 1)}
                  </td>
                  <td className="num">
                    <strong>{whole(s.closing)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="report-sequences">
        <h3 id="report-sequences">Follow-up sequences</h3>
        {report.sequences.length === 0 ? (
          <p className="muted">No sequences ran in this period.</p>
        ) : (
          <table className="table report-table" aria-label="Sequences">
            <thead>
              <tr>
                <th scope="col">Sequence</th>
                <th scope="col" className="num">
                  Enrolled
                </th>
                <th scope="col" className="num">
                  Completed
                </th>
                <th scope="col" className="num">
                  Stopped by a reply
                </th>
                <th scope="col" className="num">
                  Still running
                </th>
              </tr>
            </thead>
            <tbody>
              {report.sequences.map((s) => (
                <tr key={s.sequenceId}>
                  <th scope="row">{s.sequence}</th>
                  <td className="num">{whole(s.enrolled)}</td>
                  <td className="num">{whole(s.completed)}</td>
                  <td className="num">{whole(s.stoppedByResponse)}</td>
                  <td className="num">{whole(s.active)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="report-warnings">
        <h3 id="report-warnings">
          {over
            ? 'Warnings at the end of the period'
            : `Warnings live today, ${formatDay(report.warningsAsOf)}`}
        </h3>
        {report.warnings.length === 0 ? (
          <p className="muted">
            {over
              ? `No warnings were live on ${formatDay(report.period.to)}.`
              : 'No warnings are live today.'}
          </p>
        ) : (
          <ul className="warnings">
            {report.warnings.map((w, i) => (
              <li key={i}>
                <strong>{w.seat}:</strong> {w.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      <footer className="report-foot muted">
        Generated{' '}
        {new Date(report.generatedAt).toLocaleString('en-GB', { timeZone: report.timeZone })} ·
        period {report.period.from} to {report.period.to}
      </footer>
    </article>
  )
}
