// Credits ahead: what a planned enrolment will spend and when, against the seat's own credit
// book (its renewal, its cap) and the InMails its running enrolments already plan.
import { describe, expect, it } from 'vitest'
import type { CreditsAhead, Sequence } from '../../../src/shared/contract'
import type { Forecast } from '../../../src/shared/domain/credits'
import { call, refused } from '../../helpers/ledger'
import { sequencesLedger } from '../../helpers/sequences'

const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ profileUrl: `https://www.linkedin.com/in/person-${i}` }))

// Monday 23 November 2026. Premium Career: 5 credits a month, renewing on the 1st.
const ledger = () => sequencesLedger({ seat: { name: 'Personal', planId: 'premium-career' } })

describe('credits ahead', () => {
  it('says how many credits the plan needs by when, what the seat will have, and where it runs short', async () => {
    const { backend, seat, inmail } = await ledger()
    expect(inmail.name).toBe('InMail 0/3/7/14')
    const ahead = await call<CreditsAhead>(backend, 'sequences.creditsAhead', {
      sequenceId: inmail.id,
      to: people(3),
      startOn: '2026-11-24',
    })
    // 3 people × 4 InMails on 24 Nov, 1, 8 and 15 Dec. The seat holds 5: 3 sent on 24 Nov leave
    // 2; the renewal on 1 Dec brings 5 (7), 3 sent (4); 8 Dec 3 sent (1); on 15 Dec only 1 of 3.
    expect(ahead).toMatchObject({
      seatId: seat.id,
      needed: 12,
      conditional: 0,
      alreadyPlanned: 0,
      byDay: '2026-12-15',
      available: 10,
      shortOn: '2026-12-15',
    })
    expect(ahead.message).toBe(
      'These enrolments need 12 credits by 2026-12-15; Personal will have 10. Personal runs short on 2026-12-15: record a purchase, or start later.',
    )
    // The seat's own forecast (no other sends) agrees on what arrives: 5 now, 10 after the renewal.
    const forecast = await call<Forecast>(backend, 'credits.forecast', {
      seatId: seat.id,
      perWeek: 0,
      responseRate: 0,
      weeks: 4,
    })
    expect(forecast.days.find((d) => d.date === '2026-12-15')!.available).toBe(10)
  })

  it('counts what running enrolments already plan before the new ones', async () => {
    const { backend, inmail } = await ledger()
    await call(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: people(1),
      startOn: '2026-11-24',
    })
    const ahead = await call<CreditsAhead>(backend, 'sequences.creditsAhead', {
      sequenceId: inmail.id,
      to: [{ profileUrl: 'https://www.linkedin.com/in/new-person' }],
      startOn: '2026-11-24',
    })
    expect(ahead).toMatchObject({ needed: 4, alreadyPlanned: 4, available: 6, shortOn: null })
  })

  it('plans no credit for an Open Profile person already enrolled: their InMails are free', async () => {
    const { backend, inmail } = await ledger()
    await call(backend, 'contacts.add', {
      profileUrl: 'https://www.linkedin.com/in/open-olga',
      name: 'Olga Open',
      openProfile: true,
    })
    await call(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: [{ profileUrl: 'https://www.linkedin.com/in/open-olga' }],
      startOn: '2026-11-24',
    })
    const ahead = await call<CreditsAhead>(backend, 'sequences.creditsAhead', {
      sequenceId: inmail.id,
      to: [{ profileUrl: 'https://www.linkedin.com/in/new-person' }],
      startOn: '2026-11-24',
    })
    expect(ahead).toMatchObject({ needed: 4, alreadyPlanned: 0, shortOn: null })
    expect(ahead.message).not.toMatch(/already planned/)
  })

  it('counts the conditional InMails of the multi-channel plan as "only if not accepted"', async () => {
    const { backend } = await ledger()
    const [multi] = await call<Sequence[]>(backend, 'sequences.list', {})
    const ahead = await call<CreditsAhead>(backend, 'sequences.creditsAhead', {
      sequenceId: multi!.id,
      to: people(2),
      startOn: '2026-11-23',
    })
    expect(ahead).toMatchObject({ needed: 4, conditional: 4, shortOn: null })
    expect(ahead.message).toMatch(/4 credits \(4 only if a connection request is not accepted\)/)
  })

  it('needs a seat named when there is more than one', async () => {
    const { backend, inmail } = await ledger()
    await call(backend, 'seats.add', {
      name: 'Work',
      planId: 'recruiter-lite',
      startedOn: '2026-11-01',
    })
    const error = await refused(backend, 'sequences.creditsAhead', {
      sequenceId: inmail.id,
      to: people(1),
      startOn: '2026-11-24',
    })
    expect(error.message).toMatch(/You have 2 seats; say which one/)
  })
})
