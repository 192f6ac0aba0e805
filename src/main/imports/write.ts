// Writes import items into the ledger in one transaction: contacts found or created, messages,
// follow-ups, responses and meetings appended, anything already imported counted as a duplicate.
import type { ImportSummary } from '../../shared/contract/imports'
import {
  type ContactRef,
  createContact,
  findOrCreateContact,
  type Recipient,
} from '../contacts/service'
import { creditOutcomes } from '../credits/outcomes'
import { appendEvent } from '../credits/store'
import type { Ledger } from '../ledger'
import { labelIds } from '../outreach/labels'
import { bulkWriting, type BulkPlan } from './bulk'
import type { ImportItem, ReadResult } from './items'
import { RecentPeople } from './people'

export interface WriteRequest {
  kind: 'linkedin' | 'csv'
  source: string
  seatId: number
  read: ReadResult
  /** From how many rows read an import counts as a bulk load (see bulk.ts); tests set it low. */
  bulkFromRows?: number
  /** How many people met recently are remembered (see people.ts); tests set it to 0. */
  rememberPeople?: number
  /** Shown each item as it is written (the preview keeps the first few). */
  onItem?: (item: ImportItem) => void
}

function emptySummary(read: ReadResult): ImportSummary {
  return {
    inmails: 0,
    messages: 0,
    responses: 0,
    refunds: 0,
    followups: 0,
    meetings: 0,
    contacts: 0,
    duplicates: 0,
    flagged: 0,
    skipped: read.skipped,
    rejected: read.rejected,
  }
}

type Written = { importId: number | null; summary: ImportSummary }

/**
 * Runs `write` in one transaction, committed unless `keep` is false or it fails. Begun and ended
 * by hand, since the items may arrive from another thread (items-thread.ts): an import has its
 * connection to itself (thread.ts), so nothing else runs in the transaction while it waits.
 */
async function inTransaction(ledger: Ledger, keep: boolean, write: () => Promise<Written>) {
  const { db } = ledger
  db.exec('BEGIN IMMEDIATE')
  try {
    const written = await write()
    db.exec(keep ? 'COMMIT' : 'ROLLBACK')
    return written
  } catch (error) {
    // SQLite may have rolled back already (a full disk, say).
    if (db.inTransaction) db.exec('ROLLBACK')
    throw error
  }
}

/** What writing would do, without writing: the same transaction, rolled back. */
export async function dryRun(ledger: Ledger, request: WriteRequest): Promise<ImportSummary> {
  // Rolled back whole, so indexes set aside for a bulk load come back without a rebuild.
  return (await inTransaction(ledger, false, () => writeItems(ledger, request, false))).summary
}

export function writeImport(ledger: Ledger, request: WriteRequest): Promise<Written> {
  return inTransaction(ledger, true, () => writeItems(ledger, request, true))
}

