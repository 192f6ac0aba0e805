// A replay fed a few weeks at a time (ReplayInParts, for an import's closing count over a seat
// too big to hold) gives, part by part, the journal and overdrawn InMails of a full replay.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeSeatState, type Entry } from '../../../src/main/credits/engine'
import { toDayNumber } from '../../../src/main/credits/engine/days'
import { ReplayInParts } from '../../../src/main/credits/engine/parts'
import { asOfMinutes, instantAt, scenario } from './engine-arbitraries'

describe('a replay in parts', () => {
  it('journals and overdraws what a full replay does, whatever the parts', () => {
    fc.assert(
      fc.property(
        scenario,
        asOfMinutes,
        fc.integer({ min: 1, max: 60 }),
        (s, minutes, partDays) => {
          const asOf = instantAt(s, minutes)
          const entries: Entry[] = []
          const overdrawn: number[] = []
          let parts = 0
          const inParts = new ReplayInParts(
            s.settings,
            asOf,
            (part) => {
              parts++
              entries.push(...part.book.entries)
              overdrawn.push(...part.overdrawn)
            },
            partDays,
          )
          // As the ledger hands them over: by stored instant, each day's news as it comes.
          const byInstant = [...s.events].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id)
          for (const event of byInstant) {
            inParts.completeThrough(toDayNumber(event.at.slice(0, 10)) - 2)
            inParts.add(event)
          }
          inParts.finish()

          const full = computeSeatState(s.settings, s.events, asOf)
          expect(entries).toEqual(full.entries)
          expect(overdrawn).toEqual(full.overdrawn)
          expect(parts).toBeGreaterThanOrEqual(1)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('splits a long history into parts, and refuses an event on a day it has replayed', () => {
    const s = fc.sample(
      scenario.filter((x) => x.events.length > 100),
      { numRuns: 1, seed: 7 },
    )[0]!
    let parts = 0
    const inParts = new ReplayInParts(s.settings, instantAt(s, 430 * 1440), () => parts++, 7)
    const byInstant = [...s.events].sort((a, b) => a.at.localeCompare(b.at))
    for (const event of byInstant) {
      inParts.completeThrough(toDayNumber(event.at.slice(0, 10)) - 2)
      inParts.add(event)
    }
    expect(parts).toBeGreaterThan(5)
    expect(() => inParts.add({ ...byInstant[0]!, id: 99_999 })).toThrow(RangeError)
  })
})
