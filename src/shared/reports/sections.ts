// The report as sections of words and tables, built once from the report model: the PDF draws
// them on paper and the Reports screen's preview draws them as HTML, so the two never drift apart.
// Only the charts (funnel bars, reply-time histogram, rate ranges) are drawn by each renderer.
import type { Rate } from '../contract/analytics'
import { type Change, isPartOfSeats, type Report, type ReportGroup } from '../contract/reports'
import { costDefinition, sliceCostDefinition } from '../domain/cost'
import {
  type ChangeUnit,
  changeText,
  count,
  dash,
  type CostResult,
  dayLabel,
  divisorText,
  entryKindLabel,
  hours,
  money,
  percent,
  rateText,
  signed,
  unitFor,
  whole,
} from './words'

export interface SectionColumn {
  header: string
  /** Share of the table's width. */
  width: number
  align?: 'right'
  wrap?: boolean
}

export interface SectionTable {
  /** The table's accessible name. */
  label: string
  columns: SectionColumn[]
  rows: string[][]
  caption?: string
  /** Small print (a wide table). */
  small?: boolean
  /** Each row's reply rate, for the PDF's range chart beside the table. */
  intervals?: Rate[]
}

export type Block =
  | { kind: 'text'; text: string; tone?: 'muted' | 'strong' }
  | { kind: 'table'; table: SectionTable }
  /** A part that may be long: folded away on screen, printed under a subheading. */
  | { kind: 'details'; summary: string; blocks: Block[] }

export interface Section {
  id: string
  heading: string
  blocks: Block[]
}

export const smallMark = '*'
export const smallNote = `${smallMark} Fewer than 30 delivered: read the range in brackets, not the rate.`

/** The one definition of cost (src/shared/domain/cost.ts), as Analytics and the CSV state it. */
export { costDefinition }
export const scopeCostDefinition = sliceCostDefinition

/** A right-aligned column of figures. */
const num = (header: string, width: number): SectionColumn => ({ header, width, align: 'right' })
const text = (t: string, tone?: 'muted' | 'strong'): Block =>
  tone ? { kind: 'text', text: t, tone } : { kind: 'text', text: t }
const table = (t: SectionTable): Block => ({ kind: 'table', table: t })

/** What the period is compared with, in a few words. */
export function versus(report: Report): string {
  // A month so far: "1–23 Oct 2026", the same days of the month before.
  const p = report.previousPeriod
  if (report.period.toDate && p.from.slice(0, 7) === p.to.slice(0, 7))
    return `${Number(p.from.slice(8))}–${dayLabel(p.to)}`
  return report.period.wholeMonth ? report.previousPeriod.label : 'the period before'
}

/** The sentence under the title: the days, the zone, who the report is about. */
export function scopeSentence(report: Report): string {
  const s = report.scope
  const who =
    s.kind === 'role'
      ? `Outreach for the role ${s.role}${s.client ? `, client ${s.client}` : ''}.`
      : s.kind === 'client'
        ? `Outreach for the client ${s.client}: ${s.roles.join(', ')}.`
        : s.kind === 'seat'
          ? `Outreach and credits of the seat ${s.label}.`
          : 'Outreach and credits of every seat.'
  const soFar = report.period.toDate
    ? ` The period is not over: it runs to today, and is compared with the same days of the month before (${report.previousPeriod.label}).`
    : ` Compared with ${report.previousPeriod.label}.`
  return `${report.period.from} to ${report.period.to}, by calendar day in ${report.timeZone}. ${who}${soFar}`
}

export interface KeyFigure {
  label: string
  value: string
  change: string
  /** What the value is divided by, where it is a cost per result. */
  note?: string
}

export function keyFigures(report: Report): KeyFigure[] {
  const { funnel, change, cost } = report
  return [
    {
      label: 'Delivered',
      value: whole(funnel.delivered),
      change: changeText(change.delivered, 'count'),
    },
    {
      label: 'Reply rate',
      value: percent(funnel.replyRate.value),
      change: changeText(change.replyRate, 'rate'),
    },
    {
      label: 'Meetings',
      value: whole(funnel.meetings),
      change: changeText(change.meetings, 'count'),
    },
    {
      label: 'Cost per reply',
      value: money(cost.perReplyCents),
      note: divisorText(cost.replies, 'reply'),
      change: changeText(change.costPerReplyCents, 'cents'),
    },
  ]
}

export interface FunnelStage {
  label: string
  n: number
  rate: Rate | null
}

