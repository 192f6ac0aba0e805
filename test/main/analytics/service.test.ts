// The funnel on a small ledger built by hand in New York time, every number checked by hand:
// each breakdown, the filters, an undone import, a bounce, follow-ups, and midnight in the zone.
import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend'
import { appendEvent } from '../../../src/main/credits/store'
import type {
  Comparison,
  FunnelGroup,
  Metrics,
  Seat,
  TrendPoint,
} from '../../../src/shared/contract'
import { probabilityBBeatsA } from '../../../src/main/analytics/compare'
import { call, openBackend, refused } from '../../helpers/ledger'

const now = () => new Date('2026-03-31T12:00:00.000Z')

const hookA = Array.from({ length: 130 }, (_, i) => `word${i}`).join(' ') // 130 words, ≥ 400 chars
const hookB = Array.from({ length: 80 }, () => 'hi').join(' ') // 80 words, 239 chars

interface Built {
  backend: Backend
  work: Seat
  personal: Seat
  ids: Record<string, number>
}

/**
 * Eight opening messages in force (m1–m7, m9) and one from an undone import (m8):
 *
 * | msg | seat     | channel         | sent (New York)      | template | role           | what happened                         |
 * | m1  | Work     | inmail          | Mon 2026-02-02 10:00 | Hook A   | Staff Engineer | positive reply +24h, meeting, hire; 1 follow-up |
 * | m2  | Work     | inmail          | Tue 2026-02-03 11:00 | Hook A   | Staff Engineer | decline +2h                           |
 * | m3  | Work     | inmail          | Wed 2026-02-04 22:30 | Hook B   | Data Lead      | nothing (Thursday in UTC)             |
 * | m4  | Work     | open-profile    | Fri 2026-02-06 09:00 | Hook B   | Data Lead      | neutral reply +50h, then a positive one |
 * | m5  | Work     | inmail          | Mon 2026-02-09 10:00 | Hook B   |                | bounced                               |
 * | m6  | Work     | connection-note | Tue 2026-02-10 10:00 |          | Staff Engineer | accepted, positive +0.5h              |
 * | m9  | Work     | email           | Sat 2026-02-28 22:00 |          |                | nothing; 120 characters, 20 words (March in UTC) |
 * | m7  | Personal | message         | Mon 2026-03-02 10:00 | Hook A   |                | nothing; 2 follow-ups                 |
 * | m8  | Personal | inmail          | Tue 2026-03-03 10:00 | Hook A   |                | a reply, but its import was undone    |
 */
