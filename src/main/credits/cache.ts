// Each seat's settings and ledger events, kept in memory between reads, so a balance or a
// statement does not read every row again. Before each use a cheap check keeps it honest:
//
// - total_changes() moves whenever this connection writes anything, and PRAGMA data_version
//   whenever another connection commits (the CLI in another process). Unmoved: the entry holds.
// - Another connection committed: read the seat again, whole.
// - Only this connection wrote: re-read the seat's settings (policy, plan, time zone: two small
//   queries) and append its new ledger rows (ids only grow; the ledger is append-only). Writes
//   that change how stored events read (a contact renamed or merged, an import undone) bump an
//   epoch kept by TEMP triggers on this connection, which sends the seat back to a whole read.
//   The triggers watch every table but the ledger itself and seats and settings (both re-read),
//   so a writer added later needs no call here to stay correct.
// - Inside a transaction the cache is used but never filled: the transaction may roll back.
//
// Events arrays are handed out frozen, and a new array whenever something changes: the engine
// keeps its replays per array (engine/memo.ts), so reads of an unchanged seat share one replay.
import type Database from 'better-sqlite3'
import type { Ledger } from '../ledger'
import { timeZoneOf } from '../settings/service'
import type { LedgerEvent, SeatSettings } from './engine'
import { lastEventId, seatEvents, seatSettings } from './store'

export interface SeatLedger {
  settings: SeatSettings
  events: readonly LedgerEvent[]
}

interface Stamp {
  /** total_changes() of this connection. */
  changes: number
  /** PRAGMA data_version: moves when another connection commits. */
  version: number
}

interface Entry extends SeatLedger, Stamp {
  epoch: number
  /** The seat's latest stored row when read (of any kind, so a skipped kind is not re-read). */
  lastId: number
}

interface LedgerCache {
  stamp: Database.Statement
  epoch: Database.Statement
  /** Least recently used first. */
  seats: Map<number, Entry>
}

/** Every seat of a team. A seat of 100k events holds about 40 MB with the replay it shares. */
const maxSeats = 32

const caches = new WeakMap<Database.Database, LedgerCache>()

const epochTable = 'credit_cache_epoch'

/** Columns of contacts that change how an event names its contact. */
const contactColumns = ['name', 'profile_url', 'merged_into']

/** The trigger events that can change how stored ledger events read, by table. */
function watchedChanges(db: Database.Database, table: string): string[] {
  switch (table) {
    case 'ledger_events': // append-only: new rows are found by id
    case 'seats': // re-read on every check
    case 'settings':
    case 'schema_migrations':
    case 'credit_checkpoints': // derived from the ledger; changes how no event reads
      return []
    case 'contacts': {
      // A new contact cannot be named by an existing event; renames and merges can change names.
      const columns = (db.pragma('main.table_info(contacts)') as { name: string }[])
        .map((c) => c.name)
        .filter((name) => contactColumns.includes(name))
      const update =
        columns.length > 0 ? `UPDATE OF ${columns.map((c) => `"${c}"`).join(', ')}` : 'UPDATE'
      return [update, 'DELETE']
    }
    default:
      return ['INSERT', 'UPDATE', 'DELETE']
  }
}

/** The connection's cache, set up on first use; null inside a transaction before that. */
function cacheFor(db: Database.Database): LedgerCache | null {
  const found = caches.get(db)
  if (found) return found
  // TEMP objects made inside a transaction vanish if it rolls back: set up outside one.
  if (db.inTransaction) return null
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${epochTable} (n INTEGER NOT NULL);
    INSERT INTO ${epochTable} (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM ${epochTable});`)
  const tables = (db.pragma('main.table_list') as { name: string; type: string }[]).filter(
    (t) => t.type === 'table' && !t.name.startsWith('sqlite_'),
  )
  for (const { name } of tables)
    watchedChanges(db, name).forEach((change, i) =>
      db.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS "${epochTable}_${name}_${i}" AFTER ${change}
           ON main."${name}" BEGIN UPDATE ${epochTable} SET n = n + 1; END`,
      ),
    )
  const cache: LedgerCache = {
    stamp: db.prepare(
      'SELECT total_changes() AS changes, data_version AS version FROM pragma_data_version',
    ),
    epoch: db.prepare(`SELECT n FROM temp.${epochTable}`).pluck(),
    seats: new Map(),
  }
  caches.set(db, cache)
  return cache
}