/** Delivered → replies → positive → meetings → hires. */
export function funnelStages(report: Report): FunnelStage[] {
  const f = report.funnel
  return [
    { label: 'Delivered', n: f.delivered, rate: null },
    { label: 'Replies', n: f.replies, rate: f.replyRate },
    { label: 'Positive replies', n: f.positive, rate: f.positiveRate },
    { label: 'Meetings', n: f.meetings, rate: f.meetingRate },
    { label: 'Hires', n: f.hires, rate: null },
  ]
}

export function funnelNote(report: Report): string {
  return `Rates are shares of delivered messages, each with its 95% range (Wilson).${report.funnel.smallSample ? ' Fewer than 30 were delivered, so the ranges are wide: read them, not the rates.' : ''}`
}

/** Median, middle half and how many replies were timed; null with no reply to time. */
export function replyTimeFacts(report: Report): [string, string][] | null {
  const t = report.funnel.timeToFirstReply
  const answered = t.histogram.reduce((n, b) => n + b.count, 0)
  if (answered === 0) return null
  const unit = unitFor(t.p25Hours, t.medianHours, t.p75Hours)
  return [
    ['Median', hours(t.medianHours, unit)],
    [
      'Middle half',
      t.p25Hours === null ? dash : `${hours(t.p25Hours, unit)} – ${hours(t.p75Hours, unit)}`,
    ],
    ['Replies timed', whole(answered)],
  ]
}

function changeSection(report: Report): Section {
  const { change, funnel: f, previousFunnel: p } = report
  const t = change.medianHoursToFirstReply
  // One unit for the row: both values and the change in hours, or all three in days.
  const unit = unitFor(t.current, t.previous, t.delta)
  const row = (label: string, now: string, before: string, c: Change, u: ChangeUnit) => [
    label,
    now,
    before,
    changeText(c, u),
  ]
  const counted = (label: string, c: Change) =>
    row(label, whole(c.current ?? 0), whole(c.previous ?? 0), c, 'count')
  const paid = (label: string, c: Change) =>
    row(label, money(c.current), money(c.previous), c, 'cents')
  const rows = [
    counted('Delivered', change.delivered),
    counted('Replies', change.replies),
    counted('Meetings', change.meetings),
    row('Reply rate', rateText(f.replyRate), rateText(p.replyRate), change.replyRate, 'rate'),
    row(
      'Positive reply rate',
      rateText(f.positiveRate),
      rateText(p.positiveRate),
      change.positiveRate,
      'rate',
    ),
    row(
      'Meeting rate',
      rateText(f.meetingRate),
      rateText(p.meetingRate),
      change.meetingRate,
      'rate',
    ),
    row('Median time to first reply', hours(t.current, unit), hours(t.previous, unit), t, unit),
    paid('Cost per reply to a paid InMail', change.costPerReplyCents),
    paid('Cost per meeting from a paid InMail', change.costPerMeetingCents),
  ]
  return {
    id: 'change',
    heading: report.period.toDate
      ? `To date against the same days before (${report.previousPeriod.label})`
      : report.period.wholeMonth
        ? 'Month over month'
        : `Against the period before (${report.previousPeriod.label})`,
    blocks: [
      table({
        label: 'Month over month',
        columns: [
          { header: '', width: 36 },
          num(report.period.label, 24),
          num(report.previousPeriod.label, 24),
          num('Change', 16),
        ],
        rows,
      }),
    ],
  }
}

/**
 * The cost, one row per figure and one column per period (so a long period label is never cut),
 * each cost per result with what it is divided by.
 */
function costSection(report: Report): Section {
  const now = report.cost
  const before = report.previousCost
  const row = (label: string, f: (c: Report['cost']) => string) => [label, f(now), f(before)]
  const per = (
    label: string,
    cents: (c: Report['cost']) => number | null,
    n: (c: Report['cost']) => number,
    result: CostResult,
  ) => row(label, (c) => `${money(cents(c))} · ${divisorText(n(c), result)}`)
  return {
    id: 'cost',
    heading: 'Cost',
    blocks: [
      table({
        label: 'Cost',
        columns: [
          { header: '', width: 24 },
          num(report.period.label, 38),
          num(report.previousPeriod.label, 38),
        ],
        rows: [
          row('Plan price', (c) => money(c.subscriptionCents)),
          row('Purchased credits', (c) => money(c.purchasedCents)),
          row('Total', (c) => money(c.totalCents)),
          row('Paid InMails', (c) => whole(c.creditInmails)),
          row('Per paid InMail', (c) => money(c.perInmailCents)),
          per(
            'Per reply',
            (c) => c.perReplyCents,
            (c) => c.replies,
            'reply',
          ),
          per(
            'Per positive reply',
            (c) => c.perPositiveCents,
            (c) => c.positive,
            'positive',
          ),
          per(
            'Per meeting',
            (c) => c.perMeetingCents,
            (c) => c.meetings,
            'meeting',
          ),
          per(
            'Per hire',
            (c) => c.perHireCents,
            (c) => c.hires,
            'hire',
          ),
        ],
        caption:
          'Each cost per result is the total divided by the results of the conversations paid InMails opened, named beside it; replies to free messages cost nothing and are not counted.',
      }),
      text(
        isPartOfSeats(report.scope) ? `${costDefinition} ${scopeCostDefinition}` : costDefinition,
        'muted',
      ),
    ],
  }
}

