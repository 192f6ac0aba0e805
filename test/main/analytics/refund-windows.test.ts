// The dashboard's "Refund windows closing this week": every seat's windows, most urgent first,
// with a count of the rest (review 2, #7: a busy seat's window closing today was hidden).
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateDemo } from '../../../bench/demo'
import type { Balance, Seat } from '../../../src/shared/contract'
import { refundWindowsThisWeek } from '../../../src/shared/reports/dashboard'
import { call, openBackend, tempDir } from '../../helpers/ledger'

const now = new Date('2026-11-23T18:00:00.000Z')

describe('refund windows on the dashboard', () => {
  it('lists the soonest-closing windows of all seats first, and counts the rest', async () => {
    const dbPath = join(tempDir(), 'demo.sqlite')
    await generateDemo(dbPath, { now, days: 120 })
    const backend = await openBackend(dbPath, () => now)
    const seats = await call<Seat[]>(backend, 'seats.list', {})
    const withBalances = await Promise.all(
      seats.map(async (seat) => ({
        seat,
        balance: await call<Balance>(backend, 'credits.balance', { seatId: seat.id }),
      })),
    )
    const week = withBalances.flatMap(({ seat, balance }) =>
      balance.pendingRefunds
        .filter((p) => p.windowClosesOn <= '2026-11-30')
        .map((p) => ({ seat: seat.name, day: p.windowClosesOn })),
    )
    // The demo has windows closing this week on more than one seat, more than fit.
    expect(new Set(week.map((w) => w.seat)).size).toBe(2)
    expect(week.length).toBeGreaterThan(5)

    const { windows, total, more } = refundWindowsThisWeek(withBalances, '2026-11-23')
    expect(total).toBe(week.length)
    expect(windows).toHaveLength(5)
    expect(more).toBe(week.length - 5)
    const soonest = week.map((w) => w.day).sort()
    expect(windows.map((w) => w.windowClosesOn)).toEqual(soonest.slice(0, 5))
  })
})
