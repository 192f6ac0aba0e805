// Analytics: the funnel of the outreach sent in a period, by group, by week, and two templates
// compared. SQL counts (cohort.ts); the pure functions in funnel.ts and compare.ts do the rest.
import type * as z from 'zod'
import type {
  analytics as analyticsContract,
  Comparison,
  FunnelCost,
  FunnelGroup,
  GroupBy,
  Metrics,
  TrendPoint,
} from '../../shared/contract/analytics'
import { addDays, fromDayNumber, toDayNumber } from '../credits/engine/days'
import { localDay } from '../credits/engine'
import { startOfLocalDay } from '../credits/zone'
import type { Ledger } from '../ledger'
import { timeZoneOf } from '../settings/service'
import {
  type CohortFilters,
  type CohortQuery,
  type CountRow,
  countCohort,
  countPaidInmails,
  firstSendAt,
  type PaidRow,
  paidInmailsPerSeat,
  type RankRow,
} from './cohort'
import { compareArms } from './compare'
import { costOf, noPaidCounts, type PaidCounts, seatSpends, sliceSpend, wholeSpend } from './cost'
import { emptyCounts, type FunnelCounts, funnelOf, percentileAt, rateOf } from './funnel'
import { type KeyNames, keyLabel, keyString, sortGroups } from './groups'
import { offsetSpans } from './local-time'

type Input<K extends keyof typeof analyticsContract> = z.output<
  (typeof analyticsContract)[K]['input']
>

interface Period {
  from: string
  to: string
  fromAt: string
  toAt: string
}

function today(ledger: Ledger, timeZone: string): string {
  return localDay(ledger.now().toISOString(), timeZone)
}

function periodOf(from: string, to: string, timeZone: string): Period {
  return {
    from,
    to,
    fromAt: startOfLocalDay(from, timeZone),
    toAt: startOfLocalDay(addDays(to, 1), timeZone),
  }
}

/** The period asked for; with no start, from the first message sent (by the seat) to `to`. */
function resolvePeriod(
  ledger: Ledger,
  input: { from?: string | undefined; to?: string | undefined; seatId?: number | undefined },
  timeZone: string,
): Period {
  const to = input.to ?? today(ledger, timeZone)
  let from = input.from
  if (from === undefined) {
    const first = firstSendAt(ledger, input.seatId)
    const day = first ? localDay(first, timeZone) : to
    from = day < to ? day : to
  }
  return periodOf(from, to, timeZone)
}

function cohortQuery(
  filters: CohortFilters,
  period: Period,
  timeZone: string,
  by: GroupBy | null,
): CohortQuery {
  return {
    seatId: filters.seatId,
    role: filters.role,
    client: filters.client,
    template: filters.template,
    channel: filters.channel,
    fromAt: period.fromAt,
    toAt: period.toAt,
    offsets: offsetSpans(timeZone, Date.parse(period.fromAt), Date.parse(period.toAt)),
    by,
  }
}

interface Tally {
  counts: FunnelCounts
  /** For cost: the paid InMails per seat, and the results of the conversations they opened. */
  paid: PaidCounts
  paidPerSeat: Map<number, number>
  label: string | null
}

function newTally(): Tally {
  return {
    counts: { ...emptyCounts, histogram: [...emptyCounts.histogram] },
    paid: { ...noPaidCounts },
    paidPerSeat: new Map(),
    label: null,
  }
}

function keepLabel(tally: Tally, label: string | null): void {
  if (label !== null && (tally.label === null || label < tally.label)) tally.label = label
}

/** A group's paid InMails on one seat. */
function addPaid(tally: Tally, row: PaidRow): void {
  tally.paid.paidInmails += row.paidInmails
  tally.paidPerSeat.set(row.seatId, (tally.paidPerSeat.get(row.seatId) ?? 0) + row.paidInmails)
  keepLabel(tally, row.label)
}