function groupTable(groups: readonly ReportGroup[], what: string, withIntervals: boolean): Block[] {
  const shown = groups.slice(0, 25)
  const caption = [
    groups.length > shown.length
      ? `The ${whole(shown.length)} most used of ${whole(groups.length)}.`
      : '',
    groups.some((g) => g.smallSample) ? smallNote : '',
  ]
    .filter(Boolean)
    .join(' ')
  return [
    table({
      label: `By ${what.toLowerCase()}`,
      columns: [
        { header: what, width: withIntervals ? 28 : 34, wrap: true },
        num('Delivered', 11),
        num('Replies', 9),
        num('Reply rate (95%)', 17),
        num('Meetings', 11),
        ...(withIntervals ? [] : [num('Positive', 18)]),
      ],
      rows: shown.map((g) => [
        `${g.label}${g.smallSample ? ` ${smallMark}` : ''}`,
        whole(g.delivered),
        whole(g.replies),
        rateText(g.replyRate),
        whole(g.meetings),
        ...(withIntervals ? [] : [whole(g.positive)]),
      ]),
      ...(caption ? { caption } : {}),
      ...(withIntervals ? { intervals: shown.map((g) => g.replyRate) } : {}),
    }),
  ]
}

function templatesSection(report: Report): Section {
  const t = report.templates
  return {
    id: 'templates',
    heading: 'Templates',
    blocks: [
      ...(t.best && t.worst
        ? [
            text(`Best: ${t.best.label}, ${rateText(t.best.replyRate)} replied.`, 'strong'),
            text(`Worst: ${t.worst.label}, ${rateText(t.worst.replyRate)} replied.`, 'strong'),
          ]
        : []),
      text(t.summary, 'muted'),
      ...(report.byTemplate.length > 0 ? groupTable(report.byTemplate, 'Template', true) : []),
    ],
  }
}

function groupSections(report: Report): Section[] {
  const sections: Section[] = []
  if (report.scope.kind !== 'role' && report.byRole.length > 0)
    sections.push({
      id: 'by-role',
      heading: 'By role',
      blocks: groupTable(report.byRole, 'Role', false),
    })
  if (report.byChannel.length > 0)
    sections.push({
      id: 'by-channel',
      heading: 'By channel',
      blocks: groupTable(report.byChannel, 'Channel', false),
    })
  if (report.scope.kind !== 'seat' && report.bySeat.length > 1)
    sections.push({
      id: 'by-seat',
      heading: 'By seat',
      blocks: groupTable(report.bySeat, 'Seat', false),
    })
  return sections
}

const entryColumns: SectionColumn[] = [
  { header: 'Day', width: 16 },
  { header: 'Entry', width: 18 },
  num('Credits', 10),
  { header: 'Note', width: 56, wrap: true },
]

function entryRows(entries: Report['statements'][number]['entries']): string[][] {
  return entries.map((e) => [dayLabel(e.day), entryKindLabel[e.kind], signed(e.credits), e.note])
}

function totalsTable(report: Report, caption: string): Block {
  return table({
    label: 'Credit statements',
    small: true,
    columns: [
      { header: 'Seat', width: 20, wrap: true },
      num('Opening', 9),
      num('Granted', 9),
      num('Purchased', 10.5),
      num('Spent', 8),
      num('Refunded', 10),
      num('Expired', 8.5),
      num('Forfeited', 9.5),
      num('Adjusted', 9.5),
      num('Closing', 9),
    ],
    rows: report.statements.map((s) => [
      s.seat,
      whole(s.opening),
      signed(s.granted),
      signed(s.purchased),
      signed(-s.spent),
      signed(s.refunded),
      signed(-s.expired),
      signed(-s.forfeited),
      signed(s.adjusted),
      whole(s.closing),
    ]),
    caption,
  })
}

const balanceRule =
  'Opening + granted + purchased − spent + refunded − expired − forfeited ± adjusted = closing.'

