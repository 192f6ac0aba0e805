// The outreach table: every opening message with its status, filtered and sorted in SQL.
import type * as z from 'zod'
import type { OutreachRow } from '../../shared/contract/outreach'
import type { outreach as outreachContract } from '../../shared/contract/outreach'
import { AppError } from '../../shared/contract/errors'
import { findOrCreateContact } from '../contacts/service'
import { addDays } from '../credits/engine'
import { refuseFuture } from '../credits/service'
import { appendEvent } from '../credits/store'
import { startOfLocalDay } from '../credits/zone'
import { statement } from '../db/statements'
import type { Ledger } from '../ledger'
import { getSeat } from '../seats/service'
import { timeZoneOf } from '../settings/service'
import {
  channelCase,
  isOpening,
  messageFacts,
  ninetyDaysBefore,
  statusCase,
  statusNarrowing,
} from './status'
import { labelIds } from './labels'

type ListInput = z.output<(typeof outreachContract)['list']['input']>

const sortColumns: Record<ListInput['sort'], string> = {
  sentAt: 'sent_at',
  contact: 'contact COLLATE NOCASE',
  status: 'status',
  seat: 'seat COLLATE NOCASE',
  template: 'template COLLATE NOCASE',
  role: 'role COLLATE NOCASE',
}

interface Row {
  id: number
  sent_at: string
  seat_id: number
  seat: string
  channel: OutreachRow['channel']
  contact_id: number
  contact: string
  profile_url: string | null
  template: string | null
  role: string | null
  subject: string | null
  status: OutreachRow['status']
  responded_at: string | null
  sentiment: OutreachRow['sentiment']
  followups: number
  imported: number
}

export function listOutreach(
  ledger: Ledger,
  input: ListInput,
): { rows: OutreachRow[]; total: number } {
  // Each filter the user set adds its condition; its value is bound under the same name. The
  // status is the only one that needs the message's facts; the others narrow the messages first.
  const conditions: Partial<Record<keyof ListInput, string>> = {
    seatId: 'seat_id = @seatId',
    channel: 'channel = @channel',
    role: 'role = @role COLLATE NOCASE',
    template: 'template = @template COLLATE NOCASE',
    // Calendar days in the user's time zone, as Analytics counts them: bound below as the
    // instants the days begin, so SQLite reads the range by the (kind, at) index.
    from: 'sent_at >= @from',
    to: 'sent_at < @to',
    search:
      "(contact LIKE @search ESCAPE '\\' OR coalesce(profile_url, '') LIKE @search ESCAPE '\\')",
  }
  const where: string[] = []
  const params: Record<string, string | number> = { now90: ninetyDaysBefore(ledger.now()) }
  for (const [key, condition] of Object.entries(conditions) as [keyof ListInput, string][]) {
    const value = input[key]
    if (value === undefined || value === '') continue
    where.push(condition)
    params[key] =
      key === 'search'
        ? `%${String(value).replace(/[\\%_]/g, (c) => `\\${c}`)}%`
        : key === 'from'
          ? startOfLocalDay(String(value), timeZoneOf(ledger))
          : key === 'to'
            ? startOfLocalDay(addDays(String(value), 1), timeZoneOf(ledger))
            : (value as string | number)
  }
  const narrowing = input.status === undefined ? undefined : statusNarrowing[input.status]
  if (input.status !== undefined && narrowing) {
    where.push(narrowing.sql)
    params.status = input.status
  }
  // With a status that its narrowing already decides, every row has that status: the order by
  // status is then the order by id.
  const sortColumn = input.sort === 'status' && narrowing?.exact ? null : sortColumns[input.sort]
  const direction = input.direction === 'asc' ? 'ASC' : 'DESC'
  const order = `ORDER BY ${sortColumn ? `${sortColumn} ${direction}, ` : ''}id ${direction}`
  const chosen = `
    WITH messages AS (
      SELECT m.id, m.at AS sent_at, m.seat_id, s.name AS seat, ${channelCase} AS channel,
        coalesce(c.merged_into, c.id) AS contact_id,
        coalesce(k.name, replace(k.profile_url, 'https://www.', ''), '(unknown)') AS contact,
        k.profile_url, m.template, m.role, m.subject, m.import_id IS NOT NULL AS imported
      FROM live_events m
      JOIN seats s ON s.id = m.seat_id
      JOIN contacts c ON c.id = m.contact_id
      JOIN contacts k ON k.id = coalesce(c.merged_into, c.id)
      WHERE ${isOpening}
    ),
    chosen AS (SELECT * FROM messages ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''})`
  // The facts (and so the status) of the messages `m`, as a select over them.
  const withFacts = (from: string) =>
    `SELECT *, ${statusCase} AS status FROM (SELECT m.*, ${messageFacts} FROM ${from} m)`
  const page = { ...params, limit: input.limit, offset: input.offset }
  let total: number
  let rows: Row[]
  if (sortColumn !== 'status' && (narrowing === undefined || narrowing.exact)) {
    // Neither the filters nor the order need the facts: count and page the messages
    // themselves, then look up the facts of the page's rows only.
    total = (
      statement(ledger.db, `${chosen} SELECT count(*) AS n FROM chosen`).get(params) as {
        n: number
      }
    ).n
    rows = statement(
      ledger.db,
      `${chosen} ${withFacts(`(SELECT * FROM chosen ${order} LIMIT @limit OFFSET @offset)`)} ${order}`,
    ).all(page) as Row[]
  } else {
    const statuses = `${chosen}, rows AS (${withFacts('chosen')}
      ${input.status !== undefined ? 'WHERE status = @status' : ''})`
    total = (
      statement(ledger.db, `${statuses} SELECT count(*) AS n FROM rows`).get(params) as {
        n: number
      }
    ).n
    rows = statement(
      ledger.db,
      `${statuses} SELECT * FROM rows ${order} LIMIT @limit OFFSET @offset`,
    ).all(page) as Row[]
  }
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      sentAt: r.sent_at,
      seatId: r.seat_id,
      seat: r.seat,
      channel: r.channel,
      contactId: r.contact_id,
      contact: r.contact,
      profileUrl: r.profile_url,
      template: r.template,
      role: r.role,
      subject: r.subject,
      status: r.status,
      respondedAt: r.responded_at,
      sentiment: r.sentiment,
      followups: r.followups,
      imported: r.imported === 1,
    })),
  }
}

