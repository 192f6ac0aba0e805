// The cohort in SQL: the opening messages sent in a period (by the user's calendar), filtered,
// each with its facts (the outreach table's own fragments) and a group key, counted per group.
// The per-message facts go to a temporary table once per request, so the counts and the
// percentiles read them without computing them twice; nothing per message reaches JavaScript.
import type { GroupBy } from '../../shared/contract/analytics'
import type { OutreachChannel } from '../../shared/contract/outreach'
import { words } from '../../shared/domain/templates'
import type { Ledger } from '../ledger'
import { statement } from '../db/statements'
import {
  channelCase,
  isOpening,
  messageFact,
  packedAnswers,
  unpackedAnswers,
} from '../outreach/status'
import { replyTimeBuckets } from './funnel'
import { localDayNumberSql, type OffsetSpan } from './local-time'

export interface CohortFilters {
  seatId?: number | undefined
  role?: string | undefined
  /** The roles whose client is this one. */
  client?: string | undefined
  template?: string | undefined
  channel?: OutreachChannel | undefined
}

/** What to count: filters, the period as UTC instants [fromAt, toAt), and how to group. */
export interface CohortQuery extends CohortFilters {
  fromAt: string
  toAt: string
  /** The zone's offsets over the period, for local months, weeks and weekdays. */
  offsets: readonly OffsetSpan[]
  by: GroupBy | null
  /** Compare: two templates, each message keyed 'a' or 'b' (and only those messages). */
  arms?: { a: string; b: string }
}

/** One group's counts on one seat (a group spans seats; cost is shared out per seat). */
export interface CountRow {
  groupKey: string | number
  seatId: number
  label: string | null
  sent: number
  delivered: number
  replies: number
  positive: number
  meetings: number
  hires: number
  /** Of those, the results of the conversations a paid InMail opened (cost.ts). */
  paid: { replies: number; positive: number; meetings: number; hires: number }
  histogram: number[]
}

/** Paid InMails (follow-ups included) sent in the period, per group of their conversation and seat. */
export interface PaidRow {
  groupKey: string | number
  seatId: number
  label: string | null
  paidInmails: number
}

/** Percentile neighbours: the i-th smallest time to first reply among n in a group. */
export interface RankRow {
  groupKey: string | number | null
  i: number
  n: number
  hours: number
}

/** The length and word bands (DOMAIN.md §6: under 400 characters; 70–120 words, under 150). */
export const lengthBands = ['under 400 characters', '400 or more', 'unknown'] as const
export const wordBands = ['<70', '70–120', '121–150', '>150', 'unknown'] as const
export const followupBands = ['0', '1', '2', '3+'] as const

/** An InMail that spent a credit (Open Profile ones are free), opening or follow-up. */
const paidInmail = (row: string) => `${row}.kind = 'inmail-sent' AND ${row}.open_profile = 0`

const templateMatch = (param: string) => `(m.template = ${param} COLLATE NOCASE
  OR m.template_version_id IN (SELECT v.id FROM template_versions v JOIN templates t ON t.id = v.template_id
                               WHERE t.name = ${param} COLLATE NOCASE))`

/** The role a message is for: linked by id, or a role of the name typed on it. */
const roleJoin = `LEFT JOIN roles ro ON ro.id = coalesce(m.role_id,
  (SELECT r.id FROM roles r WHERE r.name = m.role COLLATE NOCASE))`

/** Template versions' lengths, measured in JavaScript like imported bodies are. */
const versionJoin = `LEFT JOIN (SELECT CAST(key AS INTEGER) AS id, json_extract(value, '$[0]') AS chars,
  json_extract(value, '$[1]') AS words FROM json_each(@versions)) tv ON tv.id = m.template_version_id`