/** One seat's, or every seat's, statements with their entries (no spend is hidden from its owner). */
function seatCredits(report: Report): Block[] {
  return [
    totalsTable(report, `${balanceRule} Every entry is in the CSV export (statement-entries.csv).`),
    ...report.statements.map((s): Block => {
      const notable = s.entries.filter((e) => e.kind !== 'spend' && e.kind !== 'refund')
      const sends = s.entries.filter((e) => e.kind === 'spend').length
      const refunds = s.entries.filter((e) => e.kind === 'refund').length
      return {
        kind: 'details',
        summary: `${s.seat} · ${s.plan}`,
        blocks: [
          text(
            `${count(sends, 'InMail')} spent a credit and ${count(refunds, 'refund')} came back in this period.${notable.length === 0 ? ' No grants, purchases, expiries or adjustments.' : ''}`,
            'muted',
          ),
          ...(notable.length > 0
            ? [
                table({
                  label: `Entries of ${s.seat}`,
                  columns: entryColumns,
                  rows: entryRows(notable),
                }),
              ]
            : []),
        ],
      }
    }),
  ]
}

/**
 * A role's or client's credits: only what its own InMails spent and got back, entry by entry;
 * nothing of the seats' own statements (a purchase or grant is not the client's to claim).
 */
function scopeCredits(report: Report, used: NonNullable<Report['scopeCredits']>): Block[] {
  const what = report.scope.kind === 'client' ? 'this client’s roles' : 'this role'
  return [
    text(`Credits belong to seats, not roles. What the InMails for ${what} used:`, 'muted'),
    table({
      label: 'Credits used',
      columns: [
        { header: 'Seat', width: 40, wrap: true },
        num('Spent', 20),
        num('Refunded', 20),
        num('Net', 20),
      ],
      rows: used.map((u) => [
        u.seat,
        signed(-u.spent),
        signed(u.refunded),
        signed(u.refunded - u.spent),
      ]),
    }),
    ...used
      .filter((u) => u.entries.length > 0)
      .map((u): Block => ({
        kind: 'details',
        summary: `${u.seat}: ${count(u.entries.length, 'entry', 'entries')} for ${what}`,
        blocks: [
          table({
            label: `Entries of ${u.seat}`,
            columns: entryColumns,
            rows: entryRows(u.entries),
          }),
        ],
      })),
    text(
      'The seats’ own statements (grants, purchases, expiries, balances) cover the whole seat, every client’s outreach included, so this report leaves them out: the all-seats report has them.',
      'muted',
    ),
  ]
}

function creditsSection(report: Report): Section {
  return {
    id: 'credits',
    heading: 'Credit statements',
    blocks:
      report.statements.length === 0
        ? [text('No seat held credits in this period.', 'muted')]
        : report.scopeCredits
          ? scopeCredits(report, report.scopeCredits)
          : seatCredits(report),
  }
}

function sequencesSection(report: Report): Section {
  const scoped =
    report.scope.kind === 'all'
      ? 'every seat'
      : report.scope.kind === 'seat'
        ? 'this seat'
        : 'people whose sends were for this scope'
  return {
    id: 'sequences',
    heading: 'Follow-up sequences',
    blocks:
      report.sequences.length === 0
        ? [text('No sequences ran in this period.', 'muted')]
        : [
            table({
              label: 'Sequences',
              columns: [
                { header: 'Sequence', width: 25, wrap: true },
                num('Enrolled', 10),
                num('Completed', 11),
                num('Stopped by a reply', 19),
                num('Still running', 13.5),
                num('Steps done', 12),
                num('Skipped', 10),
              ],
              rows: report.sequences.map((s) => [
                s.sequence,
                whole(s.enrolled),
                whole(s.completed),
                whole(s.stoppedByResponse),
                whole(s.active),
                whole(s.stepsDone),
                whole(s.stepsSkipped),
              ]),
              caption: `Enrolled: started in the period. Completed and stopped: ended in the period. Counted for ${scoped}.`,
            }),
          ],
  }
}

/** The sections between the funnel and the warnings, in print order ("change" first). */
export function reportSections(report: Report): Section[] {
  return [
    changeSection(report),
    costSection(report),
    templatesSection(report),
    ...groupSections(report),
    creditsSection(report),
    sequencesSection(report),
  ]
}

/** The warnings' heading and, with none, what to say instead. */
export function warningsText(report: Report): { heading: string; none: string } {
  const over = report.period.toDate !== true && report.warningsAsOf === report.period.to
  const end = report.period.wholeMonth ? 'month end' : 'the end of the period'
  return {
    heading: over
      ? `Warnings live at ${end}, ${dayLabel(report.period.to)}`
      : `Warnings live today, ${dayLabel(report.warningsAsOf)}`,
    none: over
      ? `No warnings were live at ${end}, ${dayLabel(report.period.to)}.`
      : 'No warnings are live today.',
  }
}
