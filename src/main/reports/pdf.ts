// The report as a PDF for print (A4 or US Letter): key figures, the funnel, month over month,
// time to first reply, cost, templates, groups, each seat's credit statement, sequences and the
// warnings live at the end of the period. Every figure comes from the report model.
import type { FunnelGroup } from '../../shared/contract/analytics'
import type { PaperSize, Report } from '../../shared/contract/reports'
import { reportFonts } from './fonts'
import { funnelChart, intervalAxis, intervalCell, replyTimeChart } from './pdf-charts'
import { chartCell, colors, type Column, Layout } from './pdf-layout'
import { dayLabel } from './period'
import {
  changeText,
  count,
  dash,
  entryKindLabel,
  hours,
  instantText,
  money,
  percent,
  rateText,
  whole,
} from './words'

const smallMark = '*'
const smallNote = `${smallMark} Fewer than 30 delivered: read the range in brackets, not the rate.`

/** What the period is compared with, in a few words. */
function versus(report: Report): string {
  return report.period.wholeMonth ? report.previousPeriod.label : 'the period before'
}

function keyFigures(layout: Layout, report: Report): void {
  const { funnel, change } = report
  const tiles = [
    {
      label: 'Delivered',
      value: whole(funnel.delivered),
      delta: changeText(change.delivered, 'count'),
    },
    {
      label: 'Reply rate',
      value: percent(funnel.replyRate.value),
      delta: changeText(change.replyRate, 'rate'),
    },
    {
      label: 'Meetings',
      value: whole(funnel.meetings),
      delta: changeText(change.meetings, 'count'),
    },
    {
      label: 'Cost per reply',
      value: money(funnel.cost.perReplyCents),
      delta: changeText(change.costPerReplyCents, 'cents'),
    },
  ]
  const gap = 10
  const w = (layout.width - gap * (tiles.length - 1)) / tiles.length
  const h = 70
  layout.ensure(h + 10)
  tiles.forEach((tile, i) => {
    const x = layout.left + i * (w + gap)
    layout.doc.roundedRect(x, layout.y, w, h, 5).fill(colors.band)
    layout.line(tile.label, x + 10, layout.y + 8, w - 20, { size: 8, color: colors.muted })
    layout.line(tile.value, x + 10, layout.y + 21, w - 20, { size: 17, bold: true })
    layout.line(tile.delta, x + 10, layout.y + 44, w - 20, {
      size: 8,
      bold: true,
      color: colors.muted,
    })
    layout.line(`vs ${versus(report)}`, x + 10, layout.y + 55, w - 20, {
      size: 7,
      color: colors.faint,
    })
  })
  layout.y += h + 8
}

function title(layout: Layout, report: Report): void {
  layout.line('Outreach report', layout.left, layout.y, layout.width, { bold: true, size: 22 })
  layout.y += 30
  layout.line(
    `${report.period.label}  ·  ${report.scope.label}`,
    layout.left,
    layout.y,
    layout.width,
    {
      size: 12.5,
      color: colors.accent,
      bold: true,
    },
  )
  layout.y += 20
  const range = `${report.period.from} to ${report.period.to}`
  const scope =
    report.scope.kind === 'role'
      ? `Outreach for the role ${report.scope.role}${report.scope.client ? `, client ${report.scope.client}` : ''}.`
      : report.scope.kind === 'seat'
        ? `Outreach and credits of the seat ${report.scope.label}.`
        : 'Outreach and credits of every seat.'
  layout.paragraph(
    `${range}, by calendar day in ${report.timeZone}. ${scope} Compared with ${report.previousPeriod.label}.`,
    { size: 9, color: colors.muted },
  )
  layout.space(4)
}

function funnelSection(layout: Layout, report: Report): void {
  layout.heading('Funnel', 130)
  const f = report.funnel
  if (f.delivered === 0) {
    layout.paragraph('Nothing was sent in this period.', { color: colors.muted })
    return
  }
  funnelChart(layout, f)
  layout.paragraph(
    `Rates are shares of delivered messages, each with its 95% range (Wilson).${f.smallSample ? ` Fewer than 30 were delivered, so the ranges are wide: read them, not the rates.` : ''}`,
    { size: 8, color: colors.muted },
  )
}

