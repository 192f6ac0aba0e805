// A replay of more events than should sit in memory at once (an import's closing count over a
// seat of a million events). The caller streams the events in and says, now and then, through
// which local day it has given them all; a few weeks at a time are replayed, each part resuming
// from the state the one before left (startOf), which keeps only the InMails of the last 90
// days. Every part's replay is handed out once; together they are the replay of every event.
import { instantMs, localDayNumber, type DayNumber } from './days'
import { type Replay, replay, replayFrom, type ReplayStart, startOf } from './replay'
import type { Instant, LedgerEvent, SeatSettings } from './types'

/** An event came after the days it falls on were replayed: the caller's order was not kept. */
export class OutOfOrder extends RangeError {}

/** A part covers at least this many days (fewer parts, fewer resumes); tests set it lower. */
const defaultPartDays = 30

export class ReplayInParts {
  private readonly asOfMs: number
  private readonly asOfDay: DayNumber
  private waiting: { event: LedgerEvent; day: DayNumber }[] = []
  /** The earliest day among those waiting (not always the first's: a send dated years ahead). */
  private earliest = Number.POSITIVE_INFINITY
  private start: ReplayStart | null = null
  /** The last day replayed; nothing added may fall on or before it. */
  private replayedThrough = Number.NEGATIVE_INFINITY

  constructor(
    private readonly settings: SeatSettings,
    asOf: Instant,
    private readonly onPart: (part: Replay) => void,
    private readonly partDays = defaultPartDays,
  ) {
    this.asOfMs = instantMs(asOf)
    this.asOfDay = localDayNumber(this.asOfMs, settings.timeZone)
  }

  add(event: LedgerEvent): void {
    const day = localDayNumber(instantMs(event.at), this.settings.timeZone)
    if (day <= this.replayedThrough)
      throw new OutOfOrder('ReplayInParts: an event falls on a day already replayed.')
    this.waiting.push({ event, day })
    this.earliest = Math.min(this.earliest, day)
  }

  /** Every event on or before `day` (a local day) has been added. */
  completeThrough(day: DayNumber): void {
    // Days before today only: today's events count up to the instant asked for (finish).
    const cut = Math.min(day, this.asOfDay - 1)
    if (cut < this.earliest + this.partDays) return
    this.replayThrough(cut, Number.POSITIVE_INFINITY)
  }

  /** Replays what is left, through the instant asked for. */
  finish(): void {
    if (this.replayedThrough >= this.asOfDay) return
    this.replayThrough(this.asOfDay, this.asOfMs)
  }

  private replayThrough(untilDay: DayNumber, untilMs: number): void {
    const now: LedgerEvent[] = []
    const later: { event: LedgerEvent; day: DayNumber }[] = []
    for (const waiting of this.waiting)
      if (waiting.day <= untilDay) now.push(waiting.event)
      else later.push(waiting)
    this.waiting = later
    this.earliest = later.reduce((min, w) => Math.min(min, w.day), Number.POSITIVE_INFINITY)
    const part = this.start
      ? replayFrom(this.start, this.settings, now, untilDay, untilMs)
      : replay(this.settings, now, untilDay, untilMs)
    this.replayedThrough = untilDay
    this.onPart(part)
    this.start = startOf(part)
  }
}
