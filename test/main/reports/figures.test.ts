// The report's figures are the engine's statement and Analytics' metrics for the same period and
// scope, to the credit and the message: on the demo ledger and on the imported LinkedIn export.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemo } from '../../../bench/demo'
import type { Backend } from '../../../src/main/backend'
import { endOfLocalDay } from '../../../src/main/credits/zone'
import type {
  Balance,
  CostSummary,
  ImportSummary,
  Metrics,
  Report,
  ReportExport,
  Seat,
} from '../../../src/shared/contract'
import type { Statement } from '../../../src/shared/domain/credits'
import { fixturesDir } from '../../helpers/fixtures'
import {
  call,
  closingFromTotals,
  openBackend,
  openWithSeat,
  refused,
  tempDir,
} from '../../helpers/ledger'

const now = new Date('2026-11-23T18:00:00.000Z')
const october = { from: '2026-10-01', to: '2026-10-31' }

/** A copy without the named fields. */
function without<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => !(keys as PropertyKey[]).includes(key)),
  ) as Omit<T, K>
}

/** The funnel fields a report carries from Analytics' metrics (cost is the report's own). */
function funnelOf(m: Metrics) {
  return without(m, 'from', 'to', 'groups', 'cost')
}

/** Analytics' groups as the report carries them. */
function groupsOf(m: Metrics) {
  return m.groups.map((g) => without(g, 'cost'))
}

// One demo ledger for the file (tempDir() would remove it after the first test).
const demoDir = mkdtempSync(join(tmpdir(), 'outreach-ledger-report-'))
const dbPath = join(demoDir, 'demo.sqlite')

beforeAll(async () => {
  await generateDemo(dbPath, { now, days: 80 })
}, 60_000)
afterAll(() => rmSync(demoDir, { recursive: true, force: true }))

async function demo(): Promise<Backend> {
  return openBackend(dbPath, () => now)
}

