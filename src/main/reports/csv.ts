// The report as CSV, one file per table, for a spreadsheet: UTF-8 with a BOM (so Excel reads the
// names right), ISO dates, CRLF lines, and text cells that would start a formula (=, +, -, @, or a
// tab or carriage return) prefixed with an apostrophe. Numbers stay numbers, negatives included:
// credits going out (spent, expired, forfeited) are negative in every file, credits coming in
// positive, so a row's columns add up to its closing balance.
import type { OutreachRow } from '../../shared/contract/outreach'
import { isPartOfSeats, type Report, type ReportGroup } from '../../shared/contract/reports'
import { costDefinition, scopeCostDefinition } from '../../shared/reports/sections'

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
    // A role's or client's report: only what its own InMails spent and got back; the seat's
    // own figures (grants, purchases, balances) cover every client and are left empty.
    rows: report.scopeCredits
      ? report.scopeCredits.map((u) => {
          const plan = report.statements.find((s) => s.seatId === u.seatId)?.plan ?? ''
          const seatOnly = null
          return [
            u.seat,
            plan,
            report.period.from,
            report.period.to,
            seatOnly,
            seatOnly,
            seatOnly,
            -u.spent,
            u.refunded,
            seatOnly,
            seatOnly,
            seatOnly,
            seatOnly,
          ]
        })
      : report.statements.map((s) => [
          s.seat,
          s.plan,
          report.period.from,
          report.period.to,
          s.opening,
          s.granted,
          s.purchased,
          // Credits going out are negative, as in statement-entries.csv and every other output.
          -s.spent,
          s.refunded,
          -s.expired,
          -s.forfeited,
          s.adjusted,
          s.closing,
        ]),
  }
}

/**
 * Every entry of the seats' statements; for a role or client only the entries of its own sends
 * (their spends and refunds): the rest of a seat's entries name other clients' candidates.
 */
export function statementEntriesTable(report: Report): CsvTable {
  const seats = report.scopeCredits ?? report.statements
  return {
    name: 'statement-entries.csv',
    header: ['Seat', 'Day', 'Entry', 'Credits', 'Note', 'Event id'],
    rows: seats.flatMap((s) =>
      s.entries.map((e) => [s.seat, e.day, e.kind, e.credits, e.note, e.eventId]),
    ),
  }
}

/** The cost this period and the one before, with the definition in every row. */
export function costTable(report: Report): CsvTable {
  const definition = isPartOfSeats(report.scope)
    ? `${costDefinition} ${scopeCostDefinition}`
    : costDefinition
  const row = (period: Report['period'], c: Report['cost']) => [
    period.from,
    period.to,
    c.subscriptionCents,
    c.purchasedCents,
    c.totalCents,
    c.creditInmails,
    c.replies,
    c.positive,
    c.meetings,
    c.hires,
    c.perInmailCents,
    c.perReplyCents,
    c.perPositiveCents,
    c.perMeetingCents,
    c.perHireCents,
    definition,
  ]
  return {
    name: 'cost.csv',
    header: [
      'From',
      'To',
      'Plan price (cents)',
      'Purchased credits (cents)',
      'Total (cents)',
      'Credit InMails',
      'Replies to credit InMails',
      'Positive replies to credit InMails',
      'Meetings from credit InMails',
      'Hires from credit InMails',
      'Cost per InMail (cents)',
      'Cost per reply to a credit InMail (cents)',
      'Cost per positive reply to a credit InMail (cents)',
      'Cost per meeting from a credit InMail (cents)',
      'Cost per hire from a credit InMail (cents)',
      'Definition',
    ],
    rows: [row(report.period, report.cost), row(report.previousPeriod, report.previousCost)],
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

function groupRows(by: string, groups: readonly ReportGroup[]): Cell[][] {
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
    g.smallSample ? 'yes' : 'no',
  ])
}

export function funnelTable(report: Report): CsvTable {
  const f = report.funnel
  const total: ReportGroup = { ...f, key: 'all', label: report.scope.label }
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
    costTable(report),
  ]
}
