// Sends, responses and meetings happen before they are logged: a few minutes ahead of the clock
// (another device running fast) are accepted, later ones are refused with nothing written, so
// the dashboard (read to now) and the month's report (read to the month's end) agree.
import { describe, expect, it } from 'vitest'
import type { Enrolled, Enrolment } from '../../../src/shared/contract'
import { call, eventCount, refused } from '../../helpers/ledger'
import { sequencesLedger } from '../../helpers/sequences'

// Monday 23 November 2026, noon UTC: the helper's clock.
const fiveMinutesOn = '2026-11-23T12:05:00.000Z'
const justAfter = '2026-11-23T12:05:01.000Z'
const laterToday = '2026-11-23T15:00:00.000Z'
const jane = { profileUrl: 'https://www.linkedin.com/in/jane-doe' }

describe('logging something that has not happened yet', () => {
  it('accepts up to five minutes after now, and refuses a second more', async () => {
    const { backend, seat } = await sequencesLedger()
    const before = eventCount(backend)
    for (const at of [justAfter, laterToday]) {
      const error = await refused(backend, 'credits.send', { seatId: seat.id, to: jane, at })
      expect(error.code).toBe('VALIDATION_FAILED')
      expect(error.message).toMatch(/is in the future .*Log things once they have happened/)
    }
    expect(eventCount(backend)).toBe(before)

    await call(backend, 'credits.send', { seatId: seat.id, to: jane, at: fiveMinutesOn })
    for (const channel of ['credits.respond', 'credits.meeting'])
      expect((await refused(backend, channel, { to: jane, at: justAfter })).code).toBe(
        'VALIDATION_FAILED',
      )
    await call(backend, 'credits.respond', { to: jane, at: fiveMinutesOn, kind: 'reply' })
    await call(backend, 'credits.meeting', { to: jane, at: fiveMinutesOn })
    expect(eventCount(backend)).toBe(before + 3)
  })

  it('a sequence step marked done later today is refused and stays to do', async () => {
    const { backend, seat, inmail } = await sequencesLedger()
    await call<Enrolled>(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      seatId: seat.id,
      to: [jane],
      startOn: '2026-11-23',
    })
    const firstStep = async () =>
      (await call<Enrolment[]>(backend, 'sequences.enrolments', {}))[0]!.steps[0]!
    const step = await firstStep()
    const before = eventCount(backend)
    const error = await refused(backend, 'sequences.done', { stepId: step.id, at: laterToday })
    expect(error.message).toMatch(/is in the future/)
    expect(eventCount(backend)).toBe(before)
    expect((await firstStep()).state).toBe('pending')

    await call(backend, 'sequences.done', { stepId: step.id, at: fiveMinutesOn })
    expect(eventCount(backend)).toBe(before + 1)
    expect((await firstStep()).state).toBe('done')
  })

  it('refuses other messages and marks from the outreach table in the future too', async () => {
    const { backend, seat } = await sequencesLedger()
    const before = eventCount(backend)
    const log = (at: string) =>
      refused(backend, 'outreach.log', { seatId: seat.id, channel: 'email', to: jane, at })
    expect((await log(justAfter)).message).toMatch(/is in the future/)
    expect(eventCount(backend)).toBe(before)

    const sent = await call<{ eventId: number }>(backend, 'outreach.log', {
      seatId: seat.id,
      channel: 'email',
      to: jane,
      at: fiveMinutesOn,
    })
    const mark = await refused(backend, 'outreach.mark', {
      messageIds: [sent.eventId],
      action: 'replied',
      at: laterToday,
    })
    expect(mark.message).toMatch(/is in the future/)
    expect(eventCount(backend)).toBe(before + 1)
  })
})
