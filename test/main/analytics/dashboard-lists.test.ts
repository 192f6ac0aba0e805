// What the dashboard lists and counts agrees with the outreach table: filtering by a status shows
// exactly the messages the unfiltered table shows with that status (the filter narrows before it
// looks up each message's answers), pages add up to the whole list, and the funnel counts the
// replies the table shows.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateDemo } from '../../../bench/demo'
import type { Metrics, OutreachRow } from '../../../src/shared/contract'
import { outreachStatuses } from '../../../src/shared/contract/outreach'
import { call, openBackend, tempDir } from '../../helpers/ledger'

const now = new Date('2026-11-23T18:00:00.000Z')

interface Page {
  rows: OutreachRow[]
  total: number
}

describe('the dashboard and the outreach table', () => {
  it('agree on every status, page by page', async () => {
    const dbPath = join(tempDir(), 'demo.sqlite')
    // 150 days: messages both within the last 90 days (awaiting) and before (no reply).
    await generateDemo(dbPath, { now, days: 150, seed: 11 })
    const backend = await openBackend(dbPath, () => now)
    const list = (input: object) => call<Page>(backend, 'outreach.list', { limit: 1000, ...input })

    const all = await list({})
    expect(all.total).toBe(all.rows.length)
    const seen = new Set(all.rows.map((r) => r.status))
    for (const status of ['awaiting', 'no-reply', 'replied', 'meeting'] as const)
      expect(seen).toContain(status)

    for (const status of outreachStatuses) {
      const expected = all.rows.filter((r) => r.status === status)
      const filtered = await list({ status })
      expect(filtered.total, status).toBe(expected.length)
      expect(filtered.rows, status).toEqual(expected)

      // The dashboard's question (the oldest first, a few at a time), paged to the end.
      const byContact = await list({ status, sort: 'contact', direction: 'asc' })
      expect(byContact.rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort())
      const paged: OutreachRow[] = []
      for (let offset = 0; offset < expected.length; offset += 7) {
        const page = await list({ status, sort: 'contact', direction: 'asc', limit: 7, offset })
        expect(page.total).toBe(expected.length)
        paged.push(...page.rows)
      }
      expect(paged).toEqual(byContact.rows)
      const past = await list({ status, limit: 5, offset: expected.length + 3 })
      expect(past).toEqual({ rows: [], total: expected.length })
    }

    // Sorted by status, with or without a status filter, the rows are the same messages.
    const byStatus = await list({ sort: 'status', direction: 'asc' })
    expect(byStatus.rows.map((r) => r.status)).toEqual(
      all.rows.map((r) => r.status).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    )
    const awaiting = await list({ status: 'awaiting', sort: 'status', direction: 'desc' })
    expect(awaiting.rows.map((r) => r.id)).toEqual(
      all.rows
        .filter((r) => r.status === 'awaiting')
        .map((r) => r.id)
        .sort((a, b) => b - a),
    )

    // The funnel over everything sent counts the replies the table shows.
    const metrics = await call<Metrics>(backend, 'analytics.metrics', {})
    const delivered = all.rows.filter((r) => r.status !== 'bounced')
    expect(metrics.delivered).toBe(delivered.length)
    expect(metrics.replies).toBe(delivered.filter((r) => r.respondedAt !== null).length)
  })
})