async function writeItems(
  ledger: Ledger,
  request: WriteRequest,
  rebuild: boolean,
): Promise<Written> {
  const { db } = ledger
  const summary = emptySummary(request.read)
  const importId = Number(
    db
      .prepare(
        'INSERT INTO imports (kind, source, seat_id, summary, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(request.kind, request.source, request.seatId, '{}', ledger.now().toISOString())
      .lastInsertRowid,
  )
  const existing = db.prepare('SELECT id FROM live_events WHERE source_key = ? LIMIT 1')
  const contactsBefore = (db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n
  const newSends: number[] = []
  const newResponses: number[] = []
  const bulk: BulkPlan = bulkWriting(ledger, request)
  const recordedAt = ledger.now().toISOString()

  /** Appends an event unless one with this key is already in force; returns its id either way. */
  const once = (key: string, write: () => number): { id: number; added: boolean } => {
    const found = bulk.firstTime(key)
      ? undefined
      : (existing.get(key) as { id: number } | undefined)
    if (found) return { id: found.id, added: false }
    return { id: write(), added: true }
  }

  const recent = new RecentPeople(request.rememberPeople)
  /** The contact for this person: created, found, or remembered from earlier in the import. */
  const personOf = (who: Recipient): ContactRef => {
    const { profileUrl } = who
    if (!profileUrl) return findOrCreateContact(ledger, who, importId)
    const met = recent.get(profileUrl)
    // A name learnt later is still written down (findOrCreateContact does).
    if (met && (met.name || !who.name)) return met
    const contact = bulk.newPerson(profileUrl)
      ? createContact(ledger, who, importId, recordedAt)
      : findOrCreateContact(ledger, who, importId)
    recent.remember(profileUrl, contact)
    return contact
  }

  for await (const part of request.read.parts()) {
    for (const item of part) {
      request.onItem?.(item)
      const { name, profileUrl } = item.contact
      const who = { ...(profileUrl ? { profileUrl } : {}), ...(name ? { name } : {}) }
      const contact = personOf(who)
      const base = { seatId: request.seatId, contactId: contact.id, importId, recordedAt }
      const credit = item.channel === 'inmail' || item.channel === 'open-profile'
      const send = once(item.key, () =>
        appendEvent(ledger, {
          ...base,
          kind: credit ? 'inmail-sent' : 'message-sent',
          channel: credit ? 'inmail' : item.channel,
          at: item.sentAt,
          sourceKey: item.key,
          ...(credit ? { openProfile: item.channel === 'open-profile' } : {}),
          subject: item.subject,
          ...(item.bodyChars !== null ? { bodyChars: item.bodyChars } : {}),
          ...(item.bodyWords !== null ? { bodyWords: item.bodyWords } : {}),
          ...labelIds(ledger, item.template, item.role),
        }),
      )
      if (send.added) {
        if (item.channel === 'inmail') {
          summary.inmails++
          newSends.push(send.id)
        } else summary.messages++
      } else summary.duplicates++

      const followupsAt = new Set<string>()
      for (const f of item.followups) {
        // Two follow-ups in the same second share a key: the second adds nothing, as on re-import.
        if (followupsAt.has(f.at)) continue
        followupsAt.add(f.at)
        const followup = once(`${item.key}:followup:${f.at}`, () =>
          appendEvent(ledger, {
            ...base,
            kind: 'message-sent',
            channel: credit ? 'inmail' : item.channel,
            at: f.at,
            followupOf: send.id,
            bodyChars: f.bodyChars,
            sourceKey: `${item.key}:followup:${f.at}`,
          }),
        )
        if (followup.added) summary.followups++
      }
      if (item.response) {
        const { at, kind, sentiment } = item.response
        const response = once(`${item.key}:response`, () =>
          appendEvent(ledger, {
            ...base,
            kind: 'response',
            at,
            inmailId: send.id,
            responseKind: kind,
            sentiment,
            sourceKey: `${item.key}:response`,
          }),
        )
        if (response.added) {
          summary.responses++
          newResponses.push(response.id)
        }
      }
      if (item.meetingAt) {
        const at = item.meetingAt
        const meeting = once(`${item.key}:meeting`, () =>
          appendEvent(ledger, {
            ...base,
            kind: 'meeting',
            at,
            inmailId: send.id,
            sourceKey: `${item.key}:meeting`,
          }),
        )
        if (meeting.added) summary.meetings++
      }
    }
  }
  if (rebuild) bulk.rebuildIndexes()
  summary.skipped = request.read.skipped
  summary.contacts =
    (db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n - contactsBefore

  // What the credit engine makes of it: refunds earned, and InMails it knows no credit for.
  if (newSends.length > 0 || newResponses.length > 0) {
    const counted = creditOutcomes(ledger, request.seatId, ledger.now().toISOString(), {
      responses: new Set(newResponses),
      sends: new Set(newSends),
    })
    summary.refunds = counted.refunds
    summary.flagged = counted.flagged
  }

  const added =
    summary.inmails + summary.messages + summary.followups + summary.responses + summary.meetings
  if (added === 0 && summary.contacts === 0) {
    db.prepare('DELETE FROM imports WHERE id = ?').run(importId)
    return { importId: null, summary }
  }
  db.prepare('UPDATE imports SET summary = ? WHERE id = ?').run(JSON.stringify(summary), importId)
  return { importId, summary }
}
