// The outreach table's From and To are calendar days in the user's time zone, as Analytics
// counts them: around midnight in Berlin a send belongs to the Berlin day, not the UTC one.
import { describe, expect, it } from 'vitest'
import type { OutreachRow } from '../../../src/shared/contract'
import { call, openWithSeat } from '../../helpers/ledger'

const now = () => new Date('2026-05-10T12:00:00.000Z')

describe('outreach.list from/to', () => {
  it('filter by local day around midnight in Europe/Berlin', async () => {
    const { backend, seat } = await openWithSeat({
      now,
      timeZone: 'Europe/Berlin',
      seat: { startedOn: '2026-03-01' },
    })
    const sends = {
      // 2026-03-31 23:30 UTC is 1 April 01:30 in Berlin (summer time since 29 March).
      april1: '2026-03-31T23:30:00.000Z',
      // 21:59 UTC is still 31 March, 23:59 in Berlin.
      march31: '2026-03-31T21:59:00.000Z',
      // 30 April 22:30 UTC is 1 May 00:30 in Berlin.
      may1: '2026-04-30T22:30:00.000Z',
    }
    for (const [who, at] of Object.entries(sends))
      await call(backend, 'credits.send', {
        seatId: seat.id,
        to: { profileUrl: `https://www.linkedin.com/in/${who}` },
        at,
      })
    const sentIn = async (from: string, to: string) =>
      (
        await call<{ rows: OutreachRow[] }>(backend, 'outreach.list', {
          from,
          to,
          sort: 'sentAt',
          direction: 'asc',
        })
      ).rows.map((r) => r.sentAt)
    expect(await sentIn('2026-04-01', '2026-04-30')).toEqual([sends.april1])
    expect(await sentIn('2026-04-01', '2026-04-01')).toEqual([sends.april1])
    expect(await sentIn('2026-03-31', '2026-03-31')).toEqual([sends.march31])
    expect(await sentIn('2026-05-01', '2026-05-01')).toEqual([sends.may1])
  })
})
