// Each seat's credit state at the end of a day, kept in the ledger file (credit_checkpoints), so
// the first balance after opening the app replays the weeks since that day instead of every
// event ever (about 300 ms for a seat of 100,000 events in a newly started app).
//
// A checkpoint is derived data. It holds only while what it was made from holds:
// - `format`: the replay rules and the stored shape (bump checkpointFormat when either changes);
// - the seat's settings (plan, policy, start day, time zone) and the time-zone rules' version;
// - the imports undone (undoing one hides its events, see the live_events view);
// - no row of the seat stored after it (id above last_event_id) falls on or before its day.
// Ledger rows are never changed or deleted (the schema's triggers), so nothing else moves it.
// What it was made from is read before the events it replays (checkpointBasis), so a row another
// program commits in between can only count as late.
// When one does not hold, the balance replays every event as before and saves a new one.
import * as z from 'zod'
import type { Ledger } from '../ledger'
import { computeSeatState, type LedgerEvent, type SeatSettings, type SeatState } from './engine'
import {
  type DayNumber,
  fromDayNumber,
  instantMs,
  localDayNumber,
  toDayNumber,
} from './engine/days'
import { type ReplayStart, replayWithStart } from './engine/replay'
import {
  contactKeys,
  lastEventId,
  seatEventsSince,
  seatEventsStoredAfter,
  undoneImports,
} from './store'

/** Bump when the replay's rules or ReplayStart change: older checkpoints are then ignored. */
export const checkpointFormat = 1

/** A checkpoint is taken this many days before today, so logging recent days leaves it whole. */
const behindDays = 30
/** Once it is this far behind, a balance replays everything again and takes a new one. */
const renewAfterDays = 60
/** Stored dates are compared as text a few days wide, then by their local day exactly. */
const textMarginDays = 3

const dayNumber = z.number().int()
const stored = z.object({
  day: dayNumber,
  book: z.object({
    planId: z.string(),
    terms: z.object({
      monthlyCredits: z.number().int(),
      cap: z.number().int(),
      renewal: z.enum(['start-day', 'first-of-month']),
      renewalDay: z.number().int(),
      priceCents: z.number().int(),
    }),
    renewalDay: z.number().int(),
    nextRenewal: dayNumber.nullable(),
    cancelledOn: dayNumber.nullable(),
    lastActivity: dayNumber,
    inactivityDeadline: dayNumber.nullable(),
    batches: z.array(
      z.object({
        credits: z.number().int(),
        source: z.enum(['opening', 'grant', 'purchase', 'refund', 'adjustment']),
        dated: dayNumber,
        expires: dayNumber.nullable(),
      }),
    ),
    available: z.number().int(),
  }),
  sends: z.array(
    z.object({
      id: z.number().int(),
      contact: z.string(),
      sentDay: dayNumber,
      openProfile: z.boolean(),
      credited: z.boolean(),
      refundedOn: dayNumber.nullable(),
      answered: z.boolean(),
    }),
  ),
  earlierOverdrawn: z.number().int().nonnegative(),
  reconciliations: z.array(
    z.tuple([z.number().int(), z.object({ shown: z.number(), day: dayNumber, had: z.number() })]),
  ),
}) satisfies z.ZodType<ReplayStart>

interface CheckpointRow {
  through_day: string
  format: number
  settings: string
  undone_imports: string
  last_event_id: number
  state: string
}

/**
 * The checkpoint this connection saved or found whole, by seat, and what it was checked against
 * (see vouchFor): while that is unchanged it still holds, and is neither checked nor saved again.
 */
interface Known {
  through: DayNumber
  vouch: string
}
const known = new WeakMap<Ledger['db'], Map<number, Known>>()

function knownFor(ledger: Ledger): Map<number, Known> {
  let seats = known.get(ledger.db)
  if (!seats) known.set(ledger.db, (seats = new Map()))
  return seats
}

type Saved = [number, string, number, string, string, number, string, string]