describe('a month report on the demo ledger', () => {
  it('carries each seat’s statement exactly as the credit engine gives it', async () => {
    const backend = await demo()
    const report = await call<Report>(backend, 'reports.build', october)
    const seats = await call<Seat[]>(backend, 'seats.list', {})
    expect(report.statements.map((s) => s.seat).sort()).toEqual(seats.map((s) => s.name).sort())
    for (const s of report.statements) {
      const engine = await call<Statement>(backend, 'credits.statement', {
        seatId: s.seatId,
        ...october,
      })
      expect(s).toMatchObject(without(engine, 'from', 'to'))
      expect(s.entries.length).toBeGreaterThan(10)
      expect(closingFromTotals(s)).toBe(s.closing)
      // Warnings live at the end of October: the balance as of the last millisecond of Oct 31.
      const balance = await call<Balance>(backend, 'credits.balance', {
        seatId: s.seatId,
        at: endOfLocalDay(october.to, report.timeZone),
      })
      expect(s.warnings).toEqual(balance.warnings)
    }
    expect(report.warnings.length).toBe(
      report.statements.reduce((n, s) => n + s.warnings.length, 0),
    )
  })

  it('carries the funnel, groups and month-over-month change of Analytics', async () => {
    const backend = await demo()
    const report = await call<Report>(backend, 'reports.build', october)
    const m = await call<Metrics>(backend, 'analytics.metrics', october)
    expect(report.funnel).toEqual(funnelOf(m))
    expect(report.funnel.delivered).toBeGreaterThan(50)
    for (const [by, groups] of [
      ['template', report.byTemplate],
      ['role', report.byRole],
      ['channel', report.byChannel],
      ['seat', report.bySeat],
    ] as const)
      expect(groups).toEqual(
        groupsOf(await call<Metrics>(backend, 'analytics.metrics', { ...october, by })),
      )
    const september = await call<Metrics>(backend, 'analytics.metrics', {
      from: '2026-09-01',
      to: '2026-09-30',
    })
    expect(report.previousPeriod).toEqual({
      from: '2026-09-01',
      to: '2026-09-30',
      label: 'September 2026',
      wholeMonth: true,
    })
    expect(report.previousFunnel).toEqual(funnelOf(september))
    expect(report.change.delivered).toEqual({
      current: m.delivered,
      previous: september.delivered,
      delta: m.delivered - september.delivered,
    })
    expect(report.change.replyRate.delta).toBeCloseTo(
      m.replyRate.value! - september.replyRate.value!,
      12,
    )
    // Cost is the `cost` command's, summed over the seats: September's replies to credit InMails.
    const seats = await call<Seat[]>(backend, 'seats.list', {})
    const costs = await Promise.all(
      seats.map((s) =>
        call<CostSummary>(backend, 'credits.cost', {
          seatId: s.id,
          from: '2026-09-01',
          to: '2026-09-30',
        }),
      ),
    )
    const total = costs.reduce((n, c) => n + c.totalCents, 0)
    const responses = costs.reduce((n, c) => n + c.responses, 0)
    expect(responses).toBeGreaterThan(0)
    expect(report.change.costPerReplyCents.previous).toBe(Math.round(total / responses))
    expect(report.period.label).toBe('October 2026')
  })

  it('names a best and worst template only when the comparison says so', async () => {
    const backend = await demo()
    // A month: templates with 10+ delivered are ranked, and the ends compared as Analytics does.
    const month = await call<Report>(backend, 'reports.build', october)
    const ranked = month.templates.ranked
    expect(ranked.length).toBeGreaterThanOrEqual(2)
    expect(ranked.every((g) => g.delivered >= 10)).toBe(true)
    const rates = ranked.map((g) => g.replyRate.value!)
    expect(rates).toEqual([...rates].sort((a, b) => b - a))
    expect(month.templates.comparison).toEqual(
      await call(backend, 'analytics.compare', {
        ...october,
        a: ranked[0]!.label,
        b: ranked.at(-1)!.label,
      }),
    )
    const p = month.templates.comparison!.probabilityBBeatsA!
    if (1 - p >= 0.9) expect(month.templates.best?.label).toBe(ranked[0]!.label)
    else {
      expect(month.templates.best).toBeNull()
      expect(month.templates.summary).toMatch(/^Not enough sends to tell/)
    }
  })

  it('for one role: the role’s funnel, its client, and the statements of the seats that wrote for it', async () => {
    const backend = await demo()
    const report = await call<Report>(backend, 'reports.build', {
      ...october,
      role: 'senior backend engineer',
    })
    expect(report.scope).toEqual({
      kind: 'role',
      role: 'Senior Backend Engineer',
      client: 'Northwind Labs',
      label: 'Senior Backend Engineer (Northwind Labs)',
    })
    const m = await call<Metrics>(backend, 'analytics.metrics', {
      ...october,
      role: 'Senior Backend Engineer',
      by: 'seat',
    })
    expect(report.funnel).toEqual(funnelOf(m))
    expect(report.funnel.delivered).toBeLessThan(
      (await call<Metrics>(backend, 'analytics.metrics', october)).delivered,
    )
    expect(report.statements.map((s) => String(s.seatId)).sort()).toEqual(
      m.groups.map((g) => g.key).sort(),
    )
    // Seat totals only; the entries are the role's own spends and refunds.
    expect(report.statements.every((s) => s.entries.length === 0)).toBe(true)
    const used = report.scopeCredits!
    expect(used.flatMap((u) => u.entries).length).toBeGreaterThan(0)
    for (const u of used) {
      const engine = await call<Statement>(backend, 'credits.statement', {
        seatId: u.seatId,
        ...october,
      })
      expect(u.entries.every((e) => engine.entries.some((x) => x.eventId === e.eventId))).toBe(true)
      expect(u.spent).toBeLessThanOrEqual(engine.spent)
      expect(u.spent).toBe(
        -u.entries.filter((e) => e.kind === 'spend').reduce((n, e) => n + e.credits, 0),
      )
    }
    expect(
      (await refused(backend, 'reports.build', { ...october, role: 'Astronaut' })).message,
    ).toMatch(/no role named "Astronaut"\. Roles: Engineering Manager, /)
  })

  it('for one seat, over any range: that seat only, compared with as many days before', async () => {
    const backend = await demo()
    const [seat] = await call<Seat[]>(backend, 'seats.list', {})
    const range = { from: '2026-11-03', to: '2026-11-19' }
    const report = await call<Report>(backend, 'reports.build', { ...range, seatId: seat!.id })
    // Cost per reply is what `cost` says for the seat.
    const cost = await call<CostSummary>(backend, 'credits.cost', { ...range, seatId: seat!.id })
    expect(report.cost).toMatchObject({
      totalCents: cost.totalCents,
      creditInmails: cost.creditInmails,
      replies: cost.responses,
      perReplyCents: cost.perResponseCents,
      perMeetingCents: cost.perMeetingCents,
    })
    expect(report.period.label).toBe('3 Nov 2026 – 19 Nov 2026')
    expect(report.previousPeriod).toMatchObject({ from: '2026-10-17', to: '2026-11-02' })
    expect(report.statements.map((s) => s.seat)).toEqual([seat!.name])
    const m = await call<Metrics>(backend, 'analytics.metrics', { ...range, seatId: seat!.id })
    expect(report.funnel).toEqual(funnelOf(m))
    // Warnings of a period not over yet are today's.
    const today = await call<Balance>(backend, 'credits.balance', { seatId: seat!.id })
    expect(report.statements[0]!.warnings).toEqual(today.warnings)
  })

  it('exports JSON with the same figures as the report, and lists the export', async () => {
    const backend = await demo()
    const out = join(tempDir(), 'october.json')
    const done = await call<ReportExport>(backend, 'reports.export', {
      ...october,
      format: 'json',
      out,
    })
    expect(done).toMatchObject({
      format: 'json',
      path: out,
      files: [out],
      ...october,
      scope: 'All seats',
    })
    const written = JSON.parse(readFileSync(out, 'utf8')) as Report
    expect(written).toEqual(await call<Report>(backend, 'reports.build', october))
    expect(await call<ReportExport[]>(backend, 'reports.recent', {})).toEqual([done])
  })

  it('lists in outreach.csv exactly the messages the funnel counts (and the bounced ones)', async () => {
    const backend = await demo()
    const dir = join(demoDir, 'csv-october')
    await call<ReportExport>(backend, 'reports.export', { ...october, format: 'csv', out: dir })
    const rows = parse(readFileSync(join(dir, 'outreach.csv')), {
      bom: true,
      columns: true,
    }) as Record<string, string>[]
    const report = await call<Report>(backend, 'reports.build', october)
    const bounced = rows.filter((r) => r.Status === 'bounced').length
    expect(rows.length - bounced).toBe(report.funnel.delivered)
    expect(rows.filter((r) => ['replied', 'positive', 'meeting'].includes(r.Status!)).length).toBe(
      report.funnel.replies,
    )
  })

  it('refuses a backwards period and a seat with a role', async () => {
    const backend = await demo()
    expect(
      (await refused(backend, 'reports.build', { from: '2026-10-31', to: '2026-10-01' })).message,
    ).toBe('The period must start on or before its end.')
    expect(
      (await refused(backend, 'reports.build', { ...october, seatId: 1, role: 'Head of Sales' }))
        .message,
    ).toBe('Choose one scope: a seat, a role or a client, not more.')
    expect((await refused(backend, 'reports.build', { ...october, seatId: 99 })).code).toBe(
      'SEAT_NOT_FOUND',
    )
  })
})

