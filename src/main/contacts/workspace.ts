// Contacts as the user manages them: a searchable list with each person's latest status, one
// person's timeline, edits, and duplicates offered for a merge that can be undone.
import type * as z from 'zod'
import type {
  ContactDetail,
  ContactSummary,
  DuplicatePair,
  TimelineItem,
  contacts as contactsContract,
} from '../../shared/contract/workspace'
import { AppError } from '../../shared/contract/errors'
import type { Ledger } from '../ledger'
import {
  channelCase,
  isOpening,
  messageFacts,
  ninetyDaysBefore,
  statusCase,
} from '../outreach/status'

type Input<K extends keyof typeof contactsContract> = z.output<
  (typeof contactsContract)[K]['input']
>

interface SummaryRow {
  id: number
  name: string | null
  profile_url: string | null
  headline: string | null
  company: string | null
  email: string | null
  open_profile: number
  tags: string
  notes: string | null
  messages: number
  last_contact_at: string | null
  status: ContactSummary['status']
}

// A contact that only an undone import brought in is hidden with that import.
const visible = `(k.import_id IS NULL OR k.import_id IN (SELECT id FROM imports WHERE undone_at IS NULL)
  OR EXISTS (SELECT 1 FROM live_events e WHERE e.contact_id = k.id))`

// Per person: their messages (merged contacts included) and the status of the latest one.
const summarySql = `
  WITH messages AS (
    SELECT m.id, m.at AS sent_at, coalesce(c.merged_into, c.id) AS person, ${messageFacts}
    FROM live_events m JOIN contacts c ON c.id = m.contact_id WHERE ${isOpening}
  ),
  latest AS (
    SELECT person, count(*) AS messages, max(sent_at) AS last_contact_at,
      (SELECT ${statusCase} FROM messages x WHERE x.person = messages.person
       ORDER BY x.sent_at DESC LIMIT 1) AS status
    FROM messages GROUP BY person
  )
  SELECT k.id, k.name, k.profile_url, k.headline, k.company, k.email, k.open_profile, k.tags, k.notes,
    coalesce(l.messages, 0) AS messages, l.last_contact_at, l.status
  FROM contacts k LEFT JOIN latest l ON l.person = k.id
  WHERE k.merged_into IS NULL AND ${visible}`

function toSummary(row: SummaryRow): ContactSummary {
  return {
    id: row.id,
    name: row.name,
    profileUrl: row.profile_url,
    headline: row.headline,
    company: row.company,
    email: row.email,
    openProfile: row.open_profile === 1,
    tags: JSON.parse(row.tags) as string[],
    messages: row.messages,
    lastContactAt: row.last_contact_at,
    status: row.status,
  }
}

export function listContacts(
  ledger: Ledger,
  input: Input<'list'>,
): { contacts: ContactSummary[]; total: number } {
  const params = {
    now90: ninetyDaysBefore(ledger.now()),
    search: input.search ? `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
  }
  const filter = `(@search IS NULL OR k.name LIKE @search ESCAPE '\\' OR k.profile_url LIKE @search ESCAPE '\\'
    OR k.company LIKE @search ESCAPE '\\' OR k.email LIKE @search ESCAPE '\\')`
  const total = (
    ledger.db
      .prepare(
        `SELECT count(*) AS n FROM contacts k WHERE k.merged_into IS NULL AND ${visible} AND ${filter}`,
      )
      .get(params) as { n: number }
  ).n
  const rows = ledger.db
    .prepare(
      `${summarySql} AND ${filter}
       ORDER BY l.last_contact_at IS NULL, l.last_contact_at DESC, k.name COLLATE NOCASE
       LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: input.limit, offset: input.offset }) as SummaryRow[]
  return { total, contacts: rows.map(toSummary) }
}

