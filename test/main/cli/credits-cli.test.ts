// The credit commands as a user types them, with the JSON shapes the issue promises.
import { describe, expect, it } from 'vitest'
import { cliAt, ledgerWithSeat } from '../../helpers/cli'

const now = () => new Date('2026-03-20T12:00:00.000Z')

const cli = cliAt(now)

const ledger = () => ledgerWithSeat(cli, { since: '2026-01-05', balance: 10 })

describe('credit commands', () => {
  it('send, respond and meeting move the balance as LinkedIn would', async () => {
    const db = await ledger()
    const sent = await cli(
      db,
      'send',
      '--seat',
      'Work',
      '--to',
      'https://www.linkedin.com/in/jane-doe',
      '--at',
      '2026-01-06T09:00:00Z',
      '--template',
      'Hook A',
      '--role',
      'Staff Engineer',
    )
    expect(sent.code).toBe(0)
    expect(sent.stdout).toMatch(
      /Logged InMail #\d+ to https:\/\/www\.linkedin\.com\/in\/jane-doe from Work \(1 credit\)/,
    )
    expect(
      (
        await cli(
          db,
          'send',
          '--seat',
          'Work',
          '--to',
          'linkedin.com/in/omar',
          '--at',
          '2026-01-06T10:00:00Z',
          '--open-profile',
        )
      ).stdout,
    ).toMatch(/Open Profile, free/)

    const replied = await cli(
      db,
      'respond',
      '--to',
      'linkedin.com/in/JANE-DOE/',
      '--at',
      '2026-01-07T09:00:00Z',
      '--kind',
      'reply',
      '--sentiment',
      'positive',
      '--json',
    )
    expect(replied.code).toBe(0)
    expect(replied.json()).toMatchObject({ refunded: true })
    expect(
      (
        await cli(
          db,
          'meeting',
          '--to',
          'https://www.linkedin.com/in/jane-doe',
          '--at',
          '2026-01-08T09:00:00Z',
        )
      ).code,
    ).toBe(0)

    const balance = await cli(
      db,
      'balance',
      '--seat',
      'Work',
      '--at',
      '2026-01-08T12:00:00Z',
      '--json',
    )
    expect(balance.code).toBe(0)
    const b = balance.json()
    expect(Object.keys(b)).toEqual(
      expect.arrayContaining(['available', 'batches', 'pendingRefunds', 'nextRenewal', 'warnings']),
    )
    expect(b.available).toBe(10)
    expect(b.nextRenewal).toEqual({ date: '2026-02-05', credits: 30 })
    expect(b.batches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          credits: expect.any(Number),
          source: 'opening',
          dated: '2026-01-05',
          expires: '2026-04-05',
        }),
      ]),
    )
  })

  it('statement and forecast print the promised objects', async () => {
    const db = await ledger()
    await cli(
      db,
      'send',
      '--seat',
      'Work',
      '--to',
      'linkedin.com/in/a',
      '--at',
      '2026-02-10T09:00:00Z',
    )
    await cli(
      db,
      'purchase',
      '--seat',
      'Work',
      '--credits',
      '5',
      '--at',
      '2026-02-12',
      '--price-cents',
      '5000',
    )
    const statement = await cli(
      db,
      'statement',
      '--seat',
      'work',
      '--from',
      '2026-02-01',
      '--to',
      '2026-02-28',
      '--json',
    )
    expect(statement.code).toBe(0)
    expect(statement.json()).toMatchObject({
      opening: 10,
      granted: 30,
      purchased: 5,
      spent: 1,
      refunded: 0,
      expired: 0,
      forfeited: 0,
      adjusted: 0,
      closing: 44,
    })
    expect((statement.json().entries as unknown[]).length).toBe(3)
    expect(
      (await cli(db, 'statement', '--seat', 'Work', '--from', '2026-02-01', '--to', '2026-02-28'))
        .stdout,
    ).toMatch(/Closing +44/)

    const forecast = await cli(
      db,
      'forecast',
      '--seat',
      'Work',
      '--per-week',
      '10',
      '--response-rate',
      '0.2',
      '--weeks',
      '4',
      '--at',
      '2026-03-01',
      '--json',
    )
    expect(forecast.code).toBe(0)
    const f = forecast.json()
    expect(Object.keys(f)).toEqual(
      expect.arrayContaining(['runsOutOn', 'expiresUnused', 'expectedRefunds', 'days']),
    )
    expect(f.days).toHaveLength(28)
    expect((f.days as { date: string }[])[0]!.date).toBe('2026-03-02')
  })

  it('reconcile, cancel, seat policy and seat plan', async () => {
    const db = await ledger()
    const r = await cli(
      db,
      'reconcile',
      '--seat',
      'Work',
      '--at',
      '2026-01-10',
      '--shown',
      '8',
      '--note',
      'phone sends',
    )
    expect(r.stdout).toMatch(/LinkedIn shows 8, the ledger had 10: posted an adjustment of -2/)
    expect(
      (
        await cli(
          db,
          'seat',
          'policy',
          '--seat',
          'Work',
          '--expiry',
          'never',
          '--refund-declines',
          'no',
        )
      ).stdout,
    ).toMatch(/never.*declines are not refunded/)
    expect(
      (await cli(db, 'seat', 'policy', '--seat', 'Work', '--refund-declines', 'maybe')).code,
    ).toBe(2)
    const plan = await cli(
      db,
      'seat',
      'plan',
      '--seat',
      'Work',
      '--plan',
      'premium-business',
      '--at',
      '2026-02-01',
      '--json',
    )
    // On 1 Feb the seat held its 10 opening credits less the 2 adjusted away.
    expect(plan.json()).toMatchObject({ forfeited: 8 })
    const cancel = await cli(db, 'cancel', '--seat', 'Work', '--at', '2026-03-01')
    // Premium Business opened with 15 on 1 Feb and renewed 15 more on 1 Mar, before the cancellation.
    expect(cancel.stdout).toMatch(/30 credits forfeited/)
  })

  it('refuses bad input with exit 1 and a one-line reason, writing nothing', async () => {
    const db = await ledger()
    const cases: [string[], RegExp][] = [
      [
        ['send', '--seat', 'Nope', '--to', 'linkedin.com/in/a', '--at', '2026-01-06T09:00:00Z'],
        /no seat named "Nope"/,
      ],
      [
        ['respond', '--to', 'linkedin.com/in/never-contacted', '--at', '2026-01-07T09:00:00Z'],
        /no outreach/,
      ],
      [
        ['purchase', '--seat', 'Work', '--credits', '-3', '--at', '2026-01-07'],
        /cannot be negative/,
      ],
      [['purchase', '--seat', 'Work', '--credits', 'lots', '--at', '2026-01-07'], /whole number/],
      [
        ['statement', '--seat', 'Work', '--from', '2026-03-01', '--to', '2026-01-01'],
        /start on or before/,
      ],
      [['forecast', '--seat', 'Work', '--response-rate', '1.5'], /between 0 and 1/],
    ]
    for (const [args, message] of cases) {
      const run = await cli(db, ...args)
      expect(run.code, args.join(' ')).toBe(1)
      expect(run.stderr).toMatch(message)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
    }
    const balance = await cli(
      db,
      'balance',
      '--seat',
      'Work',
      '--at',
      '2026-01-08T00:00:00Z',
      '--json',
    )
    expect(balance.json().available).toBe(10)
  })

  it('usage errors exit 2', async () => {
    const db = await ledger()
    const malformed = [
      ['send', '--seat', 'Work', '--to', 'linkedin.com/in/a', '--at', 'tuesday'],
      ['reconcile', '--seat', 'Work', '--shown', '3', '--at', '07/01/2026'],
    ]
    for (const args of malformed) {
      const run = await cli(db, ...args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).toMatch(/^error: --at ".*" is not a real (day|date and time): write it /)
    }
    expect((await cli(db, 'send', '--seat', 'Work')).code).toBe(2)
    expect((await cli(db, 'balance')).code).toBe(2)
    expect((await cli(db, 'respond', '--to', 'x')).code).toBe(2)
  })
})