function add(tally: Tally, row: CountRow): void {
  const c = tally.counts
  tally.counts = {
    ...c,
    delivered: c.delivered + row.delivered,
    replies: c.replies + row.replies,
    positive: c.positive + row.positive,
    meetings: c.meetings + row.meetings,
    hires: c.hires + row.hires,
    histogram: c.histogram.map((n, i) => n + (row.histogram[i] ?? 0)),
  }
  tally.paid.replies += row.paid.replies
  tally.paid.positive += row.paid.positive
  tally.paid.meetings += row.paid.meetings
  tally.paid.hires += row.paid.hires
  keepLabel(tally, row.label)
}

/** The 25th, 50th and 75th percentiles from the ranks the SQL picked out. */
function withPercentiles(counts: FunnelCounts, ranks: readonly RankRow[]): FunnelCounts {
  const n = ranks[0]?.n ?? 0
  const byRank = new Map(ranks.map((r) => [r.i, r.hours]))
  const at = (i: number) => byRank.get(i) ?? Number.NaN
  return {
    ...counts,
    p25Hours: percentileAt(n, 0.25, at),
    medianHours: percentileAt(n, 0.5, at),
    p75Hours: percentileAt(n, 0.75, at),
  }
}

function keyNames(ledger: Ledger, by: GroupBy): KeyNames {
  const seats =
    by === 'seat'
      ? (ledger.db.prepare('SELECT id, name FROM seats').all() as { id: number; name: string }[])
      : []
  const versions =
    by === 'templateVersion'
      ? (ledger.db
          .prepare(
            `SELECT v.id, t.name || ' v' || v.version AS name
             FROM template_versions v JOIN templates t ON t.id = v.template_id`,
          )
          .all() as { id: number; name: string }[])
      : []
  return {
    seats: new Map(seats.map((s) => [s.id, s.name])),
    versions: new Map(versions.map((v) => [v.id, v.name])),
  }
}

/** The funnel of what was sent in the period, overall and by group; one read snapshot. */
export function metrics(ledger: Ledger, input: Input<'metrics'>): Metrics {
  return ledger.db.transaction(() => readMetrics(ledger, input, true))()
}

/**
 * What the period cost, by the one definition (cost.ts), for these filters: the `cost` command
 * and the report read it here, so they say what Analytics says.
 */
export function periodCost(ledger: Ledger, input: Input<'metrics'>): FunnelCost {
  return ledger.db.transaction(() => readMetrics(ledger, { ...input, by: undefined }, false))().cost
}

