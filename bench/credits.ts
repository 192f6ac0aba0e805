// The credits suite: balance, statement and forecast of one seat, end to end through
// Backend.invoke on a real ledger file, cold and warm, and the bare engine for reference. Each
// seat is measured in a process of its own (`tsx bench/credits.ts '<SeatRun as JSON>'`), so its
// first call is truly cold and its memory figures are its own.
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { Backend } from '../src/main/backend'
import { computeSeatState, localDay, statement } from '../src/main/credits/engine'
import { seatEvents, seatSettings } from '../src/main/credits/store'
import { endOfLocalDay } from '../src/main/credits/zone'
import type { GeneratedSeat } from './generate'
import {
  heapAfterGarbage,
  type HotFunction,
  inFreshProcess,
  measure,
  type MeasureOptions,
  profile,
  type Timing,
} from './measure'

/** The target: balance + statement of the busiest seat well under a frame. */
export const target = { figure: 'balance + statement', events: 100_000, ms: 16 }

export interface Figure {
  /** What was timed, in the words of the table. */
  name: string
  /** Ledger events of the seat it ran on. */
  events: number
  timing: Timing
}

export interface CreditsResult {
  figures: Figure[]
  /** Where the time of a cold balance goes, at the largest size. */
  coldProfile: { events: number; hot: HotFunction[] } | null
  /** Where the time of the target figure goes, when the target was missed. */
  targetProfile: HotFunction[] | null
  /** JS heap the largest seat keeps once read (events, and the replay its reads share). */
  kept: { events: number; bytes: number } | null
}

export interface CreditsOptions {
  dbPath: string
  now: Date
  /** The seats to measure, largest first. */
  seats: GeneratedSeat[]
  /** The statement period: a whole month. */
  month: { from: string; to: string }
  runs: number
  /** Each cold run opens the ledger anew (not timed), so these take longer. */
  coldRuns: number
}

/** One seat's measurements, as handed to its process. */
interface SeatRun {
  dbPath: string
  now: string
  seat: GeneratedSeat
  month: { from: string; to: string }
  runs: number
  coldRuns: number
  /** Profile a cold balance too. */
  profileCold: boolean
}

interface SeatResult {
  figures: Figure[]
  coldProfile: HotFunction[] | null
  targetProfile: HotFunction[] | null
  keptBytes: number | null
}

async function call(backend: Backend, channel: string, input: unknown): Promise<unknown> {
  const envelope = await backend.invoke(channel, input)
  if (!envelope.ok)
    throw new Error(`${channel} was refused: ${envelope.error.code} ${envelope.error.message}`)
  return envelope.result
}

