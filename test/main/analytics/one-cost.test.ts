// One cost definition on every surface: the `cost` channel, Analytics and the report JSON give
// the same figures on a ledger where the old definitions disagreed (UTC days against local days,
// free channels shared in or not), worked out by hand in Berlin time.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { send } from '../../../src/main/credits/service'
import type { CostSummary, Metrics, Report } from '../../../src/shared/contract'
import { cliAt } from '../../helpers/cli'
import { call, openWithSeat, tempDir } from '../../helpers/ledger'

const now = () => new Date('2026-05-10T12:00:00.000Z')
const april = { from: '2026-04-01', to: '2026-04-30' }

/**
 * Recruiter Lite ($170 a month) from 2026-03-01, Europe/Berlin, and in April (local days):
 *
 * | msg | sent (UTC)           | Berlin day | channel         | what happened                          |
 * | i1  | 2026-03-31 23:30     | 04-01      | InMail          | positive reply, meeting                |
 * | i2  | 2026-04-07 09:00     | 04-07      | InMail          | a follow-up InMail 04-10, then a reply |
 * | i3  | 2026-04-08 09:00     | 04-08      | Open Profile    | positive reply                         |
 * | c1  | 2026-04-09 09:00     | 04-09      | connection note | accepted                               |
 * | i4  | 2026-04-30 22:30     | 05-01      | InMail          | nothing                                |
 *
 * Spend: 17000 × 12 / 365 × 30 = 16767.12 → 16767 cents, plus 10 credits bought for $100: 26767.
 * Paid InMails: i1, i2 and its follow-up = 3 (i4 is May in Berlin). Results of the conversations
 * they opened: 2 replies (i1, i2), 1 positive, 1 meeting. So per InMail 26767 / 3 = 8922, per reply
 * 26767 / 2 = 13384, per positive reply and per meeting 26767.
 * The old `cost` (UTC days, i2 + follow-up + i4, one response) said 26767 a reply; old Analytics
 * (all four replies, free channels included) said 6692.
 */
async function build() {
  const dbPath = join(tempDir(), 'ledger.sqlite')
  const { backend, seat } = await openWithSeat({
    dbPath,
    now,
    timeZone: 'Europe/Berlin',
    seat: { startedOn: '2026-03-01' },
  })
  const to = (who: string) => ({ profileUrl: `https://www.linkedin.com/in/${who}` })
  const inmail = async (who: string, at: string, openProfile = false) =>
    (
      await call<{ eventId: number }>(backend, 'credits.send', {
        seatId: seat.id,
        to: to(who),
        at,
        openProfile,
      })
    ).eventId
  await inmail('p1', '2026-03-31T23:30:00Z')
  await call(backend, 'credits.respond', {
    to: to('p1'),
    at: '2026-04-02T09:00:00Z',
    sentiment: 'positive',
  })
  await call(backend, 'credits.meeting', { to: to('p1'), at: '2026-04-03T09:00:00Z' })
  const i2 = await inmail('p2', '2026-04-07T09:00:00Z')
  // The day-3 bump as a sequence logs it: a paid InMail threaded as a follow-up of i2.
  const bump = send(
    backend.ledger,
    { seatId: seat.id, to: to('p2'), at: '2026-04-10T09:00:00Z', openProfile: false },
    { followupOf: i2 },
  )
  expect(bump.creditSpent).toBe(true)
  await call(backend, 'credits.respond', { to: to('p2'), at: '2026-04-11T09:00:00Z' })
  await inmail('p3', '2026-04-08T09:00:00Z', true)
  await call(backend, 'credits.respond', {
    to: to('p3'),
    at: '2026-04-09T09:00:00Z',
    sentiment: 'positive',
  })
  await call(backend, 'outreach.log', {
    seatId: seat.id,
    channel: 'connection-note',
    to: to('p4'),
    at: '2026-04-09T09:00:00Z',
  })
  await call(backend, 'credits.respond', {
    to: to('p4'),
    at: '2026-04-09T12:00:00Z',
    kind: 'accept',
    sentiment: 'positive',
  })
  await inmail('p5', '2026-04-30T22:30:00Z')
  await call(backend, 'credits.purchase', {
    seatId: seat.id,
    credits: 10,
    at: '2026-04-15',
    priceCents: 10_000,
  })
  return { backend, seat, dbPath }
}

const expected = {
  subscriptionCents: 16_767,
  purchasedCents: 10_000,
  totalCents: 26_767,
  perInmailCents: 8_922,
  perReplyCents: 13_384,
  perPositiveCents: 26_767,
  perMeetingCents: 26_767,
}