type MarkInput = z.output<(typeof outreachContract)['mark']['input']>

/** Marks messages in one transaction; a message already marked so is left as it is. */
export function markOutreach(ledger: Ledger, input: MarkInput): { changed: number } {
  const at = input.at ?? ledger.now().toISOString()
  refuseFuture(ledger, at)
  return ledger.db.transaction(() => {
    const find = ledger.db.prepare(
      `SELECT m.id, m.seat_id, m.contact_id, m.at,
         EXISTS (SELECT 1 FROM live_events r WHERE r.inmail_id = m.id AND r.kind = @kind
                 AND (@sentiment IS NULL OR r.sentiment = @sentiment)) AS done
       FROM live_events m WHERE m.id = @id AND m.kind IN ('inmail-sent', 'message-sent')`,
    )
    const kinds = {
      replied: 'response',
      positive: 'response',
      meeting: 'meeting',
      hired: 'hire',
      bounced: 'bounce',
    } as const
    const kind = kinds[input.action]
    let changed = 0
    for (const id of input.messageIds) {
      const message = find.get({
        id,
        kind,
        sentiment: input.action === 'positive' ? 'positive' : null,
      }) as
        { id: number; seat_id: number; contact_id: number; at: string; done: number } | undefined
      if (!message)
        throw new AppError('NOT_FOUND', `There is no message #${id}; nothing was marked.`)
      if (message.done) continue
      if (at < message.at)
        throw new AppError(
          'VALIDATION_FAILED',
          `Message #${id} was sent on ${message.at}, after ${at}; nothing was marked.`,
        )
      appendEvent(ledger, {
        seatId: message.seat_id,
        kind,
        at,
        contactId: message.contact_id,
        inmailId: message.id,
        ...(kind === 'response'
          ? {
              responseKind: 'reply' as const,
              sentiment: input.action === 'positive' ? ('positive' as const) : ('neutral' as const),
            }
          : {}),
      })
      changed++
    }
    return { changed }
  })()
}

type LogInput = z.output<(typeof outreachContract)['log']['input']>

/** `thread`: the message this one follows up in the same thread (a sequence's later step). */
export function logMessage(
  ledger: Ledger,
  input: LogInput,
  thread?: { followupOf: number },
): { eventId: number } {
  refuseFuture(ledger, input.at)
  return ledger.db.transaction(() => {
    const seat = getSeat(ledger, input.seatId)
    if (seat.archivedAt)
      throw new AppError('SEAT_ARCHIVED', `${seat.name} is archived. Restore it in Settings first.`)
    const contact = findOrCreateContact(ledger, input.to)
    const eventId = appendEvent(ledger, {
      seatId: input.seatId,
      kind: 'message-sent',
      channel: input.channel,
      at: input.at,
      contactId: contact.id,
      ...(thread ? { followupOf: thread.followupOf } : {}),
      ...labelIds(ledger, input.template, input.role),
    })
    return { eventId }
  })()
}
