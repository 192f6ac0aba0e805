// The report as CSV, one file per table, for a spreadsheet: UTF-8 with a BOM (so Excel reads the
// names right), ISO dates, CRLF lines, and text cells that would start a formula (=, +, -, @, or a
// tab or carriage return) prefixed with an apostrophe. Numbers stay numbers, negatives included.
import type { FunnelGroup } from '../../shared/contract/analytics'
import type { OutreachRow } from '../../shared/contract/outreach'
import type { Report } from '../../shared/contract/reports'

/** A cell: text is neutralised against formula injection, numbers are written as they are. */
export type Cell = string | number | null

export interface CsvTable {
  /** The file name, e.g. "outreach.csv". */
  name: string
  header: string[]
  rows: Cell[][]
}

const bom = '\uFEFF'

/** A text cell Excel, LibreOffice or Sheets would read as a formula, made plain text. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text
}

function cell(value: Cell): string {
  if (value === null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  return quote(neutralise(value))
}

export function csvText(table: CsvTable): string {
  const lines = [
    table.header.map((h) => quote(neutralise(h))),
    ...table.rows.map((r) => r.map(cell)),
  ]
  return bom + lines.map((l) => l.join(',')).join('\r\n') + '\r\n'
}

export function statementTotalsTable(report: Report): CsvTable {
  return {
    name: 'statements.csv',
    header: [
      'Seat',
      'Plan',
      'From',
      'To',
      'Opening',
      'Granted',
      'Purchased',
      'Spent',
      'Refunded',
      'Expired',
      'Forfeited',
      'Adjusted',
      'Closing',
    ],
    rows: report.statements.map((s) => [
      s.seat,
      s.plan,
      report.period.from,
      report.period.to,
      s.opening,
      s.granted,
      s.purchased,
      s.spent,
      s.refunded,
      s.expired,
      s.forfeited,
      s.adjusted,
      s.closing,
    ]),
  }
}

export function statementEntriesTable(report: Report): CsvTable {
  return {
    name: 'statement-entries.csv',
    header: ['Seat', 'Day', 'Entry', 'Credits', 'Note', 'Event id'],
    rows: report.statements.flatMap((s) =>
      s.entries.map((e) => [s.seat, e.day, e.kind, e.credits, e.note, e.eventId]),
    ),
  }
}

export function outreachTable(rows: readonly OutreachRow[]): CsvTable {
  return {
    name: 'outreach.csv',
    header: [
      'Sent at (UTC)',
      'Seat',
      'Channel',
      'Contact',
      'Profile URL',
      'Template',
      'Role',
      'Subject',
      'Status',
      'Responded at (UTC)',
      'Sentiment',
      'Follow-ups',
    ],
    rows: rows.map((r) => [
      r.sentAt,
      r.seat,
      r.channel,
      r.contact,
      r.profileUrl,
      r.template,
      r.role,
      r.subject,
      r.status,
      r.respondedAt,
      r.sentiment,
      r.followups,
    ]),
  }
}

function groupRows(by: string, groups: readonly FunnelGroup[]): Cell[][] {
  return groups.map((g) => [
    by,
    g.label,
    g.delivered,
    g.replies,
    g.positive,
    g.meetings,
    g.hires,
    g.replyRate.value,
    g.replyRate.low,
    g.replyRate.high,
    g.positiveRate.value,
    g.meetingRate.value,
    g.timeToFirstReply.medianHours,
    g.cost.totalCents,
    g.cost.perReplyCents,
    g.cost.perMeetingCents,
    g.smallSample ? 'yes' : 'no',
  ])
}

export function funnelTable(report: Report): CsvTable {
  const f = report.funnel
  const total: FunnelGroup = { ...f, key: 'all', label: report.scope.label }
  return {
    name: 'funnel-by-group.csv',
    header: [
      'Group by',
      'Group',
      'Delivered',
      'Replies',
      'Positive',
      'Meetings',
      'Hires',
      'Reply rate',
      'Reply rate low (95%)',
      'Reply rate high (95%)',
      'Positive rate',
      'Meeting rate',
      'Median hours to first reply',
      'Cost (cents)',
      'Cost per reply (cents)',
      'Cost per meeting (cents)',
      'Small sample',
    ],
    rows: [
      ...groupRows('all', [total]),
      ...groupRows('template', report.byTemplate),
      ...groupRows('role', report.byRole),
      ...groupRows('channel', report.byChannel),
      ...groupRows('seat', report.bySeat),
    ],
  }
}

/** Every table of the report, one file each. */
export function reportTables(report: Report, outreach: readonly OutreachRow[]): CsvTable[] {
  return [
    statementTotalsTable(report),
    statementEntriesTable(report),
    outreachTable(outreach),
    funnelTable(report),
  ]
}
