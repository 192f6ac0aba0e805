// An import's closing count (credits/outcomes.ts) reads the seat's events from the ledger in parts
// and must count what a replay of every event at once counts: the refunds the responses earned
// and the InMails that found no credit, in zones on either side of UTC, with day events mixed in.
import { describe, expect, it } from 'vitest'
import { createContact } from '../../../src/main/contacts/service'
import { addDays, computeSeatState } from '../../../src/main/credits/engine'
import { creditOutcomes } from '../../../src/main/credits/outcomes'
import { appendEvent, seatEvents, seatSettings } from '../../../src/main/credits/store'
import { openWithSeat } from '../../helpers/ledger'

const kinds = ['reply', 'accept', 'decline'] as const

describe("an import's closing count", () => {
  it.each(['Pacific/Kiritimati', 'America/Los_Angeles'])(
    'counts refunds and overdrawn InMails as a full replay does (%s)',
    async (timeZone) => {
      const { backend, seat } = await openWithSeat({ timeZone, seat: { startedOn: '2025-06-01' } })
      const { ledger } = backend
      const sends = new Set<number>()
      const responses = new Set<number>()
      // As an import writes them: three InMails a day for eight months on a seat of 30 a month,
      // so many find no credit; some answered within the 90 days that refund, some after.
      ledger.db.transaction(() => {
        for (let i = 0; i < 240; i++) {
          const day = addDays('2025-06-02', i)
          for (let k = 0; k < 3; k++) {
            const n = 3 * i + k
            const contactId = createContact(ledger, {
              profileUrl: `https://www.linkedin.com/in/person-${n}`,
            }).id
            // Just after midnight, midday and just before midnight UTC: local days part here.
            const at = `${day}T${['00:30', '11:00', '23:30'][k]}:00.000Z`
            const inmailId = appendEvent(ledger, {
              seatId: seat.id,
              kind: 'inmail-sent',
              at,
              contactId,
            })
            sends.add(inmailId)
            const answered = addDays(day, n % 130)
            if (n % 4 === 0 && answered < '2026-03-10')
              responses.add(
                appendEvent(ledger, {
                  seatId: seat.id,
                  kind: 'response',
                  at: `${answered}T08:00:00.000Z`,
                  contactId,
                  inmailId,
                  responseKind: kinds[n % 3],
                  sentiment: 'neutral',
                }),
              )
          }
          // Day events: stored with a day, no instant.
          if (i % 45 === 10)
            appendEvent(ledger, {
              seatId: seat.id,
              kind: 'purchase',
              day,
              credits: 20,
              priceCents: 2000,
            })
        }
      })()
      const asOf = ledger.now().toISOString()

      const full = computeSeatState(
        seatSettings(ledger, seat.id),
        seatEvents(ledger, seat.id),
        asOf,
      )
      const refunds = full.entries.filter(
        (e) => e.kind === 'refund' && e.eventId !== null && responses.has(e.eventId),
      ).length
      const flagged = full.overdrawn.filter((id) => sends.has(id)).length
      expect(refunds).toBeGreaterThan(20)
      expect(flagged).toBeGreaterThan(100)
      expect(full.entries.filter((e) => e.kind === 'purchase')).toHaveLength(6)

      expect(creditOutcomes(ledger, seat.id, asOf, { responses, sends })).toEqual({
        refunds,
        flagged,
      })
    },
  )

  it('counts as a full replay does when stored instants are odd: past year 9999, or written by hand', async () => {
    const { backend, seat } = await openWithSeat({
      timeZone: 'America/New_York',
      seat: { startedOn: '2025-06-01' },
    })
    const { ledger } = backend
    const sends = new Set<number>()
    const responses = new Set<number>()
    const send = (at: string, n: number) => {
      const contactId = createContact(ledger, {
        profileUrl: `https://www.linkedin.com/in/o-${n}`,
      }).id
      const id = appendEvent(ledger, { seatId: seat.id, kind: 'inmail-sent', at, contactId })
      sends.add(id)
      return { id, contactId }
    }
    ledger.db.transaction(() => {
      for (let i = 0; i < 120; i++) {
        const { id, contactId } = send(`${addDays('2025-06-02', i)}T12:00:00.000Z`, i)
        if (i % 3 === 0)
          responses.add(
            appendEvent(ledger, {
              seatId: seat.id,
              kind: 'response',
              at: `${addDays('2025-06-02', i + 10)}T12:00:00.000Z`,
              contactId,
              inmailId: id,
              responseKind: 'reply',
              sentiment: 'neutral',
            }),
          )
      }
      // A spreadsheet's "12/31/9999" in New York, an instant written with an offset, and one
      // in another format (a hand-edited export file): none sorts as text where it falls in time.
      send('+010000-01-01T04:30:00.000Z', 1000)
      send('2025-08-01T09:00:00+14:00', 1001)
      send('Fri, 01 Aug 2025 09:00:00 GMT', 1002)
    })()
    const asOf = ledger.now().toISOString()
    const full = computeSeatState(seatSettings(ledger, seat.id), seatEvents(ledger, seat.id), asOf)
    expect(creditOutcomes(ledger, seat.id, asOf, { responses, sends })).toEqual({
      refunds: full.entries.filter(
        (e) => e.kind === 'refund' && e.eventId !== null && responses.has(e.eventId),
      ).length,
      flagged: full.overdrawn.filter((id) => sends.has(id)).length,
    })
  })
})
