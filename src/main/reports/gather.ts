// Gathers what a report needs from the services that own each figure: the credit engine's
// statement and balance (warnings) per seat, and Analytics' metrics and comparison for the same
// period and filters. One read transaction, so every figure sees the same ledger.
import type { GroupBy, Metrics } from '../../shared/contract/analytics'
import { AppError } from '../../shared/contract/errors'
import type { Report, ReportScope, SeatStatement } from '../../shared/contract/reports'
import { compare, metrics } from '../analytics/service'
import type { OutreachRow } from '../../shared/contract/outreach'
import { addDays, localDay } from '../credits/engine'
import { cachedSeat } from '../credits/cache'
import { balance, seatStatement } from '../credits/service'
import { endOfLocalDay, startOfLocalDay } from '../credits/zone'
import type { Ledger } from '../ledger'
import { listOutreach } from '../outreach/service'
import { getSeat, listSeats } from '../seats/service'
import { timeZoneOf } from '../settings/service'
import { buildReport, rankTemplates } from './build'
import { periodOf, previousPeriod } from './period'
import { sequenceRuns } from './sequences'

export interface ReportRequest {
  from: string
  to: string
  seatId?: number | undefined
  role?: string | undefined
}

function scopeOf(ledger: Ledger, request: ReportRequest): ReportScope {
  if (request.seatId !== undefined) {
    const seat = getSeat(ledger, request.seatId)
    return { kind: 'seat', seatId: seat.id, label: seat.name }
  }
  if (request.role !== undefined) {
    const role = ledger.db
      .prepare('SELECT name, client FROM roles WHERE name = ? COLLATE NOCASE')
      .get(request.role) as { name: string; client: string | null } | undefined
    const typed = role
      ? null
      : (ledger.db
          .prepare(
            `SELECT role FROM live_events WHERE role = ? COLLATE NOCASE
               AND kind IN ('inmail-sent', 'message-sent') LIMIT 1`,
          )
          .get(request.role) as { role: string } | undefined)
    if (!role && !typed) {
      const names = (
        ledger.db.prepare('SELECT name FROM roles ORDER BY name COLLATE NOCASE').all() as {
          name: string
        }[]
      ).map((r) => r.name)
      throw new AppError(
        'NOT_FOUND',
        names.length === 0
          ? `There is no role named "${request.role}". Add roles in Settings.`
          : `There is no role named "${request.role}". Roles: ${names.join(', ')}.`,
      )
    }
    const name = role?.name ?? typed!.role
    const client = role?.client ?? null
    return { kind: 'role', role: name, client, label: client ? `${name} (${client})` : name }
  }
  return { kind: 'all', label: 'All seats' }
}

/** The seats whose statement belongs in the report. */
function seatsFor(ledger: Ledger, scope: ReportScope, to: string, bySeat: Metrics) {
  if (scope.kind === 'seat') return [getSeat(ledger, scope.seatId)]
  const seats = listSeats(ledger, true).filter((s) => s.startedOn <= to)
  // Credits belong to seats, not roles: a role's report shows the seats that wrote for it.
  if (scope.kind === 'role') {
    const wrote = new Set(bySeat.groups.map((g) => Number(g.key)))
    return seats.filter((s) => wrote.has(s.id))
  }
  return seats
}

/** Warnings "at month end"; for a period not over yet, today's. */
function warningsDay(ledger: Ledger, to: string): string {
  const today = localDay(ledger.now().toISOString(), timeZoneOf(ledger))
  return to < today ? to : today
}

function statementsFor(
  ledger: Ledger,
  scope: ReportScope,
  request: ReportRequest,
  bySeat: Metrics,
): SeatStatement[] {
  const timeZone = timeZoneOf(ledger)
  const day = warningsDay(ledger, request.to)
  const asOf = day === request.to ? endOfLocalDay(request.to, timeZone) : ledger.now().toISOString()
  return seatsFor(ledger, scope, request.to, bySeat).flatMap((seat): SeatStatement[] => {
    const s = seatStatement(ledger, { seatId: seat.id, from: request.from, to: request.to })
    const live = balance(ledger, seat.id, asOf)
    // An archived seat with nothing in the period has nothing to report.
    if (seat.archivedAt && s.entries.length === 0 && s.opening === 0) return []
    return [
      {
        seatId: seat.id,
        seat: seat.name,
        plan: seat.planName,
        opening: s.opening,
        granted: s.granted,
        purchased: s.purchased,
        spent: s.spent,
        refunded: s.refunded,
        expired: s.expired,
        forfeited: s.forfeited,
        adjusted: s.adjusted,
        closing: s.closing,
        entries: s.entries,
        warnings: live.warnings,
        warningsAsOf: live.asOf,
      },
    ]
  })
}

/** The report for a period and scope, as of the ledger's clock. */
export function gatherReport(ledger: Ledger, request: ReportRequest): Report {
  // The credit cache is not filled inside a transaction (it might roll back): fill it first, so
  // a busy seat is replayed once per change, not once per report.
  for (const seat of listSeats(ledger, true)) cachedSeat(ledger, seat.id)
  return ledger.db.transaction(() => {
    const scope = scopeOf(ledger, request)
    const filters = {
      from: request.from,
      to: request.to,
      ...(request.seatId !== undefined ? { seatId: request.seatId } : {}),
      ...(scope.kind === 'role' ? { role: scope.role } : {}),
    }
    const by = (group: GroupBy) => metrics(ledger, { ...filters, by: group })
    const byTemplate = by('template')
    const bySeat = by('seat')
    const previous = previousPeriod(request.from, request.to)
    const ranked = rankTemplates(byTemplate.groups)
    const comparison =
      ranked.length >= 2
        ? compare(ledger, { ...filters, a: ranked[0]!.label, b: ranked.at(-1)!.label })
        : null
    return buildReport({
      period: periodOf(request.from, request.to),
      previousPeriod: previous,
      scope,
      timeZone: timeZoneOf(ledger),
      generatedAt: ledger.now().toISOString(),
      statements: statementsFor(ledger, scope, request, bySeat),
      warningsAsOf: warningsDay(ledger, request.to),
      byTemplate,
      byRole: by('role'),
      byChannel: by('channel'),
      bySeat,
      previous: metrics(ledger, { ...filters, from: previous.from, to: previous.to }),
      comparison,
      sequences: sequenceRuns(ledger, request.from, request.to),
    })
  })()
}

/**
 * The messages behind the funnel: the outreach table's rows sent in the period by the user's
 * calendar (the table filters by UTC day, so a day either side is read and the edges trimmed).
 */
export function outreachRows(ledger: Ledger, report: Report): OutreachRow[] {
  const timeZone = report.timeZone
  const fromAt = startOfLocalDay(report.period.from, timeZone)
  const toAt = startOfLocalDay(addDays(report.period.to, 1), timeZone)
  const { rows } = listOutreach(ledger, {
    from: addDays(report.period.from, -1),
    to: addDays(report.period.to, 1),
    ...(report.scope.kind === 'seat' ? { seatId: report.scope.seatId } : {}),
    ...(report.scope.kind === 'role' ? { role: report.scope.role } : {}),
    sort: 'sentAt',
    direction: 'asc',
    limit: Number.MAX_SAFE_INTEGER,
    offset: 0,
  })
  return rows.filter((r) => r.sentAt >= fromAt && r.sentAt < toAt)
}
