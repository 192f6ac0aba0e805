// LinkedIn's Recruiter rule (13% answered on 100+ InMails in any 14 days) as a plain-words status
// on every Recruiter seat, not only as a warning once at risk (review 2, #22).
import { describe, expect, it } from 'vitest'
import type { RecruiterRuleStatus, Seat } from '../../../src/shared/contract'
import { call, openWithSeat } from '../../helpers/ledger'

const now = () => new Date('2026-11-23T18:00:00.000Z')

async function seatWith(sent: number, answered: number) {
  const { backend, seat } = await openWithSeat({ now, seat: { startedOn: '2026-09-01' } })
  // A plan without the rule says nothing.
  await call<Seat>(backend, 'seats.add', {
    name: 'Sales',
    planId: 'sales-navigator-core',
    startedOn: '2026-09-01',
  })
  await call(backend, 'credits.purchase', { seatId: seat.id, credits: 150, at: '2026-11-01' })
  // An old InMail, outside the 14 days, does not count.
  await call(backend, 'credits.send', {
    seatId: seat.id,
    to: { profileUrl: 'https://www.linkedin.com/in/old-one' },
    at: '2026-10-01T10:00:00Z',
  })
  for (let i = 0; i < sent; i++) {
    const to = { profileUrl: `https://www.linkedin.com/in/p-${i}` }
    const day = String(10 + (i % 13)).padStart(2, '0')
    await call(backend, 'credits.send', { seatId: seat.id, to, at: `2026-11-${day}T10:00:00Z` })
    if (i < answered) await call(backend, 'credits.respond', { to, at: `2026-11-${day}T16:00:00Z` })
  }
  return call<RecruiterRuleStatus[]>(backend, 'analytics.recruiterRule', {})
}

describe('the Recruiter response-rate rule', () => {
  it('says a seat under 100 InMails is fine, with its count and share', async () => {
    const [status, ...others] = await seatWith(20, 3)
    expect(others).toEqual([])
    expect(status).toMatchObject({ seat: 'Work', sent: 20, answered: 3, status: 'fine' })
    expect(status!.sentence).toBe(
      "Last 14 days: 20 InMails, 15% answered: fine (LinkedIn's rule applies at 100+).",
    )
  })

  it('says when a seat at 100+ is below 13%', async () => {
    const [status] = await seatWith(104, 10)
    expect(status).toMatchObject({ sent: 104, answered: 10, status: 'at-risk' })
    expect(status!.sentence).toMatch(
      /^Last 14 days: 104 InMails, 10% answered: below LinkedIn's 13% on 100\+/,
    )
  })
})