function changeSection(layout: Layout, report: Report): void {
  layout.heading(
    report.period.wholeMonth
      ? 'Month over month'
      : `Against the period before (${report.previousPeriod.label})`,
    120,
  )
  const { change, funnel, previousFunnel } = report
  const rows: [string, string, string, string][] = [
    [
      'Delivered',
      whole(funnel.delivered),
      whole(previousFunnel.delivered),
      changeText(change.delivered, 'count'),
    ],
    [
      'Replies',
      whole(funnel.replies),
      whole(previousFunnel.replies),
      changeText(change.replies, 'count'),
    ],
    [
      'Meetings',
      whole(funnel.meetings),
      whole(previousFunnel.meetings),
      changeText(change.meetings, 'count'),
    ],
    [
      'Reply rate',
      rateText(funnel.replyRate),
      rateText(previousFunnel.replyRate),
      changeText(change.replyRate, 'rate'),
    ],
    [
      'Positive reply rate',
      rateText(funnel.positiveRate),
      rateText(previousFunnel.positiveRate),
      changeText(change.positiveRate, 'rate'),
    ],
    [
      'Meeting rate',
      rateText(funnel.meetingRate),
      rateText(previousFunnel.meetingRate),
      changeText(change.meetingRate, 'rate'),
    ],
    [
      'Median time to first reply',
      hours(funnel.timeToFirstReply.medianHours),
      hours(previousFunnel.timeToFirstReply.medianHours),
      changeText(change.medianHoursToFirstReply, 'hours'),
    ],
    [
      'Cost per reply',
      money(funnel.cost.perReplyCents),
      money(previousFunnel.cost.perReplyCents),
      changeText(change.costPerReplyCents, 'cents'),
    ],
    [
      'Cost per meeting',
      money(funnel.cost.perMeetingCents),
      money(previousFunnel.cost.perMeetingCents),
      changeText(change.costPerMeetingCents, 'cents'),
    ],
  ]
  layout.table(
    [
      { header: '', width: 30 },
      { header: report.period.label, width: 26, align: 'right' },
      { header: report.previousPeriod.label, width: 26, align: 'right' },
      { header: 'Change', width: 18, align: 'right' },
    ],
    rows,
  )
}

function replyTimeSection(layout: Layout, report: Report): void {
  const t = report.funnel.timeToFirstReply
  layout.heading('Time to first reply', 130)
  const answered = t.histogram.reduce((n, b) => n + b.count, 0)
  if (answered === 0) {
    layout.paragraph('No replies to outreach sent in this period yet.', { color: colors.muted })
    return
  }
  const chartWidth = layout.width * 0.62
  const height = 120
  layout.ensure(height)
  const top = layout.y
  replyTimeChart(layout, t.histogram, layout.left, chartWidth, height)
  const x = layout.left + chartWidth + 24
  const w = layout.width - chartWidth - 24
  const facts: [string, string][] = [
    ['Median', hours(t.medianHours)],
    ['Middle half', t.p25Hours === null ? dash : `${hours(t.p25Hours)} – ${hours(t.p75Hours)}`],
    ['Replies timed', whole(answered)],
  ]
  facts.forEach(([label, value], i) => {
    layout.line(label, x, top + 8 + i * 32, w, { size: 8, color: colors.muted })
    layout.line(value, x, top + 19 + i * 32, w, { size: 12, bold: true })
  })
  layout.y = top + height + 6
}

function costSection(layout: Layout, report: Report): void {
  const c = report.funnel.cost
  layout.heading('Cost', 90)
  layout.table(
    [
      { header: 'Spend in the period', width: 1, align: 'right' },
      { header: 'Per reply', width: 1, align: 'right' },
      { header: 'Per positive reply', width: 1, align: 'right' },
      { header: 'Per meeting', width: 1, align: 'right' },
      { header: 'Per hire', width: 1, align: 'right' },
    ],
    [
      [
        money(c.totalCents),
        money(c.perReplyCents),
        money(c.perPositiveCents),
        money(c.perMeetingCents),
        money(c.perHireCents),
      ],
    ],
    {
      caption:
        report.scope.kind === 'role'
          ? 'Plan prices over the days of the period plus purchased credits; a role carries its share of each seat’s cost by messages sent.'
          : 'Plan prices over the days of the period plus purchased credits.',
    },
  )
}

