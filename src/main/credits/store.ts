// Reads and appends ledger events. Rows become the engine's typed events here, and nowhere else.
import type Database from 'better-sqlite3'
import type { SeatTerms } from '../../shared/contract/seats'
import { AppError } from '../../shared/contract/errors'
import type { Ledger } from '../ledger'
import type {
  ExpiryPolicy,
  LedgerEvent,
  ResponseKind,
  SeatSettings,
  Sentiment,
} from './engine/types'
import { endOfLocalDay, startOfLocalDay } from './zone'
import { timeZoneOf } from '../settings/service'

interface EventRow {
  id: number
  seat_id: number
  kind: LedgerEvent['kind']
  at: string | null
  day: string | null
  contact_key: string | null
  inmail_id: number | null
  credits: number | null
  price_cents: number | null
  open_profile: number | null
  response_kind: ResponseKind | null
  sentiment: Sentiment | null
  plan_id: string | null
  terms: string | null
  note: string | null
  reconciliation_id: number | null
}

/** Day events sit at their local midnight; a reconciliation (and its adjustment) at day's end. */
function instantOf(row: EventRow, timeZone: string): string {
  if (row.at) return row.at
  const day = row.day!
  return row.kind === 'reconciliation' || row.reconciliation_id !== null
    ? endOfLocalDay(day, timeZone)
    : startOfLocalDay(day, timeZone)
}

function toEvent(row: EventRow, timeZone: string): LedgerEvent {
  const base = { id: row.id, at: instantOf(row, timeZone) }
  switch (row.kind) {
    case 'seat-opened':
      return { ...base, kind: row.kind, openingBalance: row.credits ?? 0 }
    case 'inmail-sent':
      return {
        ...base,
        kind: row.kind,
        openProfile: row.open_profile === 1,
        contact: row.contact_key ?? '',
      }
    case 'response':
      return {
        ...base,
        kind: row.kind,
        inmailId: row.inmail_id!,
        response: row.response_kind ?? 'reply',
        sentiment: row.sentiment ?? 'neutral',
      }
    case 'meeting':
      return { ...base, kind: row.kind, inmailId: row.inmail_id! }
    case 'purchase':
      return {
        ...base,
        kind: row.kind,
        credits: row.credits ?? 0,
        priceCents: row.price_cents ?? 0,
      }
    case 'reconciliation':
      return { ...base, kind: row.kind, shown: row.credits ?? 0, note: row.note ?? '' }
    case 'adjustment':
      return {
        ...base,
        kind: row.kind,
        delta: row.credits ?? 0,
        note: row.note ?? '',
        ...(row.reconciliation_id !== null ? { reconciliationId: row.reconciliation_id } : {}),
      }
    case 'plan-change':
      return {
        ...base,
        kind: row.kind,
        planId: row.plan_id ?? 'custom',
        terms: JSON.parse(row.terms!) as SeatTerms,
      }
    case 'cancellation':
      return { ...base, kind: row.kind }
  }
}

/** The kinds the credit engine reads; other outreach (messages, bounces) costs no credit. */
const engineKinds = `'seat-opened', 'inmail-sent', 'response', 'meeting', 'purchase',
  'reconciliation', 'adjustment', 'plan-change', 'cancellation'`

const eventColumns = `e.id, e.seat_id, e.kind, e.at, e.day, e.inmail_id, e.credits, e.price_cents,
  e.open_profile, e.response_kind, e.sentiment, e.plan_id, e.terms, e.note, e.reconciliation_id`
const contactKey = `coalesce(c.name, replace(c.profile_url, 'https://www.', '')) AS contact_key`

/**
 * Every event that bears on one seat's credits, in storage order. Responses and meetings are
 * stored on the seat of the InMail they answer, so one query finds them all. With `afterId`,
 * only those stored after that id (ids only grow: the ledger is append-only).
 */
export function seatEvents(
  ledger: Ledger,
  seatId: number,
  timeZone = timeZoneOf(ledger),
  afterId = 0,
): LedgerEvent[] {
  const rows = ledger.db
    .prepare(
      `SELECT ${eventColumns}, ${contactKey} FROM live_events e
       LEFT JOIN contacts c ON c.id = e.contact_id
       WHERE e.seat_id = ? AND e.id > ? AND e.kind IN (${engineKinds}) ORDER BY e.id`,
    )
    .all(seatId, afterId) as EventRow[]
  return rows.map((row) => toEvent(row, timeZone))
}

