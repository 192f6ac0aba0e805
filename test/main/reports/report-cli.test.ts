// `outreach-ledger report`: a month or a range, every seat, one seat or one role, as PDF, CSV or
// JSON; usage errors exit 2, a refused input exits 1.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Report } from '../../../src/shared/contract'
import { cliAt } from '../../helpers/cli'
import { call, openBackend, openWithSeat, tempDir } from '../../helpers/ledger'

const now = () => new Date('2026-11-20T12:00:00.000Z')
const cli = cliAt(now)

async function ledger(): Promise<string> {
  const dbPath = join(tempDir(), 'ledger.sqlite')
  const { backend, seat } = await openWithSeat({ dbPath, now, seat: { startedOn: '2026-09-01' } })
  await call(backend, 'roles.add', { name: 'Data Lead', client: 'Acme' })
  for (const [i, role] of ['Data Lead', 'Data Lead', 'Designer'].entries())
    await call(backend, 'credits.send', {
      seatId: seat.id,
      to: { profileUrl: `https://www.linkedin.com/in/p-${i}` },
      at: `2026-10-0${i + 1}T10:00:00Z`,
      role,
    })
  backend.close()
  return dbPath
}

describe('report', () => {
  it('writes a month as JSON with the same figures as reports.build', async () => {
    const db = await ledger()
    const out = join(tempDir(), 'october.json')
    const run = await cli(db, 'report', '--month', '2026-10', '--format', 'json', '--out', out)
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(`Report 2026-10-01 to 2026-10-31 (All seats): wrote JSON to ${out}\n`)
    const backend = await openBackend(db, now)
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(
      await call<Report>(backend, 'reports.build', { from: '2026-10-01', to: '2026-10-31' }),
    )
  })

  it('writes one CSV per table into a folder, for one role, and answers --json', async () => {
    const db = await ledger()
    const out = join(tempDir(), 'acme')
    const run = await cli(
      db,
      '--json',
      'report',
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-15',
      '--role',
      'data lead',
      '--format',
      'csv',
      '--out',
      out,
    )
    expect(run.code).toBe(0)
    expect(run.json()).toMatchObject({
      format: 'csv',
      path: out,
      from: '2026-10-01',
      to: '2026-10-15',
      scope: 'Data Lead (Acme)',
    })
    expect(readdirSync(out)).toHaveLength(5)
    const outreach = readFileSync(join(out, 'outreach.csv'), 'utf8').trim().split('\r\n')
    expect(outreach).toHaveLength(3) // the header and the role's two messages
  })

  it('writes a Letter PDF for one seat to the reports folder by default', async () => {
    const db = await ledger()
    const run = await cli(db, 'report', '--month', '2026-10', '--seat', 'work', '--paper', 'letter')
    expect(run.code).toBe(0)
    const file = join(db, '..', 'reports', 'outreach-report-2026-10-work.pdf')
    expect(run.stdout).toContain(`wrote PDF to ${file}`)
    expect(existsSync(file)).toBe(true)
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('explains a wrong period or scope', async () => {
    const db = await ledger()
    const month = await cli(db, 'report', '--month', 'October')
    expect(month.code).toBe(2)
    expect(month.stderr).toMatch(/^error: --month .*"October".*YYYY-MM, like 2026-11/)
    // A month that has not started is refused with a sentence, not written as a projection.
    const future = await cli(db, 'report', '--month', '2026-12')
    expect(future.code).not.toBe(0)
    expect(future.stderr).toContain(
      'The period starts on 1 Dec 2026, after today (20 Nov 2026): a report covers what has happened.',
    )
    const none = await cli(db, 'report')
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/Say which period: --month YYYY-MM, or --from/)
    const both = await cli(
      db,
      'report',
      '--month',
      '2026-10',
      '--seat',
      'Work',
      '--role',
      'Data Lead',
    )
    expect(both.code).toBe(2)
    const format = await cli(db, 'report', '--month', '2026-10', '--format', 'docx')
    expect(format.code).toBe(2)
    const role = await cli(db, 'report', '--month', '2026-10', '--role', 'Pilot')
    expect(role.code).toBe(1)
    expect(role.stderr).toBe('error: There is no role named "Pilot". Roles: Data Lead.\n')
    const backwards = await cli(db, 'report', '--from', '2026-10-09', '--to', '2026-10-01')
    expect(backwards.code).toBe(1)
    expect(backwards.stderr).toBe('error: The period must start on or before its end.\n')
  })
})
