// How a big import writes: SQLite keeps every index of ledger_events up to date row by row, and
// for a load larger than the ledger it already holds that costs more than building each index
// once afterwards from sorted keys. So a bulk load sets aside the indexes it does not read while
// writing and creates them again before its transaction commits; a crash or a rollback in
// between leaves them exactly as they were (SQLite's schema changes are transactional).
import type { Ledger } from '../ledger'

/** Below this many rows read an import writes the ordinary way. */
export const bulkFromRows = 50_000

export interface BulkPlan {
  /**
   * True when `key` cannot be in the ledger yet, so looking it up can be skipped: the ledger
   * held no key of this export's family when the import began, and the import has not written
   * this one (a LinkedIn conversation yields each of its keys once; invitations are remembered).
   */
  firstTime(key: string): boolean
  /**
   * True when the ledger cannot hold this profile yet (so it need not be looked up); from then
   * on it counts as held. False when it may (a bulk load remembers every profile it has seen).
   */
  newPerson(profileUrl: string): boolean
  /** Creates the indexes set aside again; call before the transaction ends. */
  rebuildIndexes(): void
}

interface IndexRow {
  name: string
  sql: string
}

/**
 * Kept up to date while writing: the source key when keys must be looked up, and the indexes an
 * import adds to at their end (its seat, itself). Keeping those of follow-ups and of each
 * person's messages, which it adds to nearly at their end, was slower on 2026-11-23.
 */
const appendedTo = new Set(['seat_id', 'import_id'])

function keeps(sql: string, keepSourceIndex: boolean): boolean {
  const columns = /\(([^)]*)\)/.exec(sql)?.[1]?.replace(/\s+/g, '') ?? ''
  return (keepSourceIndex && columns === 'source_key') || appendedTo.has(columns)
}

function setAside(ledger: Ledger, keepSourceIndex: boolean): IndexRow[] {
  const indexes = ledger.db
    .prepare(
      `SELECT name, sql FROM sqlite_master
       WHERE type = 'index' AND tbl_name = 'ledger_events' AND sql IS NOT NULL ORDER BY name`,
    )
    .all() as IndexRow[]
  const dropped = indexes.filter((index) => !keeps(index.sql, keepSourceIndex))
  for (const index of dropped) ledger.db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`)
  return dropped
}

/**
 * The profile URLs a ledger may hold, in a fixed 4 MB (a Bloom filter: "no" is certain, "maybe"
 * is wrong about 1 time in 100 at a million people). Most people in a big import are new, and
 * looking each one up first costs about as much as adding them.
 */
class ProfilesSeen {
  private static readonly bits = 1 << 25
  private static readonly probes = 7
  private readonly words = new Int32Array(ProfilesSeen.bits >>> 5)

  /** Two independent 32-bit hashes of the text (FNV-1a with two bases), for double hashing. */
  private static hashes(text: string): [number, number] {
    let a = 0x811c9dc5
    let b = 0x01000193 ^ text.length
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      a = Math.imul(a ^ c, 0x01000193)
      b = Math.imul(b ^ c, 0x5bd1e995)
    }
    return [a >>> 0, (b ^ (b >>> 15)) | 1]
  }

  /** Adds `text`; true when it was certainly not there before. */
  add(text: string): boolean {
    const [a, b] = ProfilesSeen.hashes(text)
    let added = false
    for (let i = 0; i < ProfilesSeen.probes; i++) {
      const bit = ((a + Math.imul(i, b)) >>> 0) & (ProfilesSeen.bits - 1)
      const mask = 1 << (bit & 31)
      const word = bit >>> 5
      if ((this.words[word]! & mask) === 0) {
        added = true
        this.words[word]! |= mask
      }
    }
    return added
  }
}

/** Call inside the import's transaction, before its first write. */
export function bulkWriting(
  ledger: Ledger,
  request: { kind: 'linkedin' | 'csv'; read: { rows: number }; bulkFromRows?: number },
): BulkPlan {
  const { db } = ledger
  // Every key of a LinkedIn export starts "linkedin" ("linkedin:…", "linkedin-invitation:…").
  const fresh =
    request.kind === 'linkedin' &&
    !db
      .prepare(
        "SELECT 1 FROM ledger_events WHERE source_key >= 'linkedin' AND source_key < 'linkedio' LIMIT 1",
      )
      .get()
  const invitations = new Set<string>()
  const firstTime = (key: string): boolean => {
    if (!fresh) return false
    if (!key.startsWith('linkedin-invitation:')) return true
    if (invitations.has(key)) return false
    invitations.add(key)
    return true
  }
  const { n: held } = db.prepare('SELECT count(*) AS n FROM ledger_events').get() as { n: number }
  const rows = request.read.rows
  const bulk = rows >= (request.bulkFromRows ?? bulkFromRows) && rows >= held
  const dropped = bulk ? setAside(ledger, !fresh) : []
  let seen: ProfilesSeen | null = null
  if (bulk) {
    seen = new ProfilesSeen()
    const urls = db
      .prepare('SELECT profile_url FROM contacts WHERE profile_url IS NOT NULL')
      .pluck()
    for (const url of urls.iterate() as Iterable<string>) seen.add(url)
  }
  return {
    firstTime,
    newPerson: (profileUrl) => seen?.add(profileUrl) ?? false,
    rebuildIndexes: () => {
      for (const index of dropped) db.exec(index.sql)
    },
  }
}