function timeline(ledger: Ledger, contactId: number): TimelineItem[] {
  const rows = ledger.db
    .prepare(
      `SELECT m.id, coalesce(m.at, m.day) AS at, m.kind, m.followup_of, m.response_kind, m.sentiment,
         m.subject, m.template, s.name AS seat, ${channelCase} AS channel
       FROM live_events m JOIN seats s ON s.id = m.seat_id
       WHERE m.contact_id IN (SELECT id FROM contacts WHERE id = ? OR merged_into = ?)
         AND m.kind IN ('inmail-sent', 'message-sent', 'response', 'meeting', 'bounce')
       ORDER BY at, m.id`,
    )
    .all(contactId, contactId) as {
    id: number
    at: string
    kind: string
    followup_of: number | null
    response_kind: string | null
    sentiment: string | null
    subject: string | null
    template: string | null
    seat: string
    channel: string
  }[]
  return rows.map((r) => {
    const kind: TimelineItem['kind'] =
      r.kind === 'response'
        ? 'response'
        : r.kind === 'meeting'
          ? 'meeting'
          : r.kind === 'bounce'
            ? 'bounce'
            : r.followup_of !== null
              ? 'followup'
              : r.kind === 'inmail-sent'
                ? 'inmail'
                : 'message'
    const text =
      kind === 'response'
        ? `${r.response_kind === 'decline' ? 'Declined' : r.response_kind === 'accept' ? 'Accepted' : 'Replied'}${r.sentiment && r.sentiment !== 'neutral' ? ` (${r.sentiment})` : ''}`
        : kind === 'meeting'
          ? 'Meeting booked'
          : kind === 'bounce'
            ? 'Bounced'
            : `${kind === 'followup' ? 'Follow-up' : r.channel === 'inmail' ? 'InMail' : r.channel === 'open-profile' ? 'Open Profile InMail' : `Message (${r.channel})`}${r.subject ? `: ${r.subject}` : ''}${r.template ? ` · ${r.template}` : ''}`
    return { eventId: r.id, at: r.at, kind, channel: r.channel, seat: r.seat, text }
  })
}

export function getContact(ledger: Ledger, contactId: number): ContactDetail {
  const row = ledger.db
    .prepare(`${summarySql} AND k.id = @id`)
    .get({ id: contactId, now90: ninetyDaysBefore(ledger.now()) }) as SummaryRow | undefined
  if (!row) {
    const merged = ledger.db
      .prepare('SELECT merged_into FROM contacts WHERE id = ?')
      .get(contactId) as { merged_into: number | null } | undefined
    if (merged?.merged_into) return getContact(ledger, merged.merged_into)
    throw new AppError('NOT_FOUND', `There is no contact #${contactId}.`)
  }
  const mergedFrom = ledger.db
    .prepare(
      `SELECT c.id, c.name, c.profile_url, g.id AS merge_id FROM contacts c
       JOIN merges g ON g.merged_id = c.id AND g.undone_at IS NULL
       WHERE c.merged_into = ? ORDER BY g.id`,
    )
    .all(contactId) as {
    id: number
    name: string | null
    profile_url: string | null
    merge_id: number
  }[]
  return {
    ...toSummary(row),
    notes: row.notes,
    timeline: timeline(ledger, contactId),
    mergedFrom: mergedFrom.map((m) => ({
      id: m.id,
      name: m.name,
      profileUrl: m.profile_url,
      mergeId: m.merge_id,
    })),
  }
}

const editable = {
  name: 'name',
  headline: 'headline',
  company: 'company',
  email: 'email',
  notes: 'notes',
} as const

export function updateContact(ledger: Ledger, input: Input<'update'>): ContactDetail {
  getContact(ledger, input.contactId)
  ledger.db.transaction(() => {
    for (const [key, column] of Object.entries(editable)) {
      const value = input[key as keyof typeof editable]
      if (value !== undefined)
        ledger.db
          .prepare(`UPDATE contacts SET ${column} = ? WHERE id = ?`)
          .run(value, input.contactId)
    }
    if (input.openProfile !== undefined)
      ledger.db
        .prepare('UPDATE contacts SET open_profile = ? WHERE id = ?')
        .run(input.openProfile ? 1 : 0, input.contactId)
    if (input.tags !== undefined)
      ledger.db
        .prepare('UPDATE contacts SET tags = ? WHERE id = ?')
        .run(JSON.stringify([...new Set(input.tags)]), input.contactId)
    const row = ledger.db
      .prepare('SELECT name, profile_url FROM contacts WHERE id = ?')
      .get(input.contactId) as {
      name: string | null
      profile_url: string | null
    }
    if (!row.name && !row.profile_url)
      throw new AppError('VALIDATION_FAILED', 'A contact needs a name or a profile URL.')
  })()
  return getContact(ledger, input.contactId)
}