async function build(): Promise<Built> {
  const backend = await openBackend(undefined, now)
  const ledger = backend.ledger
  await call(backend, 'settings.update', { timeZone: 'America/New_York' })
  const work = await call<Seat>(backend, 'seats.add', {
    name: 'Work',
    planId: 'recruiter-lite',
    startedOn: '2026-01-01',
  })
  const personal = await call<Seat>(backend, 'seats.add', {
    name: 'Personal',
    planId: 'premium-business',
    startedOn: '2026-01-01',
  })
  await call(backend, 'templates.add', { name: 'Hook A', channel: 'inmail', body: hookA })
  await call(backend, 'templates.add', { name: 'Hook B', channel: 'inmail', body: hookB })
  await call(backend, 'roles.add', {
    name: 'Staff Engineer',
    client: 'Acme',
    family: 'Engineering',
  })
  await call(backend, 'roles.add', { name: 'Data Lead', client: 'Acme', family: 'Data' })

  const to = (n: number) => ({ profileUrl: `https://www.linkedin.com/in/person-${n}` })
  const inmail = async (
    n: number,
    at: string,
    extra: { template?: string; role?: string; openProfile?: boolean } = {},
  ) =>
    (
      await call<{ eventId: number }>(backend, 'credits.send', {
        seatId: work.id,
        to: to(n),
        at,
        openProfile: extra.openProfile ?? false,
        ...(extra.template ? { template: extra.template } : {}),
        ...(extra.role ? { role: extra.role } : {}),
      })
    ).eventId
  const respond = (n: number, at: string, kind: string, sentiment: string) =>
    call(backend, 'credits.respond', { to: to(n), at, kind, sentiment })

  const ids: Record<string, number> = {}
  ids.m1 = await inmail(1, '2026-02-02T15:00:00Z', { template: 'Hook A', role: 'Staff Engineer' })
  ids.m2 = await inmail(2, '2026-02-03T16:00:00Z', { template: 'Hook A', role: 'Staff Engineer' })
  ids.m3 = await inmail(3, '2026-02-05T03:30:00Z', { template: 'Hook B', role: 'Data Lead' })
  ids.m4 = await inmail(4, '2026-02-06T14:00:00Z', {
    template: 'Hook B',
    role: 'Data Lead',
    openProfile: true,
  })
  ids.m5 = await inmail(5, '2026-02-09T15:00:00Z', { template: 'Hook B' })
  ids.m6 = (
    await call<{ eventId: number }>(backend, 'outreach.log', {
      seatId: work.id,
      channel: 'connection-note',
      to: to(6),
      at: '2026-02-10T15:00:00Z',
      role: 'Staff Engineer',
    })
  ).eventId
  ids.m7 = (
    await call<{ eventId: number }>(backend, 'outreach.log', {
      seatId: personal.id,
      channel: 'message',
      to: to(7),
      at: '2026-03-02T15:00:00Z',
      template: 'Hook A',
    })
  ).eventId

  await respond(1, '2026-02-03T15:00:00Z', 'reply', 'positive')
  await call(backend, 'credits.meeting', { to: to(1), at: '2026-02-05T15:00:00Z' })
  await respond(2, '2026-02-03T18:00:00Z', 'decline', 'negative')
  await respond(4, '2026-02-08T16:00:00Z', 'reply', 'neutral')
  await respond(4, '2026-02-09T10:00:00Z', 'reply', 'positive')
  await call(backend, 'outreach.mark', {
    messageIds: [ids.m5],
    action: 'bounced',
    at: '2026-02-09T16:00:00Z',
  })
  await respond(6, '2026-02-10T15:30:00Z', 'accept', 'positive')

  const contact = (n: number) =>
    (
      ledger.db
        .prepare('SELECT id FROM contacts WHERE profile_url = ?')
        .get(`https://www.linkedin.com/in/person-${n}`) as { id: number }
    ).id
  ledger.db.transaction(() => {
    appendEvent(ledger, {
      seatId: work.id,
      kind: 'hire',
      at: '2026-02-20T15:00:00Z',
      contactId: contact(1),
      inmailId: ids.m1,
    })
    // Follow-ups in the same thread: one on m1, two on m7. Not messages of their own.
    for (const [of, at, n] of [
      [ids.m1, '2026-02-04T15:00:00Z', 1],
      [ids.m7, '2026-03-05T15:00:00Z', 7],
      [ids.m7, '2026-03-09T15:00:00Z', 7],
    ] as const)
      appendEvent(ledger, {
        seatId: n === 1 ? work.id : personal.id,
        kind: 'message-sent',
        channel: n === 1 ? 'inmail' : 'message',
        at,
        contactId: contact(n),
        followupOf: of,
      })
    const c9 = Number(
      ledger.db
        .prepare('INSERT INTO contacts (name, created_at) VALUES (?, ?)')
        .run('Nine', now().toISOString()).lastInsertRowid,
    )
    ids.m9 = appendEvent(ledger, {
      seatId: work.id,
      kind: 'message-sent',
      channel: 'email',
      at: '2026-03-01T03:00:00Z',
      contactId: c9,
      bodyChars: 120,
      bodyWords: 20,
    })
    const importId = Number(
      ledger.db
        .prepare(
          "INSERT INTO imports (kind, source, seat_id, summary, created_at) VALUES ('csv', 'x.csv', ?, '{}', ?)",
        )
        .run(personal.id, now().toISOString()).lastInsertRowid,
    )
    const c8 = Number(
      ledger.db
        .prepare('INSERT INTO contacts (name, import_id, created_at) VALUES (?, ?, ?)')
        .run('Eight', importId, now().toISOString()).lastInsertRowid,
    )
    ids.m8 = appendEvent(ledger, {
      seatId: personal.id,
      kind: 'inmail-sent',
      at: '2026-03-03T15:00:00Z',
      contactId: c8,
      openProfile: false,
      template: 'Hook A',
      importId,
    })
    appendEvent(ledger, {
      seatId: personal.id,
      kind: 'response',
      at: '2026-03-04T15:00:00Z',
      contactId: c8,
      inmailId: ids.m8,
      responseKind: 'reply',
      sentiment: 'positive',
      importId,
    })
    ids.import = importId
  })()
  await call(backend, 'imports.undo', { importId: ids.import })
  return { backend, work, personal, ids }
}

