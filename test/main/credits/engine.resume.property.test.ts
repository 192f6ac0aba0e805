// A replay resumed from a stored state (a ReplayStart) gives what a replay of every event gives:
// the promise the saved credit state (credits/saved-state.ts) rests on.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeSeatState, localDay } from '../../../src/main/credits/engine'
import { fromDayNumber, toDayNumber } from '../../../src/main/credits/engine/days'
import {
  replay,
  replayFrom,
  type ReplayStart,
  replayWithStart,
  startOf,
} from '../../../src/main/credits/engine/replay'
import { instantAt, scenario } from './engine-arbitraries'

/** The start day (after the seat's first week) and "now" (after it), in days and minutes. */
const cutAndNow = fc.record({
  cutDays: fc.integer({ min: 7, max: 420 }),
  laterMinutes: fc.integer({ min: 1, max: 200 * 1440 }),
})

describe('a replay resumed from a stored state', () => {
  it('gives the balance, batches, pending refunds, renewal and warnings of a full replay', () => {
    fc.assert(
      fc.property(scenario, cutAndNow, (s, { cutDays, laterMinutes }) => {
        const { settings, events } = s
        const cut = toDayNumber(settings.startedOn) + cutDays
        const cutDay = fromDayNumber(cut)
        // Stored as JSON, read back as JSON.
        const start = JSON.parse(
          JSON.stringify(startOf(replay(settings, events, cut))),
        ) as ReplayStart
        // The same start, taken in passing by a replay through a later day.
        const later = cut + Math.floor(laterMinutes / 1440)
        const both = replayWithStart(settings, events, later, cut)
        expect(both.start).toEqual(start)
        expect(both.replay.book.entries).toEqual(replay(settings, events, later).book.entries)
        const tail = events.filter((e) => localDay(e.at, settings.timeZone) > cutDay)
        // "Now": some minutes after the cut day's end, wherever the seat's zone puts it.
        const cutEnds = Date.parse(`${cutDay}T00:00:00.000Z`) + 86_400_000 + 14 * 3_600_000
        const asOf = new Date(cutEnds + laterMinutes * 60_000).toISOString()

        const full = computeSeatState(settings, events, asOf)
        const resumed = computeSeatState(settings, tail, asOf, start)
        expect(resumed.available).toBe(full.available)
        expect(resumed.batches).toEqual(full.batches)
        expect(resumed.pendingRefunds).toEqual(full.pendingRefunds)
        expect(resumed.nextRenewal).toEqual(full.nextRenewal)
        expect(resumed.warnings).toEqual(full.warnings)
        expect(resumed.entries).toEqual(full.entries.filter((e) => e.day > cutDay))
        const tailIds = new Set(tail.map((e) => e.id))
        expect(resumed.overdrawn).toEqual(full.overdrawn.filter((id) => tailIds.has(id)))
      }),
      { numRuns: 300 },
    )
  })

  it('chains: a start taken from a resumed replay gives the same state again', () => {
    fc.assert(
      fc.property(scenario, cutAndNow, fc.integer({ min: 0, max: 120 }), (s, cn, gap) => {
        const { settings, events } = s
        const first = toDayNumber(settings.startedOn) + cn.cutDays
        const second = first + gap
        const after = (day: number) =>
          events.filter((e) => localDay(e.at, settings.timeZone) > fromDayNumber(day))
        const start = startOf(replay(settings, events, first))
        const again = startOf(replayFrom(start, settings, after(first), second))
        const asOf = `${fromDayNumber(second + 1 + Math.floor(cn.laterMinutes / 1440))}T23:59:59.999Z`
        const full = computeSeatState(settings, events, asOf)
        const resumed = computeSeatState(settings, after(second), asOf, again)
        expect(resumed.available).toBe(full.available)
        expect(resumed.batches).toEqual(full.batches)
        expect(resumed.pendingRefunds).toEqual(full.pendingRefunds)
        expect(resumed.warnings).toEqual(full.warnings)
      }),
      { numRuns: 200 },
    )
  })

  it('refuses events on or before the day it starts after', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const cut = toDayNumber(s.settings.startedOn) + 30
        const start = startOf(replay(s.settings, s.events, cut))
        const early = s.events.filter(
          (e) => localDay(e.at, s.settings.timeZone) <= fromDayNumber(cut),
        )
        const asOf = instantAt(s, 40 * 1440)
        expect(() => computeSeatState(s.settings, early, asOf, start)).toThrow(RangeError)
      }),
      { numRuns: 20 },
    )
  })
})
