// `metrics` as a user types it: the promised JSON shape, the table, and the exit codes.
import { describe, expect, it } from 'vitest'
import { cli, ledgerWithSeat } from '../../helpers/cli'

async function ledger(): Promise<string> {
  const db = await ledgerWithSeat(cli, { since: '2026-01-05' })
  const sends: [string, string, string][] = [
    ['ana', '2026-01-06T09:00:00Z', 'Hook A'],
    ['ben', '2026-01-07T09:00:00Z', 'Hook A'],
    ['chen', '2026-01-08T09:00:00Z', 'Hook B'],
  ]
  for (const [who, at, template] of sends)
    expect(
      (
        await cli(
          db,
          'send',
          '--seat',
          'Work',
          '--to',
          `linkedin.com/in/${who}`,
          '--at',
          at,
          '--template',
          template,
        )
      ).code,
    ).toBe(0)
  const replied = await cli(
    db,
    'respond',
    '--to',
    'linkedin.com/in/ana',
    '--at',
    '2026-01-07T15:00:00Z',
    '--sentiment',
    'positive',
  )
  expect(replied.code).toBe(0)
  return db
}

const fields = [
  'delivered',
  'replies',
  'positive',
  'meetings',
  'hires',
  'replyRate',
  'positiveRate',
  'meetingRate',
  'medianHoursToFirstReply',
]

describe('metrics', () => {
  it('prints exactly the promised JSON object', async () => {
    const db = await ledger()
    const run = await cli(db, 'metrics', '--json')
    expect(run.code).toBe(0)
    const m = run.json()
    expect(Object.keys(m).sort()).toEqual([...fields, 'groups'].sort())
    expect(m).toEqual({
      delivered: 3,
      replies: 1,
      positive: 1,
      meetings: 0,
      hires: 0,
      replyRate: 1 / 3,
      positiveRate: 1 / 3,
      meetingRate: 0,
      medianHoursToFirstReply: 30,
      groups: [],
    })
  })

  it('groups carry the same fields, a key and label, and their intervals', async () => {
    const db = await ledger()
    const run = await cli(
      db,
      'metrics',
      '--seat',
      'work',
      '--by',
      'template',
      '--from',
      '2026-01-01',
      '--to',
      '2026-01-31',
      '--json',
    )
    expect(run.code).toBe(0)
    const groups = run.json().groups as Record<string, unknown>[]
    expect(groups.map((g) => [g.key, g.label, g.delivered, g.replies, g.replyRate])).toEqual([
      ['hook a', 'Hook A', 2, 1, 0.5],
      ['hook b', 'Hook B', 1, 0, 0],
    ])
    expect(Object.keys(groups[0]!)).toEqual(
      expect.arrayContaining([...fields, 'key', 'label', 'replyRateLow', 'replyRateHigh']),
    )
    expect(groups[0]!.replyRateLow).toBeCloseTo(0.0945, 4)
    expect(groups[0]!.replyRateHigh).toBeCloseTo(0.9055, 4)
  })

  it('rates are null when nothing was delivered in the period', async () => {
    const db = await ledger()
    const run = await cli(db, 'metrics', '--from', '2026-02-01', '--to', '2026-02-28', '--json')
    expect(run.code).toBe(0)
    expect(run.json()).toMatchObject({
      delivered: 0,
      replyRate: null,
      positiveRate: null,
      meetingRate: null,
      medianHoursToFirstReply: null,
    })
  })

  it('prints a table with intervals and marks small samples', async () => {
    const db = await ledger()
    const run = await cli(db, 'metrics', '--by', 'template')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Outreach sent 2026-01-06 to 2026-03-10 (all seats)')
    expect(run.stdout).toMatch(/Reply rate\s+33% \(6–79%\)/)
    expect(run.stdout).toMatch(/Hook A \*\s+2\s+1\s+50% \(9–91%\)/)
    expect(run.stdout).toContain('* small sample: fewer than 30 delivered')
  })

  it('exits 1 for what the ledger refuses and 2 for usage errors', async () => {
    const db = await ledger()
    // A malformed day is a usage error, like in every command.
    const badDay = await cli(db, 'metrics', '--from', '2026-02-30')
    expect(badDay.code).toBe(2)
    expect(badDay.stderr).toMatch(/^error: --from "2026-02-30" is not a real day/)
    const reversed = await cli(
      db,
      'metrics',
      '--from',
      '2026-03-02',
      '--to',
      '2026-03-01',
      '--json',
    )
    expect(reversed.code).toBe(1)
    expect(reversed.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })
    const seat = await cli(db, 'metrics', '--seat', 'Nobody')
    expect(seat.code).toBe(1)
    expect(seat.stderr).toMatch(/There is no seat named "Nobody"/)

    const by = await cli(db, 'metrics', '--by', 'colour')
    expect(by.code).toBe(2)
    expect(by.stderr).toMatch(/Allowed choices are template, templateVersion/)
    expect((await cli(db, 'metrics', '--bogus')).code).toBe(2)
    const json = await cli(db, 'metrics', '--channel', 'fax', '--json')
    expect(json.code).toBe(2)
    expect(json.json()).toMatchObject({ error: { code: 'USAGE' } })
  })
})