/** Measures one seat in this process. Warm figures come first, while the heap is still small. */
async function measureSeat(run: SeatRun): Promise<SeatResult> {
  const { dbPath, month, runs, coldRuns, seat } = run
  const now = new Date(run.now)
  const seatId = seat.id
  const open = () => Backend.open({ dbPath, now: () => now })
  const balance = (b: Backend) => call(b, 'credits.balance', { seatId })
  const monthly = (b: Backend) => call(b, 'credits.statement', { seatId, ...month })
  const result: SeatResult = {
    figures: [],
    coldProfile: null,
    targetProfile: null,
    keptBytes: null,
  }
  const add = (name: string, timing: Timing) =>
    result.figures.push({ name, events: seat.events, timing })

  // As a ledger the app never opened: the seat has no credit checkpoint yet.
  const forgetCheckpoint = () => {
    const db = new Database(dbPath)
    db.prepare('DELETE FROM credit_checkpoints WHERE seat_id = ?').run(seatId)
    db.close()
  }
  forgetCheckpoint()
  const heapBefore = heapAfterGarbage()
  const backend = await open()
  try {
    add(
      'balance, first call in a new process (no checkpoint yet)',
      await measure(() => balance(backend), { runs: 1 }),
    )
    await monthly(backend)
    const heapAfter = heapAfterGarbage()
    if (heapBefore !== null && heapAfter !== null) result.keptBytes = heapAfter - heapBefore

    add('balance, warm', await measure(() => balance(backend), { runs }))
    add(
      `statement for ${month.from.slice(0, 7)}, warm`,
      await measure(() => monthly(backend), { runs }),
    )
    const both = async () => {
      await balance(backend)
      await monthly(backend)
    }
    const together = await measure(both, { runs })
    add(`${target.figure}, warm`, together)
    if (seat.events >= target.events && together.median >= target.ms)
      result.targetProfile = await profile(both, { runs })
    const forecast = () => call(backend, 'credits.forecast', { seatId })
    await forecast()
    add('forecast (8 weeks), warm', await measure(forecast, { runs }))

    // The engine alone on events already in memory, without the cache or its memo: an
    // unfrozen copy each run, so every run replays the whole ledger.
    const settings = seatSettings(backend.ledger, seatId)
    const loaded = seatEvents(backend.ledger, seatId, settings.timeZone)
    const asOf = endOfLocalDay(localDay(run.now, settings.timeZone), settings.timeZone)
    let copy = loaded.slice()
    const fresh: MeasureOptions = { runs, before: () => (copy = loaded.slice()) }
    add(
      'engine only: one replay (balance)',
      await measure(() => computeSeatState(settings, copy, asOf), fresh),
    )
    add(
      'engine only: balance + statement (two replays)',
      await measure(() => {
        computeSeatState(settings, copy, asOf)
        statement(settings, copy, month.from, month.to)
      }, fresh),
    )

    // Writes add to the ledger. Each InMail goes to someone new, an hour before now.
    let sent = 0
    const logInMail = () => {
      sent++
      return call(backend, 'credits.send', {
        seatId,
        to: { name: `Benchmark contact ${seatId}-${sent}` },
        at: new Date(now.getTime() - 3_600_000 + sent * 1000).toISOString(),
      })
    }
    add('log one InMail (send)', await measure(logInMail, { runs }))
    add(
      `${target.figure} after logging one InMail`,
      await measure(both, { runs, before: logInMail }),
    )
  } finally {
    backend.close()
  }

  // Cold last, as it leaves the most garbage: each run on a newly opened ledger, nothing cached.
  // The seat's checkpoint was saved by the first call: reopening answers from it.
  let cold: Backend | undefined
  const reopened: MeasureOptions = {
    runs: coldRuns,
    before: async () => {
      cold = await open()
    },
    after: () => cold!.close(),
  }
  add(
    'balance, cold (first call after reopening: from its checkpoint)',
    await measure(() => balance(cold!), reopened),
  )
  // And without it, replaying every event (each run saves it again: forgotten before the next).
  const coldRun: MeasureOptions = {
    ...reopened,
    before: async () => {
      forgetCheckpoint()
      cold = await open()
    },
  }
  add(
    'balance, cold (first call after opening, no checkpoint: every event)',
    await measure(() => balance(cold!), coldRun),
  )
  if (run.profileCold)
    result.coldProfile = await profile(() => balance(cold!), {
      ...coldRun,
      runs: Math.min(3, coldRuns),
    })
  return result
}

/** Display order: cold, then warm, then the engine alone, then writes. */
const order = [
  'balance, first',
  'balance, cold',
  'balance, warm',
  'statement',
  `${target.figure}, warm`,
  'forecast',
  'engine',
  'log',
  `${target.figure} after`,
]
const rank = (name: string) => order.findIndex((prefix) => name.startsWith(prefix))

/** Measures each seat in a process of its own, the largest first. */
export async function runCreditsSuite(options: CreditsOptions): Promise<CreditsResult> {
  const result: CreditsResult = { figures: [], coldProfile: null, targetProfile: null, kept: null }
  for (const [i, seat] of options.seats.entries()) {
    const run: SeatRun = {
      dbPath: options.dbPath,
      now: options.now.toISOString(),
      seat,
      month: options.month,
      runs: options.runs,
      coldRuns: options.coldRuns,
      profileCold: i === 0,
    }
    const measured = JSON.parse(
      await inFreshProcess(fileURLToPath(import.meta.url), [JSON.stringify(run)]),
    ) as SeatResult
    result.figures.push(...measured.figures.sort((a, b) => rank(a.name) - rank(b.name)))
    if (measured.coldProfile)
      result.coldProfile = { events: seat.events, hot: measured.coldProfile }
    result.targetProfile ??= measured.targetProfile
    if (i === 0 && measured.keptBytes !== null)
      result.kept = { events: seat.events, bytes: measured.keptBytes }
  }
  return result
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  measureSeat(JSON.parse(process.argv[2] ?? '') as SeatRun).then(
    (measured) => process.stdout.write(JSON.stringify(measured)),
    (error: unknown) => {
      console.error(error)
      process.exitCode = 1
    },
  )
}
