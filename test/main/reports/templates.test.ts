// Best and worst templates in a month: named when the A/B comparison says the difference is
// credible (90%), from 10 delivered each, not only at 30+ (review 2, #15); otherwise the report
// says there are not enough sends to tell.
import { describe, expect, it } from 'vitest'
import type { Report } from '../../../src/shared/contract'
import { call, openWithSeat } from '../../helpers/ledger'

const now = () => new Date('2026-12-05T12:00:00.000Z')
const november = { from: '2026-11-01', to: '2026-11-30' }

/** A November with two templates of `sent` InMails each, `answered` of which got a reply. */
async function month(a: { sent: number; answered: number }, b: { sent: number; answered: number }) {
  const { backend, seat } = await openWithSeat({ now, seat: { startedOn: '2026-10-01' } })
  let n = 0
  for (const [template, t] of [
    ['Warm intro', a],
    ['Cold pitch', b],
  ] as const)
    for (let i = 0; i < t.sent; i++) {
      n++
      const to = { profileUrl: `https://www.linkedin.com/in/person-${n}` }
      const day = String(2 + (n % 20)).padStart(2, '0')
      await call(backend, 'credits.send', {
        seatId: seat.id,
        to,
        at: `2026-11-${day}T09:00:00Z`,
        template,
        openProfile: true,
      })
      if (i < t.answered)
        await call(backend, 'credits.respond', { to, at: `2026-11-${day}T15:00:00Z` })
    }
  return call<Report>(backend, 'reports.build', november)
}

describe('best and worst templates', () => {
  it('are named from 12 sends each when the difference is credible', async () => {
    const report = await month({ sent: 12, answered: 8 }, { sent: 12, answered: 1 })
    const t = report.templates
    expect(t.comparison!.probabilityBBeatsA!).toBeLessThanOrEqual(0.1)
    expect(t.best?.label).toBe('Warm intro')
    expect(t.worst?.label).toBe('Cold pitch')
    expect(t.summary).toMatch(/^Warm intro did best and Cold pitch worst: (over )?\d+% likely/)
  })

  it('are not named when the sends cannot tell them apart, and the report says so', async () => {
    const report = await month({ sent: 12, answered: 4 }, { sent: 12, answered: 3 })
    const t = report.templates
    expect(t.ranked).toHaveLength(2)
    expect(t.best).toBeNull()
    expect(t.worst).toBeNull()
    expect(t.summary).toMatch(/^Not enough sends to tell which template does better/)
    expect(t.summary).toMatch(/more sends of each would settle it/)
  })

  it('need 10 delivered each before they are ranked', async () => {
    const report = await month({ sent: 9, answered: 9 }, { sent: 12, answered: 0 })
    expect(report.templates.ranked.map((g) => g.label)).toEqual(['Cold pitch'])
    expect(report.templates.summary).toBe(
      'Not enough sends to tell a best or worst template: that takes two templates with at least 10 delivered each (only Cold pitch has).',
    )
  })
})