/**
 * The same events with InMails naming no one (their `contact` is ''), one at a time in the order
 * of their stored date (the instant, or the day of a day event, as text), each with that date:
 * enough for counting credits over a seat too big to hold at once (an import's closing count).
 * SQLite sorts them in its own bounded memory.
 */
export function* seatEventsByDate(
  ledger: Ledger,
  seatId: number,
  timeZone = timeZoneOf(ledger),
): Generator<{ event: LedgerEvent; stored: string }> {
  const rows = ledger.db
    .prepare(
      `SELECT ${eventColumns}, NULL AS contact_key FROM live_events e
       WHERE e.seat_id = ? AND e.kind IN (${engineKinds}) ORDER BY coalesce(e.at, e.day), e.id`,
    )
    .iterate(seatId) as IterableIterator<EventRow>
  for (const row of rows) yield { event: toEvent(row, timeZone), stored: row.at ?? row.day! }
}

/**
 * The seat's events whose stored date is on or after `fromDay` (YYYY-MM-DD), in storage order.
 * Instants are compared as text, so a caller asks from a few days before the local day it needs
 * and keeps the events it wants by their local day.
 */
export function seatEventsSince(
  ledger: Ledger,
  seatId: number,
  timeZone: string,
  fromDay: string,
): LedgerEvent[] {
  // Timed events through the (kind, at) index, day events (a handful) apart: `+seat_id` keeps
  // SQLite off the seat index, which would visit every row of the seat (15 ms at 100,000).
  const since = (dated: string) => `SELECT ${eventColumns}, ${contactKey} FROM live_events e
       LEFT JOIN contacts c ON c.id = e.contact_id
       WHERE +e.seat_id = ? AND e.kind IN (${engineKinds}) AND ${dated}`
  const rows = ledger.db
    .prepare(`${since('e.at >= ?')} UNION ALL ${since('e.at IS NULL AND e.day >= ?')} ORDER BY 1`)
    .all(seatId, fromDay, seatId, fromDay) as EventRow[]
  return rows.map((row) => toEvent(row, timeZone))
}

/**
 * The instants and days of the seat's rows stored after `afterId` and dated before `beforeDay`
 * by their text (the same give or take as seatEventsSince), as events: enough to tell their day.
 */
export function seatEventsStoredAfter(
  ledger: Ledger,
  seatId: number,
  timeZone: string,
  afterId: number,
  beforeDay: string,
): Pick<LedgerEvent, 'id' | 'at'>[] {
  const rows = ledger.db
    .prepare(
      `SELECT id, kind, at, day, reconciliation_id FROM ledger_events
       WHERE seat_id = ? AND id > ? AND kind IN (${engineKinds}) AND (at < ? OR day < ?)`,
    )
    .all(seatId, afterId, beforeDay, beforeDay) as EventRow[]
  return rows.map((row) => ({ id: row.id, at: instantOf(row, timeZone) }))
}

/** How each of these events (InMails) names its contact now, by event id. */
export function contactKeys(ledger: Ledger, eventIds: readonly number[]): Map<number, string> {
  const rows = ledger.db
    .prepare(
      `SELECT e.id, ${contactKey} FROM json_each(?) j
       JOIN ledger_events e ON e.id = j.value
       LEFT JOIN contacts c ON c.id = e.contact_id`,
    )
    .all(JSON.stringify(eventIds)) as { id: number; contact_key: string | null }[]
  return new Map(rows.map((row) => [row.id, row.contact_key ?? '']))
}

/** The ids of the imports the user undid, in order ("" for none): their events are hidden. */
export function undoneImports(ledger: Ledger): string {
  const row = ledger.db
    .prepare(
      `SELECT coalesce(group_concat(id), '') AS ids
       FROM (SELECT id FROM imports WHERE undone_at IS NOT NULL ORDER BY id)`,
    )
    .get() as { ids: string }
  return row.ids
}

/** The id of the seat's latest stored row of any kind (0 for none): cheap, from the index. */
export function lastEventId(ledger: Ledger, seatId: number): number {
  const row = ledger.db
    .prepare('SELECT max(id) AS id FROM ledger_events WHERE seat_id = ?')
    .get(seatId) as { id: number | null }
  return row.id ?? 0
}

interface SettingsRow {
  id: number
  plan_id: string
  started_on: string
  expiry_policy: ExpiryPolicy
  refund_declines: number
  opening_terms: string | null
}