/** The whole seat from the database. */
function read(ledger: Ledger, seatId: number, stamp: Stamp, epoch: number): Entry {
  const timeZone = timeZoneOf(ledger)
  const settings = seatSettings(ledger, seatId, timeZone)
  const lastId = lastEventId(ledger, seatId)
  const events = Object.freeze(seatEvents(ledger, seatId, timeZone))
  return { settings, events, lastId, epoch, ...stamp }
}

const sameSettings = (a: SeatSettings, b: SeatSettings) => JSON.stringify(a) === JSON.stringify(b)

/** After writes by this connection only: the seat's new rows and its settings as they are now. */
function update(ledger: Ledger, seatId: number, entry: Entry, stamp: Stamp, epoch: number): Entry {
  const timeZone = timeZoneOf(ledger)
  // A day event sits at local midnight: another time zone moves them all.
  if (epoch !== entry.epoch || timeZone !== entry.settings.timeZone)
    return read(ledger, seatId, stamp, epoch)
  const fresh = seatSettings(ledger, seatId, timeZone)
  const settings = sameSettings(fresh, entry.settings) ? entry.settings : fresh
  const lastId = lastEventId(ledger, seatId)
  if (lastId < entry.lastId) return read(ledger, seatId, stamp, epoch)
  const added = lastId > entry.lastId ? seatEvents(ledger, seatId, timeZone, entry.lastId) : []
  const events = added.length === 0 ? entry.events : Object.freeze(entry.events.concat(added))
  return { settings, events, lastId, epoch, ...stamp }
}

/**
 * Moves whenever a change could make stored events read differently, other than new ledger rows
 * and seat settings (a contact renamed or merged, an import undone, on this connection; anything
 * committed by another): for results kept beside the cache. Null inside a first transaction.
 */
export function readingVersion(ledger: Ledger): string | null {
  const cache = cacheFor(ledger.db)
  if (!cache) return null
  const { version } = cache.stamp.get() as Stamp
  return `${cache.epoch.get() as number}:${version}`
}

/** True when this connection holds the seat's events (perhaps to bring up to date). */
export function holdsSeat(ledger: Ledger, seatId: number): boolean {
  return caches.get(ledger.db)?.seats.has(seatId) ?? false
}

/**
 * The seat's settings and events, as seatSettings and seatEvents would read them now. The events
 * array is frozen and shared: the same array until the seat changes.
 */
export function cachedSeat(ledger: Ledger, seatId: number): SeatLedger {
  const { db } = ledger
  const cache = cacheFor(db)
  if (!cache) {
    const timeZone = timeZoneOf(ledger)
    return {
      settings: seatSettings(ledger, seatId, timeZone),
      events: seatEvents(ledger, seatId, timeZone),
    }
  }
  // The stamp is read before anything it vouches for: a commit by another connection in between
  // then only costs a second read.
  const stamp = cache.stamp.get() as Stamp
  const entry = cache.seats.get(seatId)
  let current: Entry
  if (entry && entry.changes === stamp.changes && entry.version === stamp.version) current = entry
  else {
    const epoch = cache.epoch.get() as number
    current =
      entry && entry.version === stamp.version
        ? update(ledger, seatId, entry, stamp, epoch)
        : read(ledger, seatId, stamp, epoch)
  }
  if (!db.inTransaction) {
    cache.seats.delete(seatId)
    cache.seats.set(seatId, current)
    if (cache.seats.size > maxSeats) cache.seats.delete(cache.seats.keys().next().value!)
  }
  return current
}