const metrics = (backend: Backend, input: Record<string, unknown> = {}) =>
  call<Metrics>(backend, 'analytics.metrics', input)

/** A group's counts as a compact row: [key, delivered, replies, positive, meetings, hires]. */
const counts = (groups: FunnelGroup[]) =>
  groups.map((g) => [g.key, g.delivered, g.replies, g.positive, g.meetings, g.hires])

// Work: $170 a month, Personal: $60, spread over 365/12 days; 2026-02-02 to 2026-03-31 is 58 days.
const workCents = Math.round(((17_000 * 12) / 365) * 58)
const personalCents = Math.round(((6_000 * 12) / 365) * 58)

describe('analytics.metrics on a hand-built ledger', () => {
  it('counts the funnel: bounces are not delivered, follow-ups are not messages, undone imports are gone', async () => {
    const { backend } = await build()
    const m = await metrics(backend)
    expect(m.from).toBe('2026-02-02') // the first send, in New York
    expect(m.to).toBe('2026-03-31') // today
    expect(m).toMatchObject({
      delivered: 7,
      replies: 4,
      positive: 3,
      meetings: 1,
      hires: 1,
      smallSample: true,
      groups: [],
    })
    expect(m.replyRate.value).toBeCloseTo(4 / 7, 12)
    expect(m.replyRate.n).toBe(7)
    expect(m.positiveRate.value).toBeCloseTo(3 / 7, 12)
    expect(m.meetingRate.value).toBeCloseTo(1 / 7, 12)
    // Wilson 95% for 4 of 7.
    expect(m.replyRate.low).toBeCloseTo(0.250458, 5)
    expect(m.replyRate.high).toBeCloseTo(0.841782, 5)
    // First replies after 0.5, 2, 24 and 50 hours.
    expect(m.timeToFirstReply).toEqual({
      medianHours: 13,
      p25Hours: 1.625,
      p75Hours: 30.5,
      histogram: [
        { bucket: '<1h', count: 1 },
        { bucket: '1–6h', count: 1 },
        { bucket: '6–24h', count: 0 },
        { bucket: '1–3d', count: 2 },
        { bucket: '3–7d', count: 0 },
        { bucket: '1–2w', count: 0 },
        { bucket: '2–4w', count: 0 },
        { bucket: '4w+', count: 0 },
      ],
    })
    // Cost: both seats' spend over Work's four paid InMails (m1, m2, m3, m5; m4 is Open Profile,
    // the follow-up of m1 a message) and the results of the conversations they opened: m1's
    // positive reply, meeting and hire and m2's decline (m5 bounced).
    const total = workCents + personalCents
    expect(m.cost).toMatchObject({
      totalCents: total,
      paidInmails: 4,
      replies: 2,
      positive: 1,
      meetings: 1,
      hires: 1,
      perInmailCents: Math.round(total / 4),
      perReplyCents: Math.round(total / 2),
      perPositiveCents: total,
      perMeetingCents: total,
      perHireCents: total,
      free: false,
    })
  })

  it('an empty period: zeros, null rates and percentiles, the cost of the seats still counted', async () => {
    const { backend } = await build()
    const m = await metrics(backend, { from: '2026-01-10', to: '2026-01-12', by: 'template' })
    expect(m).toMatchObject({ delivered: 0, replies: 0, smallSample: true, groups: [] })
    expect(m.replyRate).toEqual({ value: null, low: null, high: null, n: 0 })
    expect(m.timeToFirstReply.medianHours).toBeNull()
    // Each seat's cost over the three days, rounded to the cent.
    expect(m.cost.totalCents).toBe(
      Math.round(((17_000 * 12) / 365) * 3) + Math.round(((6_000 * 12) / 365) * 3),
    )
    expect(m.cost.perReplyCents).toBeNull()
  })

  it('by template, version, role and role family', async () => {
    const { backend } = await build()
    const template = await metrics(backend, { by: 'template' })
    expect(counts(template.groups)).toEqual([
      ['hook a', 3, 2, 1, 1, 1],
      ['hook b', 2, 1, 1, 0, 0],
      ['', 2, 1, 1, 0, 0],
    ])
    expect(template.groups.map((g) => g.label)).toEqual(['Hook A', 'Hook B', '(no template)'])
    // Hook A: two of Work's four paid InMails (m1, m2); Personal's message to it is free.
    expect(template.groups[0]!.cost.totalCents).toBe(Math.round((workCents * 2) / 4))
    expect(template.groups[0]!.cost.perReplyCents).toBe(Math.round((workCents * 2) / 4 / 2))
    // No template: the connection note and the email, free.
    expect(template.groups[2]!.cost).toMatchObject({ totalCents: 0, free: true })
    expect(template.groups[0]!.timeToFirstReply.medianHours).toBe(13) // 2h and 24h
    expect(template.groups[1]!.timeToFirstReply.medianHours).toBe(50)

    const versions = await metrics(backend, { by: 'templateVersion' })
    expect(versions.groups.map((g) => [g.label, g.delivered])).toEqual([
      ['Hook A v1', 3],
      ['Hook B v1', 2],
      ['(no saved template)', 2],
    ])

    const role = await metrics(backend, { by: 'role' })
    expect(counts(role.groups)).toEqual([
      ['staff engineer', 3, 3, 2, 1, 1],
      ['data lead', 2, 1, 1, 0, 0],
      ['', 2, 0, 0, 0, 0],
    ])
    const family = await metrics(backend, { by: 'roleFamily' })
    expect(family.groups.map((g) => [g.label, g.delivered, g.replies])).toEqual([
      ['Engineering', 3, 3],
      ['Data', 2, 1],
      ['(no role family)', 2, 0],
    ])
  })

  it('by channel and seat', async () => {
    const { backend, work, personal } = await build()
    const channel = await metrics(backend, { by: 'channel' })
    expect(channel.groups.map((g) => [g.key, g.label, g.delivered, g.replies])).toEqual([
      ['inmail', 'InMail', 3, 2],
      ['connection-note', 'Connection note', 1, 1],
      ['email', 'Email', 1, 0],
      ['message', 'Message', 1, 0],
      ['open-profile', 'Open Profile', 1, 1],
    ])
    // Only InMails that spent a credit carry cost; every other channel is free.
    expect(channel.groups.map((g) => [g.key, g.cost.totalCents, g.cost.free])).toEqual([
      ['inmail', workCents, false],
      ['connection-note', 0, true],
      ['email', 0, true],
      ['message', 0, true],
      ['open-profile', 0, true],
    ])
    expect(channel.groups[0]!.cost.perReplyCents).toBe(Math.round(workCents / 2))
    const seat = await metrics(backend, { by: 'seat' })
    expect(
      seat.groups.map((g) => [g.key, g.label, g.delivered, g.replies, g.cost.totalCents]),
    ).toEqual([
      [String(work.id), 'Work', 6, 4, workCents],
      [String(personal.id), 'Personal', 1, 0, personalCents],
    ])
  })

  it('by month, week and weekday in the user’s zone, at midnight', async () => {
    const { backend } = await build()
    // m9, sent 2026-03-01 03:00 UTC, is 2026-02-28 22:00 in New York: February, a Saturday.
    const month = await metrics(backend, { by: 'month' })
    expect(month.groups.map((g) => [g.key, g.label, g.delivered])).toEqual([
      ['2026-02', 'February 2026', 6],
      ['2026-03', 'March 2026', 1],
    ])
    const week = await metrics(backend, { by: 'week' })
    expect(week.groups.map((g) => [g.key, g.label, g.delivered])).toEqual([
      ['2026-02-02', 'Week of 2026-02-02', 4],
      ['2026-02-09', 'Week of 2026-02-09', 1],
      ['2026-02-23', 'Week of 2026-02-23', 1],
      ['2026-03-02', 'Week of 2026-03-02', 1],
    ])
    // m3, 2026-02-05 03:30 UTC, is Wednesday 22:30 in New York: no Thursday at all.
    const weekday = await metrics(backend, { by: 'weekday' })
    expect(weekday.groups.map((g) => [g.key, g.delivered, g.replies])).toEqual([
      ['Mon', 2, 1],
      ['Tue', 2, 2],
      ['Wed', 1, 0],
      ['Fri', 1, 1],
      ['Sat', 1, 0],
    ])
  })

  it('in UTC the same ledger has a Thursday and a March 1st', async () => {
    const { backend } = await build()
    await call(backend, 'settings.update', { timeZone: 'UTC' })
    const weekday = await metrics(backend, { by: 'weekday' })
    expect(weekday.groups.map((g) => g.key)).toEqual(['Mon', 'Tue', 'Thu', 'Fri', 'Sun'])
    const month = await metrics(backend, { by: 'month' })
    expect(month.groups.map((g) => [g.key, g.delivered])).toEqual([
      ['2026-02', 5],
      ['2026-03', 2],
    ])
  })

  it('by length, words and follow-ups sent', async () => {
    const { backend } = await build()
    const length = await metrics(backend, { by: 'length' })
    expect(length.groups.map((g) => [g.key, g.label, g.delivered])).toEqual([
      ['under 400 characters', 'Under 400 characters', 3], // Hook B ×3 (one bounced), m9
      ['400 or more', '400 characters or more', 3], // Hook A
      ['unknown', 'Length unknown', 1], // m6
    ])
    const wordBands = await metrics(backend, { by: 'words' })
    expect(wordBands.groups.map((g) => [g.key, g.label, g.delivered])).toEqual([
      ['<70', '<70 words', 1],
      ['70–120', '70–120 words', 2],
      ['121–150', '121–150 words', 3],
      ['unknown', 'Word count unknown', 1],
    ])
    const followups = await metrics(backend, { by: 'followups' })
    expect(followups.groups.map((g) => [g.key, g.label, g.delivered, g.replies])).toEqual([
      ['0', 'No follow-up', 5, 3],
      ['1', '1 follow-up', 1, 1],
      ['2', '2 follow-ups', 1, 0],
    ])
  })

  it('filters by seat, role, template, channel and local send day', async () => {
    const { backend, personal } = await build()
    const seat = await metrics(backend, { seatId: personal.id })
    expect(seat).toMatchObject({ from: '2026-03-02', delivered: 1, replies: 0 })
    // Personal alone, from its first send: 2026-03-02 to 2026-03-31, 30 days.
    expect(seat.cost.totalCents).toBe(Math.round(((6_000 * 12) / 365) * 30))

    const role = await metrics(backend, { role: 'staff ENGINEER' })
    expect([role.delivered, role.replies, role.positive, role.hires]).toEqual([3, 3, 2, 1])
    const template = await metrics(backend, { template: 'hook b' })
    expect([template.delivered, template.replies, template.positive]).toEqual([2, 1, 1])
    // Hook B is two of Work's four paid InMails (m3, m5; m4 is Open Profile).
    expect(template.cost.totalCents).toBe(Math.round((workCents * 2) / 4))
    const openProfile = await metrics(backend, { channel: 'open-profile' })
    expect([openProfile.delivered, openProfile.replies]).toEqual([1, 1])

    // m3 went out on 2026-02-05 in UTC but 2026-02-04 in New York: not in the period.
    const days = await metrics(backend, { from: '2026-02-05', to: '2026-02-09' })
    expect([days.delivered, days.replies]).toEqual([1, 1]) // m4; m5 bounced
    const edge = await metrics(backend, { from: '2026-02-04', to: '2026-02-04' })
    expect(edge.delivered).toBe(1) // m3
  })

  it('refuses an unknown seat, a reversed period and an unknown grouping', async () => {
    const { backend } = await build()
    expect((await refused(backend, 'analytics.metrics', { seatId: 99 })).code).toBe(
      'SEAT_NOT_FOUND',
    )
    expect(
      (await refused(backend, 'analytics.metrics', { from: '2026-03-02', to: '2026-03-01' }))
        .message,
    ).toBe('The period must start on or before its end.')
    expect((await refused(backend, 'analytics.metrics', { by: 'colour' })).message).toMatch(
      /^Group by one of template, templateVersion/,
    )
  })
})

