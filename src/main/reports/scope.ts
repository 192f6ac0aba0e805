// Who a report is about, and for a role or a client the messages that are its own: a client is
// billed for its roles' outreach only, so nothing per person may come from the rest of a seat.
import { AppError } from '../../shared/contract/errors'
import type { ReportScope } from '../../shared/contract/reports'
import type { Ledger } from '../ledger'
import { getSeat } from '../seats/service'

export interface ScopeRequest {
  seatId?: number | undefined
  role?: string | undefined
  client?: string | undefined
}

function notFound(what: string, name: string, known: string[], where: string): never {
  throw new AppError(
    'NOT_FOUND',
    known.length === 0
      ? `There is no ${what} named "${name}". ${where}`
      : `There is no ${what} named "${name}". ${what === 'role' ? 'Roles' : 'Clients'}: ${known.join(', ')}.`,
  )
}

function roleScope(ledger: Ledger, name: string): ReportScope {
  const role = ledger.db
    .prepare('SELECT name, client FROM roles WHERE name = ? COLLATE NOCASE')
    .get(name) as { name: string; client: string | null } | undefined
  // A role typed on messages but never added in Settings is a role too.
  const typed = role
    ? undefined
    : (ledger.db
        .prepare(
          `SELECT role FROM live_events WHERE role = ? COLLATE NOCASE
             AND kind IN ('inmail-sent', 'message-sent') LIMIT 1`,
        )
        .get(name) as { role: string } | undefined)
  if (!role && !typed) {
    const names = ledger.db
      .prepare('SELECT name FROM roles ORDER BY name COLLATE NOCASE')
      .pluck()
      .all() as string[]
    notFound('role', name, names, 'Add roles in Settings.')
  }
  const found = role?.name ?? typed!.role
  const client = role?.client ?? null
  return {
    kind: 'role',
    role: found,
    client,
    label: client ? `${found} (${client})` : found,
  }
}

function clientScope(ledger: Ledger, name: string): ReportScope {
  const roles = ledger.db
    .prepare('SELECT name, client FROM roles WHERE client = ? COLLATE NOCASE ORDER BY name')
    .all(name) as { name: string; client: string }[]
  if (roles.length === 0) {
    const clients = ledger.db
      .prepare(
        `SELECT DISTINCT client FROM roles WHERE client IS NOT NULL AND trim(client) <> ''
         ORDER BY client COLLATE NOCASE`,
      )
      .pluck()
      .all() as string[]
    notFound('client', name, clients, 'Give a role its client in Settings › Roles.')
  }
  const client = roles[0]!.client
  return { kind: 'client', client, roles: roles.map((r) => r.name), label: client }
}

export function scopeOf(ledger: Ledger, request: ScopeRequest): ReportScope {
  if (request.seatId !== undefined) {
    const seat = getSeat(ledger, request.seatId)
    return { kind: 'seat', seatId: seat.id, label: seat.name }
  }
  if (request.role !== undefined) return roleScope(ledger, request.role)
  if (request.client !== undefined) return clientScope(ledger, request.client)
  return { kind: 'all', label: 'All seats' }
}

/** The analytics and outreach filters that select the scope's messages. */
export function scopeFilters(scope: ReportScope): {
  seatId?: number
  role?: string
  client?: string
} {
  if (scope.kind === 'seat') return { seatId: scope.seatId }
  if (scope.kind === 'role') return { role: scope.role }
  if (scope.kind === 'client') return { client: scope.client }
  return {}
}

/** One of the scope's sends (an opening message or follow-up) with what became of it. */
export interface ScopeSend {
  id: number
  seatId: number
  contactId: number | null
  kind: 'inmail-sent' | 'message-sent'
  /** The UTC instant it was sent. */
  at: string
  openProfile: boolean
  /** The ids of the responses to it (a refund entry points at the response). */
  responseIds: number[]
  /** The sentiment of its latest response. */
  sentiment: string | null
  meeting: boolean
}

/**
 * The sends of a role or client, any day (a refund in the period may be for an earlier InMail):
 * messages whose role, by id or as typed, is the role or one of the client's roles.
 */
export function scopeSends(
  ledger: Ledger,
  scope: Extract<ReportScope, { kind: 'role' | 'client' }>,
): ScopeSend[] {
  const names = JSON.stringify(scope.kind === 'role' ? [scope.role] : scope.roles)
  const rows = ledger.db
    .prepare(
      `WITH wanted AS (SELECT lower(value) AS name FROM json_each(@names)),
       sends AS (
         SELECT m.id, m.seat_id, m.contact_id, m.kind, m.at, m.open_profile FROM live_events m
         WHERE m.kind IN ('inmail-sent', 'message-sent') AND m.at IS NOT NULL
           AND (lower(m.role) IN (SELECT name FROM wanted)
             OR m.role_id IN (SELECT r.id FROM roles r WHERE lower(r.name) IN (SELECT name FROM wanted)))
       )
       SELECT s.id, s.seat_id, s.contact_id, s.kind, s.at, s.open_profile,
         (SELECT json_group_array(r.id) FROM live_events r
            WHERE r.kind = 'response' AND r.inmail_id = s.id) AS responses,
         (SELECT r.sentiment FROM live_events r WHERE r.kind = 'response' AND r.inmail_id = s.id
            ORDER BY r.at DESC, r.id DESC LIMIT 1) AS sentiment,
         EXISTS (SELECT 1 FROM live_events x WHERE x.kind = 'meeting' AND x.inmail_id = s.id)
           AS meeting
       FROM sends s ORDER BY s.at, s.id`,
    )
    .all({ names }) as {
    id: number
    seat_id: number
    contact_id: number | null
    kind: 'inmail-sent' | 'message-sent'
    at: string
    open_profile: number
    responses: string
    sentiment: string | null
    meeting: number
  }[]
  return rows.map((r) => ({
    id: r.id,
    seatId: r.seat_id,
    contactId: r.contact_id,
    kind: r.kind,
    at: r.at,
    openProfile: r.open_profile === 1,
    responseIds: JSON.parse(r.responses) as number[],
    sentiment: r.sentiment,
    meeting: r.meeting === 1,
  }))
}