interface KeySql {
  /** Over the message row `m` (and any join). */
  inner: string
  /** A label worth keeping (as typed), or NULL: labels are otherwise made in service.ts. */
  label?: string
  joins?: string
  /** Over a row of the temporary table (messageFacts' columns); default: `group_key`. */
  outer?: string
  /** For paid InMails (paidSql), where `outer` would read the temporary table: key and joins. */
  paid?: { inner: string; joins: string }
}

/** Follow-ups per message, grouped once (not looked up per row). */
const followupCountJoin = `LEFT JOIN (SELECT f.followup_of AS id, count(*) AS n FROM live_events f
  WHERE f.followup_of IS NOT NULL GROUP BY f.followup_of) fc ON fc.id = m.id`
const followupBandSql = (n: string) => `CASE WHEN ${n} >= 3 THEN '3+' ELSE CAST(${n} AS TEXT) END`

function keySql(query: CohortQuery): KeySql {
  const day = localDayNumberSql('m.at', query.offsets)
  if (query.arms)
    return {
      inner: `CASE WHEN ${templateMatch('@armA')} THEN 'a' WHEN ${templateMatch('@armB')} THEN 'b' END`,
    }
  switch (query.by) {
    case null:
      return { inner: "''" }
    case 'template':
      return { inner: "coalesce(lower(m.template), '')", label: 'm.template' }
    case 'templateVersion':
      return { inner: "coalesce(m.template_version_id, '')" }
    case 'role':
      return { inner: "coalesce(lower(m.role), '')", label: 'm.role' }
    case 'roleFamily':
      return { inner: "coalesce(lower(ro.family), '')", label: 'ro.family', joins: roleJoin }
    case 'channel':
      return { inner: channelCase }
    case 'seat':
      return { inner: 'm.seat_id' }
    case 'month':
      return { inner: `strftime('%Y-%m', ${day} * 86400, 'unixepoch')` }
    case 'week':
      // Days since 1970-01-01 (a Thursday): (day + 3) % 7 is 0 on Mondays.
      return { inner: `${day} - (${day} + 3) % 7` }
    case 'weekday':
      return { inner: `(${day} + 3) % 7` }
    case 'length':
      return {
        inner: `CASE WHEN coalesce(m.body_chars, tv.chars) IS NULL THEN '${lengthBands[2]}'
          WHEN coalesce(m.body_chars, tv.chars) < 400 THEN '${lengthBands[0]}' ELSE '${lengthBands[1]}' END`,
        joins: versionJoin,
      }
    case 'words':
      return {
        inner: `CASE WHEN coalesce(m.body_words, tv.words) IS NULL THEN '${wordBands[4]}'
          WHEN coalesce(m.body_words, tv.words) < 70 THEN '${wordBands[0]}'
          WHEN coalesce(m.body_words, tv.words) <= 120 THEN '${wordBands[1]}'
          WHEN coalesce(m.body_words, tv.words) <= 150 THEN '${wordBands[2]}' ELSE '${wordBands[3]}' END`,
        joins: versionJoin,
      }
    case 'followups':
      return {
        inner: "''",
        outer: followupBandSql('followups'),
        paid: { inner: followupBandSql('coalesce(fc.n, 0)'), joins: followupCountJoin },
      }
  }
}

/**
 * The filters over the opening message `m`, and which rows: the cohort's opening messages sent in
 * the period, or (`paid`) the paid InMails `p` sent in it, whose conversation `m` opened.
 */