export function seatSettings(
  ledger: Ledger,
  seatId: number,
  timeZone = timeZoneOf(ledger),
): SeatSettings {
  const row = ledger.db
    .prepare(
      `SELECT s.id, s.plan_id, s.started_on, s.expiry_policy, s.refund_declines,
         (SELECT terms FROM ledger_events WHERE seat_id = s.id AND kind = 'seat-opened'
          ORDER BY id LIMIT 1) AS opening_terms
       FROM seats s WHERE s.id = ?`,
    )
    .get(seatId) as SettingsRow | undefined
  if (!row) throw new AppError('SEAT_NOT_FOUND', `There is no seat with id ${seatId}.`)
  if (!row.opening_terms)
    throw new AppError('INTERNAL', `Seat ${seatId} has no opening entry in the ledger.`)
  return {
    seatId: row.id,
    planId: row.plan_id,
    startedOn: row.started_on,
    terms: JSON.parse(row.opening_terms) as SeatTerms,
    policy: { expiry: row.expiry_policy, refundDeclines: row.refund_declines === 1 },
    timeZone,
  }
}

export interface NewEvent {
  seatId: number
  kind: LedgerEvent['kind'] | 'message-sent' | 'bounce' | 'hire'
  at?: string
  day?: string
  contactId?: number
  inmailId?: number
  credits?: number
  priceCents?: number
  openProfile?: boolean
  responseKind?: ResponseKind
  sentiment?: Sentiment
  planId?: string
  terms?: SeatTerms
  template?: string
  role?: string
  note?: string
  reconciliationId?: number
  channel?: string
  followupOf?: number
  templateVersionId?: number
  roleId?: number
  subject?: string | null
  bodyChars?: number
  bodyWords?: number
  importId?: number
  sourceKey?: string
  /** When it was recorded; the ledger's clock when absent (an import passes one for all rows). */
  recordedAt?: string
}

/** The columns of ledger_events an event can set, in order. */
const appendColumns = [
  'seat_id',
  'kind',
  'at',
  'day',
  'contact_id',
  'inmail_id',
  'credits',
  'price_cents',
  'open_profile',
  'response_kind',
  'sentiment',
  'plan_id',
  'terms',
  'template',
  'role',
  'note',
  'reconciliation_id',
  'channel',
  'followup_of',
  'template_version_id',
  'role_id',
  'subject',
  'body_chars',
  'body_words',
  'import_id',
  'source_key',
  'recorded_at',
] as const

/** Per database, an INSERT per set of columns given (a bit each), prepared once. */
const appendStatements = new WeakMap<Database.Database, Map<number, Database.Statement>>()

function appendStatement(db: Database.Database, given: number): Database.Statement {
  let statements = appendStatements.get(db)
  if (!statements) appendStatements.set(db, (statements = new Map()))
  let insert = statements.get(given)
  if (!insert) {
    const columns = appendColumns.filter((_, i) => given & (1 << i))
    insert = db.prepare(
      `INSERT INTO ledger_events (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    )
    statements.set(given, insert)
  }
  return insert
}

/**
 * Appends one event; call inside the transaction that checks it. Returns its id. Only the
 * columns the event sets are bound (the others are NULL by default): an import appends hundreds
 * of thousands of rows that set a third of them, and binding costs per value.
 */
export function appendEvent(ledger: Ledger, event: NewEvent): number {
  const values = [
    event.seatId,
    event.kind,
    event.at,
    event.day,
    event.contactId,
    event.inmailId,
    event.credits,
    event.priceCents,
    event.openProfile === undefined ? undefined : event.openProfile ? 1 : 0,
    event.responseKind,
    event.sentiment,
    event.planId,
    event.terms ? JSON.stringify(event.terms) : undefined,
    event.template,
    event.role,
    event.note,
    event.reconciliationId,
    event.channel ?? (event.kind === 'inmail-sent' ? 'inmail' : undefined),
    event.followupOf,
    event.templateVersionId,
    event.roleId,
    event.subject ?? undefined,
    event.bodyChars,
    event.bodyWords,
    event.importId,
    event.sourceKey,
    event.recordedAt ?? ledger.now().toISOString(),
  ]
  let given = 0
  const bound: (string | number)[] = []
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (value === undefined) continue
    given |= 1 << i
    bound.push(value)
  }
  const result = appendStatement(ledger.db, given).run(...bound)
  return Number(result.lastInsertRowid)
}
