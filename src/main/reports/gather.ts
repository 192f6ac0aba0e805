// Gathers what a report needs from the services that own each figure: the credit engine's
// statement and balance (warnings) per seat, and Analytics' metrics and comparison for the same
// period and filters. One read transaction, so every figure sees the same ledger.
import { AppError } from '../../shared/contract/errors'
import type { GroupBy, Metrics } from '../../shared/contract/analytics'
import {
  isPartOfSeats,
  type Report,
  type ReportPeriod,
  type ReportScope,
  type ScopeCredits,
  type SeatStatement,
} from '../../shared/contract/reports'
import { compare, metrics } from '../analytics/service'
import type { OutreachRow } from '../../shared/contract/outreach'
import { localDay } from '../credits/engine'
import { cachedSeat } from '../credits/cache'
import { balance, seatStatement } from '../credits/service'
import { endOfLocalDay } from '../credits/zone'
import type { Ledger } from '../ledger'
import { listOutreach } from '../outreach/service'
import { personKey, sequenceRunsInPeriod } from '../sequences/report'
import { getSeat, listSeats } from '../seats/service'
import { timeZoneOf } from '../settings/service'
import { buildReport, rankTemplates } from './build'
import { reportCost } from './cost'
import { dayLabel, periodOf, periodToDate, previousPeriod } from './period'
import { type ScopeRequest, type ScopeSend, scopeFilters, scopeOf, scopeSends } from './scope'

export interface ReportRequest extends ScopeRequest {
  from: string
  to: string
}

/** The seats whose statement belongs in the report. */
function seatsFor(ledger: Ledger, scope: ReportScope, to: string, bySeat: Metrics) {
  if (scope.kind === 'seat') return [getSeat(ledger, scope.seatId)]
  const seats = listSeats(ledger, true).filter((s) => s.startedOn <= to)
  // Credits belong to seats, not roles: a role's report shows the seats that wrote for it.
  if (isPartOfSeats(scope)) {
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
  const today = localDay(ledger.now().toISOString(), timeZone)
  // A period over: its last moment; one cut at today: now.
  const asOf = request.to < today ? endOfLocalDay(request.to, timeZone) : ledger.now().toISOString()
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

/**
 * What a role's or client's own InMails did to each seat's credits in the period: the spends of
 * its sends and the refunds their responses earned, the engine's entries picked by event id.
 */
function scopeCreditsOf(
  statements: readonly SeatStatement[],
  sends: readonly ScopeSend[],
): ScopeCredits[] {
  const spends = new Set(sends.map((s) => s.id))
  const responses = new Set(sends.flatMap((s) => s.responseIds))
  return statements.map((s) => {
    const entries = s.entries.filter(
      (e) =>
        e.eventId !== null &&
        ((e.kind === 'spend' && spends.has(e.eventId)) ||
          (e.kind === 'refund' && responses.has(e.eventId))),
    )
    const total = (kind: string) =>
      entries.filter((e) => e.kind === kind).reduce((n, e) => n + Math.abs(e.credits), 0)
    return {
      seatId: s.seatId,
      seat: s.seat,
      spent: total('spend'),
      refunded: total('refund'),
      entries,
    }
  })
}

/**
 * The period as far as it has happened: a future period is refused, one not over yet ends today
 * ("to date"), so scheduled grants and expiries are never shown as facts.
 */
function periodSoFar(
  ledger: Ledger,
  asked: ReportRequest,
): { request: ReportRequest; period: ReportPeriod } {
  const today = localDay(ledger.now().toISOString(), timeZoneOf(ledger))
  if (asked.from > today)
    throw new AppError(
      'VALIDATION_FAILED',
      `The period starts on ${dayLabel(asked.from)}, after today (${dayLabel(today)}): a report covers what has happened. Pick a period that has started.`,
    )
  if (asked.to <= today) return { request: asked, period: periodOf(asked.from, asked.to) }
  return { request: { ...asked, to: today }, period: periodToDate(asked.from, today) }
}

/** The report for a period and scope, as of the ledger's clock. */
export function gatherReport(ledger: Ledger, asked: ReportRequest): Report {
  const { request, period } = periodSoFar(ledger, asked)
  // The credit cache is not filled inside a transaction (it might roll back): fill it first, so
  // a busy seat is replayed once per change, not once per report.
  for (const seat of listSeats(ledger, true)) cachedSeat(ledger, seat.id)
  return ledger.db.transaction(() => {
    const scope = scopeOf(ledger, request)
    const filters = { from: request.from, to: request.to, ...scopeFilters(scope) }
    const by = (group: GroupBy) => metrics(ledger, { ...filters, by: group })
    const byTemplate = by('template')
    const bySeat = by('seat')
    const previous = previousPeriod(request.from, request.to, period.toDate === true)
    const ranked = rankTemplates(byTemplate.groups)
    const comparison =
      ranked.length >= 2
        ? compare(ledger, { ...filters, a: ranked[0]!.label, b: ranked.at(-1)!.label })
        : null
    const statements = statementsFor(ledger, scope, request, bySeat)
    const sends = isPartOfSeats(scope) ? scopeSends(ledger, scope) : null
    // Cost by the one definition: Analytics' for the same period and filters.
    const previousMetrics = metrics(ledger, { ...filters, from: previous.from, to: previous.to })
    return buildReport({
      period,
      previousPeriod: previous,
      scope,
      timeZone: timeZoneOf(ledger),
      generatedAt: ledger.now().toISOString(),
      // A role's or client's report never lists a seat's entries: they name other people.
      statements: sends ? statements.map((s) => ({ ...s, entries: [] })) : statements,
      scopeCredits: sends ? scopeCreditsOf(statements, sends) : null,
      warningsAsOf: warningsDay(ledger, request.to),
      byTemplate,
      byRole: by('role'),
      byChannel: by('channel'),
      bySeat,
      previous: previousMetrics,
      cost: reportCost(byTemplate.cost),
      previousCost: reportCost(previousMetrics.cost),
      comparison,
      sequences: sequenceRunsInPeriod(ledger, request, {
        seatId: scope.kind === 'seat' ? scope.seatId : undefined,
        people: sends
          ? new Set(
              sends.flatMap((s) =>
                s.contactId === null ? [] : [personKey(s.seatId, s.contactId)],
              ),
            )
          : undefined,
      }).sequences,
    })
  })()
}

/** The messages behind the funnel: the outreach table's rows sent in the period (local days). */
export function outreachRows(ledger: Ledger, report: Report): OutreachRow[] {
  const scope = report.scope
  // Outreach filters by one role: a client's report reads each of its roles.
  const roles: (string | undefined)[] =
    scope.kind === 'role' ? [scope.role] : scope.kind === 'client' ? scope.roles : [undefined]
  const rows = roles.flatMap(
    (role) =>
      listOutreach(ledger, {
        from: report.period.from,
        to: report.period.to,
        ...(scope.kind === 'seat' ? { seatId: scope.seatId } : {}),
        ...(role !== undefined ? { role } : {}),
        sort: 'sentAt',
        direction: 'asc',
        limit: Number.MAX_SAFE_INTEGER,
        offset: 0,
      }).rows,
  )
  return rows.sort((a, b) => a.sentAt.localeCompare(b.sentAt))
}