/** Ledgers whose checkpoints wait for their integrity check (holdCheckpoints), by connection. */
const waiting = new WeakMap<Ledger['db'], Map<number, Saved>>()

/**
 * Keep checkpoints in memory until releaseCheckpoints: a ledger opened before its integrity
 * check has answered is only read (backend.ts), and the first screen writes nothing.
 */
export function holdCheckpoints(ledger: Ledger): void {
  if (!waiting.has(ledger.db)) waiting.set(ledger.db, new Map())
}

/** Write the checkpoints held since holdCheckpoints, and from now on as they are made. */
export function releaseCheckpoints(ledger: Ledger): void {
  const held = waiting.get(ledger.db)
  waiting.delete(ledger.db)
  if (ledger.db.open) for (const saved of held?.values() ?? []) write(ledger, saved)
}

function write(ledger: Ledger, saved: Saved): void {
  const { db } = ledger
  // A checkpoint is only a shortcut: it never waits for another writer (an import writing on
  // its own thread holds the lock for as long as it writes, and waiting would block this one).
  const timeout = db.pragma('busy_timeout', { simple: true }) as number
  db.pragma('busy_timeout = 0')
  try {
    db.prepare(
      `INSERT OR REPLACE INTO credit_checkpoints
         (seat_id, through_day, format, settings, undone_imports, last_event_id, state, saved_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...saved)
  } catch (error) {
    // A file that cannot take it now (read-only, a full disk, another writer): not kept, and a
    // later balance replays everything again. Anything else (damage) is for the caller to see.
    const code = error instanceof Error && 'code' in error ? String(error.code) : ''
    if (!/^SQLITE_(READONLY|FULL|BUSY|LOCKED)/.test(code)) throw error
  } finally {
    db.pragma(`busy_timeout = ${timeout}`)
  }
}

/**
 * The seat's settings as a checkpoint records them, with the time-zone rules' version: new rules
 * can move a past instant to another local day.
 */
function settingsKey(settings: SeatSettings): string {
  return JSON.stringify({ ...settings, tzdata: process.versions.tz ?? '' })
}

/**
 * What a balance's events were read against, taken before reading them: a row another program
 * commits meanwhile then has a later id, and counts as late (it can only send the checkpoint
 * back to a full replay, never go missing from it).
 */
export interface Basis {
  lastId: number
  undone: string
}

export function checkpointBasis(ledger: Ledger, seatId: number): Basis {
  return { lastId: lastEventId(ledger, seatId), undone: undoneImports(ledger) }
}

/** What moves when a checkpoint may stop holding: a new row of the seat, an undo, its settings. */
const vouchFor = (basis: Basis, settings: SeatSettings) =>
  `${basis.lastId}|${basis.undone}|${settingsKey(settings)}`

function readRow(ledger: Ledger, seatId: number): CheckpointRow | undefined {
  return ledger.db
    .prepare(
      `SELECT through_day, format, settings, undone_imports, last_event_id, state
       FROM credit_checkpoints WHERE seat_id = ?`,
    )
    .get(seatId) as CheckpointRow | undefined
}

/** True when no row stored after the checkpoint falls on or before its day. */
function nothingLate(ledger: Ledger, settings: SeatSettings, row: CheckpointRow): boolean {
  const through = toDayNumber(row.through_day)
  const late = seatEventsStoredAfter(
    ledger,
    settings.seatId,
    settings.timeZone,
    row.last_event_id,
    fromDayNumber(through + textMarginDays),
  )
  return late.every((e) => localDayNumber(instantMs(e.at), settings.timeZone) > through)
}

/**
 * The stored state when the checkpoint still holds and is recent enough for `asOfDay`; null when
 * it does not, or when its state does not read back (a damaged row is then saved again).
 */
function usable(
  ledger: Ledger,
  settings: SeatSettings,
  row: CheckpointRow,
  asOfDay: DayNumber,
): ReplayStart | null {
  const through = toDayNumber(row.through_day)
  const holds =
    row.format === checkpointFormat &&
    through < asOfDay &&
    through >= asOfDay - renewAfterDays &&
    row.settings === settingsKey(settings) &&
    row.undone_imports === undoneImports(ledger) &&
    nothingLate(ledger, settings, row)
  if (!holds) return null
  try {
    const start = stored.parse(JSON.parse(row.state))
    return start.day === through ? start : null
  } catch {
    return null
  }
}

/**
 * The seat's state as of `asOf` from its checkpoint and the events after it; null when it has no
 * checkpoint that holds, or one too old or too new for that day.
 */
export function stateFromCheckpoint(
  ledger: Ledger,
  settings: SeatSettings,
  asOf: string,
): SeatState | null {
  const asOfDay = localDayNumber(instantMs(asOf), settings.timeZone)
  // One read transaction: the checks, the names and the events after it agree with each other.
  const read = ledger.db.transaction(() => {
    const basis = checkpointBasis(ledger, settings.seatId)
    const row = readRow(ledger, settings.seatId)
    const start = row ? usable(ledger, settings, row, asOfDay) : null
    if (!start) return null
    // Contacts may have been renamed or merged since: name them as they are now.
    const names = contactKeys(
      ledger,
      start.sends.map((s) => s.id),
    )
    for (const send of start.sends) send.contact = names.get(send.id) ?? send.contact
    const events = seatEventsSince(
      ledger,
      settings.seatId,
      settings.timeZone,
      fromDayNumber(start.day - textMarginDays),
    ).filter((e) => localDayNumber(instantMs(e.at), settings.timeZone) > start.day)
    return { basis, start, events }
  })
  const found = read()
  if (!found) return null
  const { basis, start, events } = found
  knownFor(ledger).set(settings.seatId, { through: start.day, vouch: vouchFor(basis, settings) })
  return computeSeatState(settings, events, asOf, start)
}

/**
 * Before a balance from every event (`events`, all of the seat's, as of `asOf`, read after
 * `basis` was taken): save the state through 30 days before, unless this connection saved or
 * found one recent enough. Never inside a transaction (it may roll back), and never at the cost
 * of the balance: a checkpoint that cannot be written (a read-only file, a full disk) is not kept.
 */
export function keepCheckpoint(
  ledger: Ledger,
  basis: Basis,
  settings: SeatSettings,
  events: readonly LedgerEvent[],
  asOf: string,
): void {
  const { db } = ledger
  if (db.inTransaction) return
  const asOfDay = localDayNumber(instantMs(asOf), settings.timeZone)
  const recent = knownFor(ledger).get(settings.seatId)
  const vouch = vouchFor(basis, settings)
  const fresh = (day: DayNumber) => day >= asOfDay - renewAfterDays && day < asOfDay
  if (recent && recent.vouch === vouch && fresh(recent.through)) return
  const row = readRow(ledger, settings.seatId)
  if (row && usable(ledger, settings, row, asOfDay)) {
    knownFor(ledger).set(settings.seatId, { through: toDayNumber(row.through_day), vouch })
    return
  }
  const through = asOfDay - behindDays
  // The first week's limit looks at the week itself (warnings.ts): start after it.
  if (through < toDayNumber(settings.startedOn) + 7) return
  // One pass gives today's replay (kept for the balance that follows) and the checkpoint.
  const { start } = replayWithStart(settings, events, asOfDay, through)
  const saved: Saved = [
    settings.seatId,
    fromDayNumber(through),
    checkpointFormat,
    settingsKey(settings),
    basis.undone,
    basis.lastId,
    JSON.stringify(start),
    ledger.now().toISOString(),
  ]
  // Known even when the file cannot take it now: trying again would replay every event again.
  knownFor(ledger).set(settings.seatId, { through, vouch })
  const held = waiting.get(db)
  if (held) held.set(settings.seatId, saved)
  else write(ledger, saved)
}