describe('one cost definition', () => {
  it('credits.cost, analytics.metrics and the report JSON give the same figures', async () => {
    const { backend, seat, dbPath } = await build()

    const cost = await call<CostSummary>(backend, 'credits.cost', { seatId: seat.id, ...april })
    expect(cost).toMatchObject({
      subscriptionCents: expected.subscriptionCents,
      purchasedCents: expected.purchasedCents,
      totalCents: expected.totalCents,
      creditInmails: 3,
      responses: 2,
      positive: 1,
      meetings: 1,
      perInmailCents: expected.perInmailCents,
      perResponseCents: expected.perReplyCents,
      perPositiveCents: expected.perPositiveCents,
      perMeetingCents: expected.perMeetingCents,
    })

    const m = await call<Metrics>(backend, 'analytics.metrics', { seatId: seat.id, ...april })
    // The follow-up is paid for but is not a second message delivered: i1, i2, i3 and c1.
    expect([m.delivered, m.replies, m.positive, m.meetings]).toEqual([4, 4, 3, 1])
    expect(m.cost).toMatchObject({ ...expected, paidInmails: 3, replies: 2, free: false })

    backend.close()
    const out = join(tempDir(), 'april.json')
    const run = await cliAt(now)(
      dbPath,
      'report',
      '--month',
      '2026-04',
      '--seat',
      'Work',
      '--format',
      'json',
      '--out',
      out,
    )
    expect(run.code).toBe(0)
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report
    expect(report.cost).toMatchObject({ ...expected, creditInmails: 3, replies: 2, meetings: 1 })
    expect(report.funnel.delivered).toBe(4)
    // March: i1 went out on April 1st in Berlin, so March had no paid InMail.
    expect(report.previousCost).toMatchObject({ creditInmails: 0, perInmailCents: null })
  })

  it('names what each cost per result is divided by, hires included, in cost, metrics and the PDF', async () => {
    const { backend, dbPath } = await build()
    backend.close()
    const run = cliAt(now)
    const perReply = '$133.84 per reply · 2 replies to paid InMails'
    const perMeeting = '$267.67 per meeting · 1 meeting from paid InMails'
    const perHire = '— per hire · 0 hires from paid InMails'
    const cost = await run(dbPath, 'cost', '--seat', 'Work', '--from', april.from, '--to', april.to)
    expect(cost.code).toBe(0)
    expect(cost.stdout).toContain('$89.22 per paid InMail · 3 paid InMails')
    for (const line of [perReply, perMeeting, perHire]) expect(cost.stdout).toContain(line)
    expect(cost.stdout).not.toMatch(/response/)
    const metrics = await run(dbPath, 'metrics', '--from', april.from, '--to', april.to)
    expect(metrics.code).toBe(0)
    for (const line of [perReply, perMeeting, perHire]) expect(metrics.stdout).toContain(line)
    // Days with the plan paid for but no paid InMail: no cost per result, not "over 0 InMails".
    const quiet = await run(dbPath, 'metrics', '--from', '2026-05-02', '--to', '2026-05-09')
    expect(quiet.stdout).toContain('no paid InMail sent in this period, so no cost per result')
    expect(quiet.stdout).not.toMatch(/over 0 paid InMails/)
    const pdf = join(tempDir(), 'april.pdf')
    expect((await run(dbPath, 'report', '--month', '2026-04', '--out', pdf)).code).toBe(0)
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    expect(text).toContain('2 replies to paid InMails')
    expect(text).toMatch(/\$133\.84 · 2 replies to paid InMails/)
    expect(text).toMatch(/Per hire\s+— · 0 hires from paid InMails/)
  })

  it('the follow-up counts in cost per InMail, and free channels show as free', async () => {
    const { backend, seat } = await build()
    const byChannel = await call<Metrics>(backend, 'analytics.metrics', {
      seatId: seat.id,
      ...april,
      by: 'channel',
    })
    const costs = Object.fromEntries(
      byChannel.groups.map((g) => [
        g.key,
        [g.delivered, g.cost.paidInmails, g.cost.totalCents, g.cost.perReplyCents, g.cost.free],
      ]),
    )
    expect(costs).toEqual({
      inmail: [2, 3, expected.totalCents, expected.perReplyCents, false],
      'open-profile': [1, 0, 0, null, true],
      'connection-note': [1, 0, 0, null, true],
    })
    // Narrowed to the free channel, the whole funnel is free too.
    const free = await call<Metrics>(backend, 'analytics.metrics', {
      ...april,
      channel: 'connection-note',
    })
    expect(free.cost).toMatchObject({
      totalCents: 0,
      paidInmails: 0,
      perReplyCents: null,
      free: true,
    })
    // The `cost` command of a month with only the bump in it: one paid InMail, no new conversation.
    const bumpOnly = await call<CostSummary>(backend, 'credits.cost', {
      seatId: seat.id,
      from: '2026-04-10',
      to: '2026-04-10',
    })
    expect([bumpOnly.creditInmails, bumpOnly.responses, bumpOnly.perResponseCents]).toEqual([
      1,
      0,
      null,
    ])
    expect(bumpOnly.perInmailCents).toBe(bumpOnly.totalCents)
  })
})