function groupTable(
  layout: Layout,
  groups: readonly FunnelGroup[],
  what: string,
  chart: boolean,
): void {
  const shown = groups.slice(0, 25)
  const max = Math.min(
    1,
    Math.max(0.1, ...shown.map((g) => (g.replyRate.high === null ? 0 : g.replyRate.high))),
  )
  const columns: Column[] = [
    { header: what, width: chart ? 28 : 34, wrap: true },
    { header: 'Delivered', width: 11, align: 'right' },
    { header: 'Replies', width: 9, align: 'right' },
    { header: 'Reply rate (95%)', width: 17, align: 'right' },
    { header: 'Meetings', width: 11, align: 'right' },
    ...(chart
      ? [{ header: 'Reply rate and range', width: 24 }]
      : [{ header: 'Cost', width: 18, align: 'right' as const }]),
  ]
  layout.table(
    columns,
    shown.map((g) => [
      `${g.label}${g.smallSample ? ` ${smallMark}` : ''}`,
      whole(g.delivered),
      whole(g.replies),
      rateText(g.replyRate),
      whole(g.meetings),
      chart ? chartCell : money(g.cost.totalCents),
    ]),
    {
      draw: (row, _col, box) => intervalCell(layout, shown[row]!.replyRate, box, max),
      caption:
        [
          groups.length > shown.length
            ? `The ${whole(shown.length)} most used of ${whole(groups.length)}.`
            : '',
          groups.some((g) => g.smallSample) ? smallNote : '',
        ]
          .filter(Boolean)
          .join(' ') || undefined,
    },
  )
  if (chart) {
    const at = layout.columns(columns).at(-1)!
    layout.y -= 8
    intervalAxis(layout, at.x, at.w, max)
  }
}

function templatesSection(layout: Layout, report: Report): void {
  layout.heading('Templates', 90)
  const t = report.templates
  if (t.best && t.worst) {
    layout.paragraph(`Best: ${t.best.label}, ${rateText(t.best.replyRate)} replied.`, {
      bold: true,
      size: 9.5,
    })
    layout.paragraph(`Worst: ${t.worst.label}, ${rateText(t.worst.replyRate)} replied.`, {
      bold: true,
      size: 9.5,
    })
  }
  layout.paragraph(t.summary, { size: 9, color: colors.muted })
  if (report.byTemplate.length > 0) groupTable(layout, report.byTemplate, 'Template', true)
}

function groupsSection(layout: Layout, report: Report): void {
  if (report.scope.kind !== 'role' && report.byRole.length > 0) {
    layout.heading('By role', 70)
    groupTable(layout, report.byRole, 'Role', false)
  }
  if (report.byChannel.length > 0) {
    layout.heading('By channel', 70)
    groupTable(layout, report.byChannel, 'Channel', false)
  }
  if (report.scope.kind !== 'seat' && report.bySeat.length > 1) {
    layout.heading('By seat', 70)
    groupTable(layout, report.bySeat, 'Seat', false)
  }
}

function statementsSection(layout: Layout, report: Report): void {
  layout.heading('Credit statements', 90)
  if (report.statements.length === 0) {
    layout.paragraph('No seat held credits in this period.', { color: colors.muted })
    return
  }
  if (report.scope.kind === 'role')
    layout.paragraph(
      'Credits belong to seats, not roles: these are the statements of the seats that wrote for this role.',
      { size: 8.5, color: colors.muted },
    )
  const signed = (n: number, sign: 1 | -1) =>
    n === 0 ? '0' : sign < 0 ? `−${whole(n)}` : `+${whole(n)}`
  layout.table(
    [
      { header: 'Seat', width: 22, wrap: true },
      { header: 'Opening', width: 9, align: 'right' },
      { header: 'Granted', width: 9, align: 'right' },
      { header: 'Bought', width: 8, align: 'right' },
      { header: 'Spent', width: 8, align: 'right' },
      { header: 'Refunded', width: 10, align: 'right' },
      { header: 'Expired', width: 8.5, align: 'right' },
      { header: 'Forfeited', width: 9.5, align: 'right' },
      { header: 'Adjusted', width: 9.5, align: 'right' },
      { header: 'Closing', width: 9, align: 'right' },
    ],
    report.statements.map((s) => [
      s.seat,
      whole(s.opening),
      signed(s.granted, 1),
      signed(s.purchased, 1),
      signed(s.spent, -1),
      signed(s.refunded, 1),
      signed(s.expired, -1),
      signed(s.forfeited, -1),
      s.adjusted > 0 ? `+${whole(s.adjusted)}` : s.adjusted < 0 ? `−${whole(-s.adjusted)}` : '0',
      whole(s.closing),
    ]),
    {
      size: 7.5,
      caption:
        'Opening + granted + bought − spent + refunded − expired − forfeited ± adjusted = closing. Every entry is in the CSV export (statement-entries.csv).',
    },
  )
  for (const s of report.statements) {
    const notable = s.entries.filter((e) => e.kind !== 'spend' && e.kind !== 'refund')
    const sends = s.entries.filter((e) => e.kind === 'spend').length
    const refunds = s.entries.filter((e) => e.kind === 'refund').length
    layout.subheading(`${s.seat} · ${s.plan}`, 40)
    layout.paragraph(
      `${count(sends, 'InMail')} spent a credit and ${count(refunds, 'refund')} came back in this period.${notable.length === 0 ? ' No grants, purchases, expiries or adjustments.' : ''}`,
      { size: 8.5, color: colors.muted },
    )
    if (notable.length > 0)
      layout.table(
        [
          { header: 'Day', width: 16 },
          { header: 'Entry', width: 18 },
          { header: 'Credits', width: 10, align: 'right' },
          { header: 'Note', width: 56, wrap: true },
        ],
        notable.map((e) => [
          dayLabel(e.day),
          entryKindLabel[e.kind],
          e.credits > 0 ? `+${whole(e.credits)}` : e.credits < 0 ? `−${whole(-e.credits)}` : '0',
          e.note,
        ]),
        { size: 8 },
      )
  }
}

