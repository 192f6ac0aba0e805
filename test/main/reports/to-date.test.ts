// A report for the month not over yet ends today and says so; a future period is refused; the
// warnings say which day they were live on (review 2, #4).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemo } from '../../../bench/demo'
import type { Balance, Report } from '../../../src/shared/contract'
import {
  type Block,
  reportSections,
  scopeSentence,
  warningsText,
} from '../../../src/shared/reports/sections'
import { call, openBackend, refused } from '../../helpers/ledger'

const now = new Date('2026-11-23T18:00:00.000Z')
const dir = mkdtempSync(join(tmpdir(), 'outreach-ledger-to-date-'))
const dbPath = join(dir, 'demo.sqlite')

beforeAll(async () => {
  await generateDemo(dbPath, { now, days: 80 })
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Every sentence and cell the PDF and preview print from the sections, as one text. */
function sectionText(report: Report): string {
  const flat = (b: Block): string[] =>
    b.kind === 'text'
      ? [b.text]
      : b.kind === 'table'
        ? [b.table.caption ?? '', ...b.table.rows.flat()]
        : [b.summary, ...b.blocks.flatMap(flat)]
  const w = warningsText(report)
  return [
    scopeSentence(report),
    ...reportSections(report).flatMap((s) => [s.heading, ...s.blocks.flatMap(flat)]),
    w.heading,
  ].join('\n')
}

describe('a report for the month not over yet', () => {
  it('ends today, says "to date", and closes each seat at today’s balance', async () => {
    const backend = await openBackend(dbPath, () => now)
    const report = await call<Report>(backend, 'reports.build', {
      from: '2026-11-01',
      to: '2026-11-30',
    })
    expect(report.period).toMatchObject({ from: '2026-11-01', to: '2026-11-23', toDate: true })
    expect(report.title).toBe('Outreach report, November 2026 to date')
    // Compared with the same 23 days of October, not all 31.
    expect(report.previousPeriod).toMatchObject({ from: '2026-10-01', to: '2026-10-23' })
    for (const s of report.statements) {
      const live = await call<Balance>(backend, 'credits.balance', { seatId: s.seatId })
      // No grant of 24 Nov counted as if it had happened.
      expect(s.entries.every((e) => e.day <= '2026-11-23')).toBe(true)
      expect(s.closing).toBe(live.available)
    }
    const text = sectionText(report)
    expect(text).toContain('Warnings live today, 23 Nov 2026')
    expect(text).toContain('same days of the month before (1 Oct 2026 – 23 Oct 2026)')
  })

  it('refuses a period that has not started, with a sentence', async () => {
    const backend = await openBackend(dbPath, () => now)
    const error = await refused(backend, 'reports.build', { from: '2026-12-01', to: '2026-12-31' })
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.message).toBe(
      'The period starts on 1 Dec 2026, after today (23 Nov 2026): a report covers what has happened. Pick a period that has started.',
    )
  })

  it('gives a past month’s warnings as live at month end', async () => {
    const backend = await openBackend(dbPath, () => now)
    const report = await call<Report>(backend, 'reports.build', {
      from: '2026-10-01',
      to: '2026-10-31',
    })
    expect(report.period.toDate).toBeUndefined()
    expect(report.title).toBe('Outreach report, October 2026')
    expect(sectionText(report)).toContain('Warnings live at month end, 31 Oct 2026')
  })
})