describe('analytics.trend', () => {
  it('gives every week of the window, empty ones with null rates', async () => {
    const { backend } = await build()
    const points = await call<TrendPoint[]>(backend, 'analytics.trend', {
      weeks: 4,
      to: '2026-03-01',
    })
    expect(points.map((p) => [p.week, p.delivered, p.replyRate.value])).toEqual([
      ['2026-02-02', 4, 0.75],
      ['2026-02-09', 1, 1],
      ['2026-02-16', 0, null],
      ['2026-02-23', 1, 0],
    ])
    expect(points[0]!.positiveRate.value).toBe(0.5)
    expect(points[0]!.meetingRate.value).toBe(0.25)
    expect(points[2]!.positiveRate).toEqual({ value: null, low: null, high: null, n: 0 })
  })

  it('defaults to 12 weeks ending today', async () => {
    const { backend } = await build()
    const points = await call<TrendPoint[]>(backend, 'analytics.trend', {})
    expect(points).toHaveLength(12)
    expect(points.at(-1)!.week).toBe('2026-03-30')
    expect(points.reduce((n, p) => n + p.delivered, 0)).toBe(7)
  })
})

describe('analytics.compare', () => {
  it('compares two templates over the same filters', async () => {
    const { backend } = await build()
    const c = await call<Comparison>(backend, 'analytics.compare', { a: 'Hook A', b: 'hook b' })
    expect(c.a).toMatchObject({ label: 'Hook A', delivered: 3, replies: 2 })
    expect(c.b).toMatchObject({ label: 'hook b', delivered: 2, replies: 1 })
    expect(c.probabilityBBeatsA).toBeCloseTo(
      probabilityBBeatsA({ delivered: 3, replies: 2 }, { delivered: 2, replies: 1 }),
      12,
    )
    expect(c.verdict).toMatch(/^Not yet meaningful: 3 and 2 sends; about \d+ more of each/)
    const workOnly = await call<Comparison>(backend, 'analytics.compare', {
      a: 'Hook A',
      b: 'Hook B',
      role: 'Staff Engineer',
    })
    expect([workOnly.a.delivered, workOnly.b.delivered]).toEqual([2, 0])
    expect(workOnly.verdict).toBe(
      'Not yet meaningful: nothing of Hook B was delivered in this period.',
    )
    expect(
      (await refused(backend, 'analytics.compare', { a: 'Hook A', b: 'hook a' })).message,
    ).toBe('Choose two different templates.')
  })
})