function sequencesSection(layout: Layout, report: Report): void {
  layout.heading('Follow-up sequences', 50)
  if (report.sequences.length === 0) {
    layout.paragraph('No sequences ran in this period.', { color: colors.muted })
    return
  }
  layout.table(
    [
      { header: 'Sequence', width: 28, wrap: true },
      { header: 'Enrolled', width: 10, align: 'right' },
      { header: 'Completed', width: 11, align: 'right' },
      { header: 'Stopped by a reply', width: 16, align: 'right' },
      { header: 'Still running', width: 12, align: 'right' },
      { header: 'Steps done', width: 11, align: 'right' },
      { header: 'Skipped', width: 10, align: 'right' },
    ],
    report.sequences.map((s) => [
      s.sequence,
      whole(s.enrolled),
      whole(s.completed),
      whole(s.stoppedByResponse),
      whole(s.active),
      whole(s.stepsDone),
      whole(s.stepsSkipped),
    ]),
    {
      caption:
        'Enrolled: started in the period. Completed and stopped: ended in the period. Sequences are counted for every seat.',
    },
  )
}

function warningsSection(layout: Layout, report: Report): void {
  const over = report.warningsAsOf === report.period.to
  layout.heading(
    over
      ? 'Warnings at the end of the period'
      : `Warnings live today, ${dayLabel(report.warningsAsOf)}`,
    50,
  )
  if (report.warnings.length === 0) {
    layout.paragraph(
      over
        ? `No warnings were live on ${dayLabel(report.period.to)}.`
        : 'No warnings are live today.',
      { color: colors.muted },
    )
    return
  }
  for (const w of report.warnings) {
    layout.font(false, 9)
    const text = `${w.seat}: ${w.message}`
    const height = layout.doc.heightOfString(text, { width: layout.width - 22 })
    layout.ensure(height + 10)
    layout.doc.rect(layout.left, layout.y, 3, height + 4).fill(colors.warning)
    const width = layout.width - 22
    layout
      .font(true, 9)
      .text(`${w.seat}: `, layout.left + 12, layout.y + 2, { width, continued: true })
    layout.font(false, 9).text(w.message, { width })
    layout.y += height + 10
  }
}

/** The report as PDF bytes. */
export async function reportPdf(report: Report, paper: PaperSize): Promise<Buffer> {
  const layout = new Layout(paper, reportFonts(), {
    title: report.title,
    subject: `${report.period.label}, ${report.scope.label}`,
    createdAt: new Date(report.generatedAt),
  })
  title(layout, report)
  keyFigures(layout, report)
  funnelSection(layout, report)
  changeSection(layout, report)
  replyTimeSection(layout, report)
  costSection(layout, report)
  templatesSection(layout, report)
  groupsSection(layout, report)
  statementsSection(layout, report)
  sequencesSection(layout, report)
  warningsSection(layout, report)
  layout.stampPages({
    left: `Outreach Ledger  ·  ${report.scope.label}`,
    right: `${report.period.label}  (${report.period.from} to ${report.period.to})`,
    footerLeft: `Generated ${instantText(report.generatedAt, report.timeZone)}  ·  period ${report.period.from} to ${report.period.to}`,
  })
  return layout.finish()
}