export function addContact(ledger: Ledger, input: Input<'add'>): ContactDetail {
  if (input.profileUrl) {
    const existing = ledger.db
      .prepare('SELECT id FROM contacts WHERE profile_url = ?')
      .get(input.profileUrl) as { id: number } | undefined
    if (existing)
      throw new AppError(
        'VALIDATION_FAILED',
        `${input.profileUrl} is already a contact (#${existing.id}).`,
      )
  }
  const result = ledger.db
    .prepare(
      `INSERT INTO contacts (profile_url, name, headline, company, email, open_profile, tags, notes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.profileUrl ?? null,
      input.name ?? null,
      input.headline ?? null,
      input.company ?? null,
      input.email ?? null,
      input.openProfile ? 1 : 0,
      JSON.stringify(input.tags ?? []),
      input.notes ?? null,
      ledger.now().toISOString(),
    )
  return getContact(ledger, Number(result.lastInsertRowid))
}

/** Letters only, lower case, accents folded: "Zoë  O'Brien" and "zoe obrien" are near-same. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '')
}

/** Pairs that look like one person: same email, or near-same name at the same company. */
export function findDuplicates(ledger: Ledger): DuplicatePair[] {
  const all = (
    ledger.db
      .prepare(
        `SELECT id, name, profile_url, headline, company, email, open_profile, tags, notes,
           0 AS messages, NULL AS last_contact_at, NULL AS status
         FROM contacts k WHERE merged_into IS NULL AND ${visible} ORDER BY id`,
      )
      .all() as SummaryRow[]
  ).map(toSummary)
  const pairs: DuplicatePair[] = []
  const byKey = new Map<string, ContactSummary>()
  const check = (key: string, person: ContactSummary, reason: string) => {
    const seen = byKey.get(key)
    if (seen) pairs.push({ a: seen, b: person, reason })
    else byKey.set(key, person)
  }
  for (const person of all) {
    if (person.email) check(`email:${person.email}`, person, `Same email address (${person.email})`)
    if (person.name && person.company)
      check(
        `name:${nameKey(person.name)}@${nameKey(person.company)}`,
        person,
        `Same name at the same company (${person.company})`,
      )
  }
  return pairs
}

/** Merges one contact into another; their messages then count as one person's. */
export function mergeContacts(
  ledger: Ledger,
  keepId: number,
  mergeId: number,
): { mergeId: number; kept: ContactDetail } {
  const id = ledger.db.transaction(() => {
    const kept = ledger.db
      .prepare('SELECT id, merged_into FROM contacts WHERE id = ?')
      .get(keepId) as { id: number; merged_into: number | null } | undefined
    const merged = ledger.db
      .prepare('SELECT id, merged_into FROM contacts WHERE id = ?')
      .get(mergeId) as { id: number; merged_into: number | null } | undefined
    if (!kept || !merged)
      throw new AppError('NOT_FOUND', `There is no contact #${!kept ? keepId : mergeId}.`)
    if (kept.merged_into || merged.merged_into)
      throw new AppError(
        'VALIDATION_FAILED',
        'One of these contacts was already merged into another. Merge with that one instead.',
      )
    const repointed = (
      ledger.db.prepare('SELECT id FROM contacts WHERE merged_into = ?').all(mergeId) as {
        id: number
      }[]
    ).map((r) => r.id)
    ledger.db
      .prepare('UPDATE contacts SET merged_into = ? WHERE id = ? OR merged_into = ?')
      .run(keepId, mergeId, mergeId)
    return Number(
      ledger.db
        .prepare(
          'INSERT INTO merges (kept_id, merged_id, repointed, created_at) VALUES (?, ?, ?, ?)',
        )
        .run(keepId, mergeId, JSON.stringify(repointed), ledger.now().toISOString())
        .lastInsertRowid,
    )
  })()
  return { mergeId: id, kept: getContact(ledger, keepId) }
}

export function undoMerge(ledger: Ledger, mergeRecordId: number): ContactDetail {
  const record = ledger.db.prepare('SELECT * FROM merges WHERE id = ?').get(mergeRecordId) as
    { kept_id: number; merged_id: number; repointed: string; undone_at: string | null } | undefined
  if (!record) throw new AppError('NOT_FOUND', `There is no merge #${mergeRecordId}.`)
  if (record.undone_at)
    throw new AppError('VALIDATION_FAILED', `Merge #${mergeRecordId} was already undone.`)
  ledger.db.transaction(() => {
    ledger.db.prepare('UPDATE contacts SET merged_into = NULL WHERE id = ?').run(record.merged_id)
    for (const id of JSON.parse(record.repointed) as number[])
      ledger.db
        .prepare('UPDATE contacts SET merged_into = ? WHERE id = ?')
        .run(record.merged_id, id)
    ledger.db
      .prepare('UPDATE merges SET undone_at = ? WHERE id = ?')
      .run(ledger.now().toISOString(), mergeRecordId)
  })()
  return getContact(ledger, record.merged_id)
}