function filterSql(
  query: CohortQuery,
  rows: 'openings' | 'paid' = 'openings',
): {
  where: string[]
  params: Record<string, string | number>
} {
  const where =
    rows === 'openings'
      ? [isOpening, 'm.at >= @fromAt', 'm.at < @toAt']
      : [paidInmail('p'), 'p.at >= @fromAt', 'p.at < @toAt']
  const params: Record<string, string | number> = { fromAt: query.fromAt, toAt: query.toAt }
  if (query.seatId !== undefined) {
    where.push(rows === 'openings' ? 'm.seat_id = @seatId' : 'p.seat_id = @seatId')
    params.seatId = query.seatId
  }
  if (query.channel !== undefined) {
    where.push(`${channelCase} = @channel`)
    params.channel = query.channel
  }
  if (query.role !== undefined) {
    where.push(`(m.role = @role COLLATE NOCASE
      OR m.role_id IN (SELECT r.id FROM roles r WHERE r.name = @role COLLATE NOCASE))`)
    params.role = query.role
  }
  if (query.client !== undefined) {
    where.push(`EXISTS (SELECT 1 FROM roles r WHERE r.client = @client COLLATE NOCASE
      AND (r.id = m.role_id OR r.name = m.role COLLATE NOCASE))`)
    params.client = query.client
  }
  if (query.arms) {
    where.push(`(${templateMatch('@armA')} OR ${templateMatch('@armB')})`)
    params.armA = query.arms.a
    params.armB = query.arms.b
  } else if (query.template !== undefined) {
    where.push(templateMatch('@template'))
    params.template = query.template
  }
  return { where, params }
}

/** Every template version's body length and words, as JSON for `versionJoin`. */
function versionLengths(ledger: Ledger): string {
  const rows = ledger.db.prepare('SELECT id, body FROM template_versions').all() as {
    id: number
    body: string
  }[]
  return JSON.stringify(Object.fromEntries(rows.map((r) => [r.id, [r.body.length, words(r.body)]])))
}

const histogramSql = replyTimeBuckets
  .map(({ fromHours }, i) => {
    const next = replyTimeBuckets[i + 1]
    const below = next ? `hours < ${next.fromHours}` : ''
    const above = i > 0 ? `hours >= ${fromHours}` : ''
    return `coalesce(sum(${[above, below].filter(Boolean).join(' AND ')}), 0) AS h${i}`
  })
  .join(',\n')

/**
 * The cohort's messages with their facts (the outreach table's messageFact columns), one row
 * each, in a temporary table of this connection, so the counts and the percentiles read them
 * without computing them twice. The answers come packed from one index range per message
 * (packedAnswers) through a materialized step: in an expression over the select, SQLite would
 * inline the correlated subquery at every mention. Follow-ups are looked up when they are the
 * group, reply times when asked for.
 */
function fillCohort(
  ledger: Ledger,
  query: CohortQuery,
  key: KeySql,
  withReplyTimes: boolean,
): void {
  const { where, params } = filterSql(query)
  if (key.joins === versionJoin) params.versions = versionLengths(ledger)
  const { db } = ledger
  statement(
    db,
    `CREATE TEMP TABLE IF NOT EXISTS analytics_cohort (
      seat_id INTEGER NOT NULL, sent_at TEXT NOT NULL, group_key, label TEXT, paid INTEGER,
      responded_at TEXT, sentiment TEXT, has_meeting INTEGER, bounced INTEGER, hired INTEGER,
      followups INTEGER, hours REAL)`,
  ).run()
  statement(db, 'DELETE FROM temp.analytics_cohort').run()
  const followups = key.outer?.includes('followups') ?? false
  const facts = unpackedAnswers('answers')
  // Not kept prepared: the zone's offsets for the period are written into the key.
  db.prepare(
    `WITH cohort AS MATERIALIZED (
       SELECT m.seat_id, m.at, ${key.inner} AS group_key, ${key.label ?? 'NULL'} AS label,
         ${paidInmail('m')} AS paid,
         ${followups ? messageFact.followups : 'NULL'} AS followups,
         ${packedAnswers('m.id')} AS answers
       FROM live_events m ${key.joins ?? ''}
       WHERE ${where.join(' AND ')}
     )
     INSERT INTO temp.analytics_cohort (seat_id, sent_at, group_key, label, paid, followups,
       responded_at, sentiment, has_meeting, bounced, hired)
     SELECT seat_id, at, group_key, label, paid, followups, ${facts.responded_at}, ${facts.sentiment},
       ${facts.has_meeting}, ${facts.bounced}, ${facts.hired}
     FROM cohort`,
  ).run(params)
  // Hours to the first response of each delivered message that got one.
  if (withReplyTimes)
    statement(
      db,
      `UPDATE temp.analytics_cohort
       SET hours = max(0, (unixepoch(responded_at, 'subsec') - unixepoch(sent_at, 'subsec')) / 3600.0)
       WHERE NOT bounced AND responded_at IS NOT NULL`,
    ).run()
}

