// The funnel of the shared LinkedIn export after importing it: what truth.json says it holds.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportSummary, Metrics } from '../../../src/shared/contract'
import { fixturesDir } from '../../helpers/fixtures'
import { call, openWithSeat } from '../../helpers/ledger'

const now = () => new Date('2026-11-01T12:00:00.000Z')

interface Truth {
  inmails: number
  inmails_responded: number
  open_profile_or_regular: number
}

describe('metrics of the imported LinkedIn export', () => {
  it('counts its InMails and the ones answered, at any time', async () => {
    const truth = JSON.parse(
      readFileSync(join(fixturesDir, 'linkedin-export', 'truth.json'), 'utf8'),
    ) as Truth
    const { backend, seat } = await openWithSeat({
      now,
      seat: { startedOn: '2025-12-01', openingBalance: 120 },
    })
    const run = await call<{ importId: number | null; summary: ImportSummary }>(
      backend,
      'imports.run',
      {
        source: { kind: 'linkedin', path: join(fixturesDir, 'linkedin-export'), seatId: seat.id },
        dryRun: false,
      },
    )
    expect(run.importId).not.toBeNull()

    const inmails = await call<Metrics>(backend, 'analytics.metrics', { channel: 'inmail' })
    expect(inmails.delivered).toBe(truth.inmails) // 57
    expect(inmails.replies).toBe(truth.inmails_responded) // 18
    expect(inmails.smallSample).toBe(false)
    expect(inmails.replyRate.value).toBeCloseTo(18 / 57, 12)
    expect(inmails.timeToFirstReply.medianHours).not.toBeNull()
    expect(inmails.timeToFirstReply.histogram.reduce((n, b) => n + b.count, 0)).toBe(18)

    // The whole export, by channel: the groups add up to the total, and InMail is one of them.
    const all = await call<Metrics>(backend, 'analytics.metrics', { by: 'channel' })
    const outreach = await call<{ total: number }>(backend, 'outreach.list', { limit: 1 })
    expect(all.delivered).toBe(outreach.total)
    expect(all.groups.reduce((n, g) => n + g.delivered, 0)).toBe(all.delivered)
    expect(all.groups.reduce((n, g) => n + g.replies, 0)).toBe(all.replies)
    expect(all.groups.find((g) => g.key === 'inmail')).toMatchObject({
      delivered: truth.inmails,
      replies: truth.inmails_responded,
    })
    // The cohort is chosen by send date: the months add up to the same.
    const months = await call<Metrics>(backend, 'analytics.metrics', { by: 'month' })
    expect(months.groups.map((g) => g.key)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
    ])
    expect(months.groups.reduce((n, g) => n + g.delivered, 0)).toBe(all.delivered)

    // Undoing the import leaves nothing to count.
    await call(backend, 'imports.undo', { importId: run.importId })
    const after = await call<Metrics>(backend, 'analytics.metrics', { channel: 'inmail' })
    expect([after.delivered, after.replies]).toEqual([0, 0])
  })
})