function readMetrics(ledger: Ledger, input: Input<'metrics'>, withReplyTimes: boolean): Metrics {
  const timeZone = timeZoneOf(ledger)
  const period = resolvePeriod(ledger, input, timeZone)
  const by = input.by ?? null
  const query = cohortQuery(input, period, timeZone, by)
  const { counts, overallRanks, groupRanks } = countCohort(ledger, query, withReplyTimes)

  const overall = newTally()
  const groups = new Map<string, Tally>()
  const groupOf = (raw: string | number): Tally | null => {
    if (by === null) return null
    const key = keyString(by, raw)
    let tally = groups.get(key)
    if (!tally) groups.set(key, (tally = newTally()))
    return tally
  }
  for (const row of counts) {
    add(overall, row)
    const tally = groupOf(row.groupKey)
    if (tally) add(tally, row)
  }
  // Paid InMails of the period; a follow-up whose conversation opened earlier may make a group
  // with nothing delivered in the period, but a cost.
  for (const row of countPaidInmails(ledger, query)) {
    addPaid(overall, row)
    const tally = groupOf(row.groupKey)
    if (tally) addPaid(tally, row)
  }

  const seatIds =
    input.seatId !== undefined
      ? [input.seatId]
      : (ledger.db.prepare('SELECT id FROM seats').all() as { id: number }[]).map((s) => s.id)
  const spends = seatSpends(ledger, seatIds, period.from, period.to)
  const seatPaid = paidInmailsPerSeat(ledger, { ...period, seatId: input.seatId })
  // Narrowed to a role, template or channel, the cohort is a slice of what its seats sent;
  // otherwise it is the seats' whole spend (a seat that sent no paid InMail too).
  const narrowed =
    input.role !== undefined ||
    input.client !== undefined ||
    input.template !== undefined ||
    input.channel !== undefined
  const overallCost = costOf(
    narrowed ? sliceSpend(spends, overall.paidPerSeat, seatPaid) : wholeSpend(spends),
    overall.paid,
  )

  const funnelGroups: FunnelGroup[] = []
  if (by !== null) {
    const names = keyNames(ledger, by)
    const ranksByKey = new Map<string, RankRow[]>()
    for (const rank of groupRanks) {
      const key = keyString(by, rank.groupKey ?? '')
      const list = ranksByKey.get(key)
      if (list) list.push(rank)
      else ranksByKey.set(key, [rank])
    }
    for (const [key, tally] of groups) {
      // A whole seat costs what the seat cost (as with the seat filter), paid InMails or not.
      const seatSpend = by === 'seat' && !narrowed ? spends.get(Number(key)) : undefined
      const funnel = funnelOf(
        withPercentiles(tally.counts, ranksByKey.get(key) ?? []),
        costOf(seatSpend ?? sliceSpend(spends, tally.paidPerSeat, seatPaid), tally.paid),
      )
      funnelGroups.push({ key, label: keyLabel(by, key, tally.label, names), ...funnel })
    }
    sortGroups(by, funnelGroups)
  }

  return {
    from: period.from,
    to: period.to,
    ...funnelOf(withPercentiles(overall.counts, overallRanks), overallCost),
    groups: funnelGroups,
  }
}

/** The Monday of the week `day` falls in. */
export function mondayOf(day: string): string {
  const n = toDayNumber(day)
  return fromDayNumber(n - ((n + 3) % 7))
}

export function trend(ledger: Ledger, input: Input<'trend'>): TrendPoint[] {
  const timeZone = timeZoneOf(ledger)
  const to = input.to ?? today(ledger, timeZone)
  const lastMonday = mondayOf(to)
  const firstMonday = addDays(lastMonday, -7 * (input.weeks - 1))
  // A `from` inside the window leaves out what was sent before it.
  const from = input.from !== undefined && input.from > firstMonday ? input.from : firstMonday
  const weeks = new Map<string, Tally>()
  if (from <= to) {
    const period = periodOf(from, to, timeZone)
    const { counts } = countCohort(ledger, cohortQuery(input, period, timeZone, 'week'), false)
    for (const row of counts) {
      const key = keyString('week', row.groupKey)
      let tally = weeks.get(key)
      if (!tally) weeks.set(key, (tally = newTally()))
      add(tally, row)
    }
  }
  const points: TrendPoint[] = []
  for (let week = firstMonday; week <= lastMonday; week = addDays(week, 7)) {
    const c = weeks.get(week)?.counts ?? emptyCounts
    points.push({
      week,
      delivered: c.delivered,
      replyRate: rateOf(c.replies, c.delivered),
      positiveRate: rateOf(c.positive, c.delivered),
      meetingRate: rateOf(c.meetings, c.delivered),
    })
  }
  return points
}

export function compare(ledger: Ledger, input: Input<'compare'>): Comparison {
  const timeZone = timeZoneOf(ledger)
  const period = resolvePeriod(ledger, input, timeZone)
  const query: CohortQuery = {
    ...cohortQuery({ ...input, template: undefined }, period, timeZone, null),
    arms: { a: input.a, b: input.b },
  }
  const arms = { a: { delivered: 0, replies: 0 }, b: { delivered: 0, replies: 0 } }
  for (const row of countCohort(ledger, query, false).counts) {
    const arm = row.groupKey === 'a' ? arms.a : row.groupKey === 'b' ? arms.b : null
    if (!arm) continue
    arm.delivered += row.delivered
    arm.replies += row.replies
  }
  return compareArms({ label: input.a, ...arms.a }, { label: input.b, ...arms.b })
}