function readCounts(ledger: Ledger, key: KeySql, withReplyTimes: boolean): CountRow[] {
  const rows = statement(
    ledger.db,
    `SELECT ${key.outer ?? 'group_key'} AS group_key, seat_id, min(label) AS label,
         count(*) AS sent,
         sum(NOT bounced) AS delivered,
         sum(NOT bounced AND responded_at IS NOT NULL) AS replies,
         sum(NOT bounced AND sentiment IS 'positive') AS positive,
         sum(NOT bounced AND has_meeting) AS meetings,
         sum(NOT bounced AND hired) AS hires,
         sum(paid AND NOT bounced AND responded_at IS NOT NULL) AS paid_replies,
         sum(paid AND NOT bounced AND sentiment IS 'positive') AS paid_positive,
         sum(paid AND NOT bounced AND has_meeting) AS paid_meetings,
         sum(paid AND NOT bounced AND hired) AS paid_hires
         ${withReplyTimes ? `, ${histogramSql}` : ''}
       FROM temp.analytics_cohort GROUP BY 1, seat_id`,
  ).all() as (Record<string, number> & {
    group_key: string | number
    seat_id: number
    label: string | null
  })[]
  return rows.map((r) => ({
    groupKey: r.group_key,
    seatId: r.seat_id,
    label: r.label,
    sent: r.sent!,
    delivered: r.delivered!,
    replies: r.replies!,
    positive: r.positive!,
    meetings: r.meetings!,
    hires: r.hires!,
    paid: {
      replies: r.paid_replies!,
      positive: r.paid_positive!,
      meetings: r.paid_meetings!,
      hires: r.paid_hires!,
    },
    // All zeros without reply times.
    histogram: replyTimeBuckets.map((_, i) => r[`h${i}`] ?? 0),
  }))
}

/** The ranks that the 25th, 50th and 75th percentiles interpolate between, per group or overall. */
function readRanks(ledger: Ledger, key: KeySql | null): RankRow[] {
  const partition = key ? 'PARTITION BY group_key' : ''
  const near = [0.25, 0.5, 0.75]
    .flatMap((p) => [`CAST((n - 1) * ${p} AS INTEGER)`, `CAST((n - 1) * ${p} AS INTEGER) + 1`])
    .join(', ')
  const rows = statement(
    ledger.db,
    `WITH answered AS (
         SELECT ${key ? (key.outer ?? 'group_key') : 'NULL'} AS group_key, hours
         FROM temp.analytics_cohort WHERE hours IS NOT NULL
       ),
       ranked AS (
         SELECT group_key, hours,
           row_number() OVER (${partition} ORDER BY hours) - 1 AS i,
           count(*) OVER (${partition}) AS n
         FROM answered
       )
       SELECT group_key, i, n, hours FROM ranked WHERE i IN (${near})`,
  ).all() as { group_key: string | number | null; i: number; n: number; hours: number }[]
  return rows.map((r) => ({ groupKey: r.group_key, i: r.i, n: r.n, hours: r.hours }))
}

export interface CohortCounts {
  counts: CountRow[]
  /** Overall, then per group when the query groups (empty without `withReplyTimes`). */
  overallRanks: RankRow[]
  groupRanks: RankRow[]
}

