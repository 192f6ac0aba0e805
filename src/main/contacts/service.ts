// Contacts: the people outreach goes to, identified by their normalised profile URL (or, when
// the user gave none, by name).
import { AppError } from '../../shared/contract/errors'
import { statement } from '../db/statements'
import type { Ledger } from '../ledger'

export interface Recipient {
  profileUrl?: string
  name?: string
}

export interface ContactRef {
  id: number
  profileUrl: string | null
  name: string | null
}

interface ContactRow {
  id: number
  profile_url: string | null
  name: string | null
}

// A merged contact stands for the one it was merged into.
const resolved = `SELECT DISTINCT k.id, k.profile_url, k.name FROM contacts c
  JOIN contacts k ON k.id = coalesce(c.merged_into, c.id)`

const toRef = (row: ContactRow): ContactRef => ({
  id: row.id,
  profileUrl: row.profile_url,
  name: row.name,
})

function describe(who: Recipient): string {
  return who.profileUrl ?? who.name ?? 'that person'
}

/** The contact this recipient means, or null if the ledger has never seen them. */
export function findContact(ledger: Ledger, who: Recipient, pickFirst = false): ContactRef | null {
  if (who.profileUrl) {
    // profile_url is unique, so at most one row: no DISTINCT (and no temporary table for it).
    const row = statement(
      ledger.db,
      `SELECT k.id, k.profile_url, k.name FROM contacts c
         JOIN contacts k ON k.id = coalesce(c.merged_into, c.id)
       WHERE c.profile_url = ?`,
    ).get(who.profileUrl) as ContactRow | undefined
    return row ? toRef(row) : null
  }
  const rows = statement(
    ledger.db,
    `${resolved} WHERE c.name = ? COLLATE NOCASE ORDER BY k.id LIMIT 2`,
  ).all(who.name ?? '') as ContactRow[]
  if (rows.length > 1 && !pickFirst) throw ambiguous(ledger, who.name ?? '')
  return rows[0] ? toRef(rows[0]) : null
}

/** Everyone with this name, listed so the user can pick one by their profile URL. */
function ambiguous(ledger: Ledger, name: string): AppError {
  const candidates = (
    statement(
      ledger.db,
      `SELECT DISTINCT k.id, k.name, k.headline, k.company, k.profile_url FROM contacts c
         JOIN contacts k ON k.id = coalesce(c.merged_into, c.id)
       WHERE c.name = ? COLLATE NOCASE ORDER BY k.id LIMIT 10`,
    ).all(name) as (ContactRow & { headline: string | null; company: string | null })[]
  ).map((r) => ({
    contactId: r.id,
    name: r.name,
    headline: r.headline,
    company: r.company,
    profileUrl: r.profile_url,
  }))
  const lines = candidates.map(
    (c) =>
      `${c.name ?? name}${c.headline || c.company ? ` (${[c.headline, c.company].filter(Boolean).join(', ')})` : ''}: ${c.profileUrl ?? 'no profile URL (contact #' + String(c.contactId) + ')'}`,
  )
  return new AppError(
    'AMBIGUOUS_CONTACT',
    `More than one person is named "${name}". Give the LinkedIn profile URL of the one you mean: ${lines.join('; ')}.`,
    { candidates },
  )
}

/** An import passes its id: contacts it creates are tagged, and a shared name picks the first. */
export function findOrCreateContact(ledger: Ledger, who: Recipient, importId?: number): ContactRef {
  const found = findContact(ledger, who, importId !== undefined)
  if (found) {
    if (!found.name && who.name) {
      statement(ledger.db, 'UPDATE contacts SET name = ? WHERE id = ?').run(who.name, found.id)
      return { ...found, name: who.name }
    }
    return found
  }
  return createContact(ledger, who, importId)
}

/**
 * Adds someone the caller knows the ledger does not hold yet; `createdAt` is the ledger's clock
 * unless given (an import passes one instant for all it adds).
 */
export function createContact(
  ledger: Ledger,
  who: Recipient,
  importId?: number,
  createdAt = ledger.now().toISOString(),
): ContactRef {
  const result = statement(
    ledger.db,
    'INSERT INTO contacts (profile_url, name, import_id, created_at) VALUES (?, ?, ?, ?)',
  ).run(who.profileUrl ?? null, who.name ?? null, importId ?? null, createdAt)
  return {
    id: Number(result.lastInsertRowid),
    profileUrl: who.profileUrl ?? null,
    name: who.name ?? null,
  }
}

export function requireContact(ledger: Ledger, who: Recipient): ContactRef {
  const found = findContact(ledger, who)
  if (!found)
    throw new AppError(
      'NO_OUTREACH',
      `There is no outreach to ${describe(who)} in the ledger. Log the InMail first, then its response.`,
    )
  return found
}