describe('a report on the imported LinkedIn export', () => {
  it('counts the export’s outreach as Analytics does, month by month', async () => {
    const { backend, seat } = await openWithSeat({
      now: () => new Date('2026-11-01T12:00:00.000Z'),
      seat: { startedOn: '2025-12-01', openingBalance: 120 },
    })
    await call<{ summary: ImportSummary }>(backend, 'imports.run', {
      source: { kind: 'linkedin', path: join(fixturesDir, 'linkedin-export'), seatId: seat.id },
      dryRun: false,
    })
    const months = await call<Metrics>(backend, 'analytics.metrics', { by: 'month' })
    expect(months.groups.length).toBeGreaterThan(2)
    let delivered = 0
    for (const g of months.groups) {
      const [y, m] = g.key.split('-').map(Number) as [number, number]
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
      const period = { from: `${g.key}-01`, to: `${g.key}-${String(last).padStart(2, '0')}` }
      const report = await call<Report>(backend, 'reports.build', period)
      expect(report.funnel.delivered).toBe(g.delivered)
      expect(report.funnel.replies).toBe(g.replies)
      const engine = await call<Statement>(backend, 'credits.statement', {
        seatId: seat.id,
        ...period,
      })
      expect(report.statements[0]).toMatchObject({ spent: engine.spent, refunded: engine.refunded })
      delivered += report.funnel.delivered
    }
    expect(delivered).toBe(months.delivered)
  })
})