/** Counts the cohort per group and seat, and the ranks for its percentiles, in one snapshot. */
export function countCohort(
  ledger: Ledger,
  query: CohortQuery,
  withReplyTimes: boolean,
): CohortCounts {
  const { db } = ledger
  return db.transaction((): CohortCounts => {
    try {
      const key = keySql(query)
      fillCohort(ledger, query, key, withReplyTimes)
      const counts = readCounts(ledger, key, withReplyTimes)
      const overallRanks = withReplyTimes ? readRanks(ledger, null) : []
      const groupRanks = withReplyTimes && query.by !== null ? readRanks(ledger, key) : []
      return { counts, overallRanks, groupRanks }
    } finally {
      db.exec('DELETE FROM temp.analytics_cohort')
    }
  })()
}

/**
 * The paid InMails sent in the period (follow-ups included), counted per group and seat. A
 * follow-up counts with the conversation it follows up: the filters and the group key read the
 * opening message `m` (for an opening, itself), found by its id. One aggregate over the (kind,
 * at) index; the follow-up bands come from one grouped count, not a lookup per row.
 */
export function countPaidInmails(ledger: Ledger, query: CohortQuery): PaidRow[] {
  const key = keySql(query)
  const { where, params } = filterSql(query, 'paid')
  if (key.joins === versionJoin) params.versions = versionLengths(ledger)
  const inner = key.paid?.inner ?? key.inner
  const joins = `${key.joins ?? ''} ${key.paid?.joins ?? ''}`
  // Not kept prepared: the zone's offsets for the period are written into the key.
  const rows = ledger.db
    .prepare(
      `SELECT ${inner} AS group_key, p.seat_id, min(${key.label ?? 'NULL'}) AS label,
         count(*) AS paid
       FROM live_events p
       JOIN ledger_events m ON m.id = coalesce(p.followup_of, p.id) ${joins}
       WHERE ${where.join(' AND ')}
       GROUP BY 1, p.seat_id`,
    )
    .all(params) as {
    group_key: string | number
    seat_id: number
    label: string | null
    paid: number
  }[]
  return rows.map((r) => ({
    groupKey: r.group_key,
    seatId: r.seat_id,
    label: r.label,
    paidInmails: r.paid,
  }))
}

/** Paid InMails sent per seat in [fromAt, toAt), whatever the other filters: the shares' whole. */
export function paidInmailsPerSeat(
  ledger: Ledger,
  query: { fromAt: string; toAt: string; seatId?: number | undefined },
): Map<number, number> {
  const rows = statement(
    ledger.db,
    `SELECT p.seat_id, count(*) AS n FROM live_events p
     WHERE ${paidInmail('p')} AND p.at >= @fromAt AND p.at < @toAt
       AND (@seatId IS NULL OR p.seat_id = @seatId)
     GROUP BY p.seat_id`,
  ).all({ fromAt: query.fromAt, toAt: query.toAt, seatId: query.seatId ?? null }) as {
    seat_id: number
    n: number
  }[]
  return new Map(rows.map((r) => [r.seat_id, r.n]))
}

/** The instant of the first opening message in force (of one seat, or any), or null. */
export function firstSendAt(ledger: Ledger, seatId: number | undefined): string | null {
  // One ordered index walk per kind, stopping at the first live opening message.
  const first = ledger.db.prepare(
    `SELECT m.at FROM live_events m
     WHERE m.kind = @kind AND m.at IS NOT NULL AND m.followup_of IS NULL
       ${seatId !== undefined ? 'AND m.seat_id = @seatId' : ''}
     ORDER BY m.at LIMIT 1`,
  )
  const found = (['inmail-sent', 'message-sent'] as const)
    .map(
      (kind) =>
        (
          first.get({ kind, ...(seatId !== undefined ? { seatId } : {}) }) as
            { at: string } | undefined
        )?.at,
    )
    .filter((at): at is string => at !== undefined)
    .sort()
  return found[0] ?? null
}
