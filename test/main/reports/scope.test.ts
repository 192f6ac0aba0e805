// A report for a client shows the client's outreach and nothing of anyone else's: its funnel is
// Analytics' for the client's roles, and the PDF and CSV name none of the other clients'
// candidates, though the seats that wrote for it spent credits on them.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemo } from '../../../bench/demo'
import type { Metrics, OutreachRow, Report } from '../../../src/shared/contract'
import type { Statement } from '../../../src/shared/domain/credits'
import { call, openBackend, refused } from '../../helpers/ledger'

const now = new Date('2026-11-23T18:00:00.000Z')
const october = { from: '2026-10-01', to: '2026-10-31' }
const client = 'Northwind Labs'
const dir = mkdtempSync(join(tmpdir(), 'outreach-ledger-scope-'))
const dbPath = join(dir, 'demo.sqlite')

beforeAll(async () => {
  await generateDemo(dbPath, { now, days: 80 })
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The person a statement entry's note names ("InMail to X", "Refund: reply from X (…)"). */
function personOf(note: string): string | null {
  return /^InMail to (.+)$/.exec(note)?.[1] ?? /from (.+) \(InMail of /.exec(note)?.[1] ?? null
}

describe('a client report', () => {
  it('counts the client’s roles as Analytics does, and names none of the other clients’ candidates', async () => {
    const backend = await openBackend(dbPath, () => now)
    const report = await call<Report>(backend, 'reports.build', {
      ...october,
      client: 'northwind labs',
    })
    expect(report.scope).toEqual({
      kind: 'client',
      client,
      roles: ['Product Designer', 'Senior Backend Engineer'],
      label: client,
    })
    // The funnel is the sum of the client's two roles, as Analytics counts each.
    let delivered = 0
    let replies = 0
    const own = new Set<string>()
    for (const role of report.scope.kind === 'client' ? report.scope.roles : []) {
      const m = await call<Metrics>(backend, 'analytics.metrics', { ...october, role })
      delivered += m.delivered
      replies += m.replies
      // Every send for the role, any month: a refund may be for an InMail of September.
      const { rows } = await call<{ rows: OutreachRow[] }>(backend, 'outreach.list', {
        role,
        limit: 1000,
      })
      for (const r of rows) own.add(r.contact)
    }
    expect(report.funnel.delivered).toBe(delivered)
    expect(report.funnel.replies).toBe(replies)
    expect(delivered).toBeGreaterThan(0)

    // The people the seats' full statements name who are not the client's candidates.
    const foreign = new Set<string>()
    for (const s of report.statements) {
      const engine = await call<Statement>(backend, 'credits.statement', {
        seatId: s.seatId,
        ...october,
      })
      for (const e of engine.entries) {
        const person = personOf(e.note)
        if (person && !own.has(person)) foreign.add(person)
      }
    }
    expect(foreign.size).toBeGreaterThan(10)
    // What the client's InMails used names only the client's own candidates.
    const used = report.scopeCredits!.flatMap((u) => u.entries)
    expect(used.length).toBeGreaterThan(0)
    for (const e of used) expect(own).toContain(personOf(e.note))

    const pdf = join(dir, 'northwind.pdf')
    await call(backend, 'reports.export', { ...october, client, format: 'pdf', out: pdf })
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    expect(text).toContain('cover the whole seat')
    expect(text).toMatch(/Cost is each seat’s plan price/)
    const csv = join(dir, 'northwind-csv')
    await call(backend, 'reports.export', { ...october, client, format: 'csv', out: csv })
    const files = readdirSync(csv).map((f) => readFileSync(join(csv, f), 'utf8'))
    const entries = parse(readFileSync(join(csv, 'statement-entries.csv')), {
      bom: true,
      columns: true,
    }) as Record<string, string>[]
    expect(entries).toHaveLength(used.length)
    const totals = parse(readFileSync(join(csv, 'statements.csv')), {
      bom: true,
      columns: true,
    }) as Record<string, string>[]
    for (const row of totals) {
      expect(row).toMatchObject({ Purchased: '', Granted: '', Closing: '' })
      expect(Number(row.Spent)).toBeLessThanOrEqual(0)
    }
    for (const name of foreign) {
      expect(text).not.toContain(name)
      for (const file of files) expect(file).not.toContain(name)
    }
  })

  it('counts the seats’ warnings and leaves out their purchases (November so far)', async () => {
    const backend = await openBackend(dbPath, () => now)
    const november = { from: '2026-11-01', to: '2026-11-30' }
    const all = await call<Report>(backend, 'reports.build', november)
    const report = await call<Report>(backend, 'reports.build', { ...november, client })
    // The whole seats have warnings (refund windows of other clients' InMails among them).
    expect(all.warnings.length).toBeGreaterThan(0)
    expect(report.warnings.length).toBeGreaterThan(0)
    for (const w of report.warnings) expect(w.message).toMatch(/^\d+ seat-level warnings? \(/)
    const pdf = join(dir, 'northwind-november.pdf')
    await call(backend, 'reports.export', { ...november, client, format: 'pdf', out: pdf })
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    for (const w of all.warnings) expect(text).not.toContain(w.message.slice(0, 40))
    expect(text).toContain('seat-level warning')
    expect(text).not.toMatch(/Opening\s+Granted\s+Purchased/)
  })

  it('explains a client no role has', async () => {
    const backend = await openBackend(dbPath, () => now)
    const error = await refused(backend, 'reports.build', { ...october, client: 'Initech' })
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toMatch(/no client named "Initech"\. Clients: .*Northwind Labs/)
  })
})
