// The exported files as their readers see them: the CSV through a real CSV parser (BOM, ISO
// dates, formula cells neutralised, negative numbers kept), the PDF through poppler's pdftotext,
// pdffonts, pdfimages and pdftoppm (the rendered pages land in test-results/screens/).
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend'
import type { Report, ReportExport, Seat } from '../../../src/shared/contract'
import { call, openWithSeat, refused, tempDir } from '../../helpers/ledger'

// After November, so the November report is a whole month (a month not over ends today).
const now = () => new Date('2026-12-02T12:00:00.000Z')
const november = { from: '2026-11-01', to: '2026-11-30' }

/** A seat with a Cyrillic name, a Greek template, a role whose name starts a formula, and a
 * reconciliation that takes credits away (a negative adjustment). */
async function ledger(): Promise<{ backend: Backend; seat: Seat }> {
  const { backend, seat } = await openWithSeat({
    now,
    timeZone: 'Europe/Berlin',
    seat: { name: 'Анна Рекрутер', startedOn: '2026-10-15' },
  })
  await call(backend, 'roles.add', { name: '@Backend lead', client: 'Ωmega Λtd' })
  const people = [
    ['https://www.linkedin.com/in/zoe-1', 'Ζωή Παπαδοπούλου'],
    ['https://www.linkedin.com/in/ivan-2', 'Иван Петров'],
    ['https://www.linkedin.com/in/evil-3', '=HYPERLINK("http://x","click")'],
    ['https://www.linkedin.com/in/minus-4', '-Minus Person'],
  ] as const
  for (const [i, [profileUrl, name]] of people.entries())
    await call(backend, 'credits.send', {
      seatId: seat.id,
      to: { profileUrl, name },
      at: `2026-11-0${i + 2}T09:30:00Z`,
      template: 'Ελληνικό πρότυπο',
      role: '@Backend lead',
    })
  await call(backend, 'credits.respond', {
    to: { profileUrl: people[0][0] },
    at: '2026-11-07T10:00:00Z',
    sentiment: 'positive',
  })
  await call(backend, 'credits.reconcile', { seatId: seat.id, at: '2026-11-10', shown: 20 })
  return { backend, seat }
}

describe('CSV export', () => {
  it('writes one UTF-8 file per table with a BOM, ISO dates and formula cells neutralised', async () => {
    const { backend } = await ledger()
    const dir = join(tempDir(), 'november')
    const done = await call<ReportExport>(backend, 'reports.export', {
      ...november,
      format: 'csv',
      out: dir,
    })
    expect(done.path).toBe(dir)
    expect(readdirSync(dir).sort()).toEqual([
      'cost.csv',
      'funnel-by-group.csv',
      'outreach.csv',
      'statement-entries.csv',
      'statements.csv',
    ])
    const read = (name: string) => {
      const bytes = readFileSync(join(dir, name))
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      return parse(bytes, { bom: true, columns: true }) as Record<string, string>[]
    }
    const report = await call<Report>(backend, 'reports.build', november)

    const outreach = read('outreach.csv')
    expect(outreach.map((r) => r.Contact)).toEqual([
      'Ζωή Παπαδοπούλου',
      'Иван Петров',
      `'=HYPERLINK("http://x","click")`,
      "'-Minus Person",
    ])
    expect(outreach[0]).toMatchObject({
      'Sent at (UTC)': '2026-11-02T09:30:00.000Z',
      Seat: 'Анна Рекрутер',
      Template: 'Ελληνικό πρότυπο',
      Role: "'@Backend lead",
      Status: 'positive',
      'Responded at (UTC)': '2026-11-07T10:00:00.000Z',
    })

    const entries = read('statement-entries.csv')
    const seatEntries = report.statements[0]!.entries
    expect(entries).toHaveLength(seatEntries.length)
    expect(entries.map((e) => Number(e.Credits))).toEqual(seatEntries.map((e) => e.credits))
    const adjustment = entries.find((e) => e.Entry === 'adjustment')!
    // A negative number stays a number; only text that would start a formula is prefixed.
    expect(adjustment.Credits).toMatch(/^-\d+$/)
    expect(adjustment.Day).toBe('2026-11-10')
    expect(entries.find((e) => e.Entry === 'spend' && e.Note?.includes('HYPERLINK'))!.Note).toBe(
      'InMail to =HYPERLINK("http://x","click")',
    )

    const totals = read('statements.csv')
    const s = report.statements[0]!
    expect(totals).toEqual([
      expect.objectContaining({
        Seat: 'Анна Рекрутер',
        From: '2026-11-01',
        To: '2026-11-30',
        Opening: String(s.opening),
        // Credits going out are negative, as in statement-entries.csv and the PDF.
        Spent: String(-s.spent),
        Adjusted: String(s.adjusted),
        Closing: String(s.closing),
      }),
    ])
    expect(s.spent).toBeGreaterThan(0)
    expect(s.adjusted).toBeLessThan(0)
    const row = totals[0]!
    const sum = [
      'Opening',
      'Granted',
      'Purchased',
      'Spent',
      'Refunded',
      'Expired',
      'Forfeited',
      'Adjusted',
    ]
      .map((k) => Number(row[k]))
      .reduce((a, b) => a + b, 0)
    expect(sum).toBe(s.closing)
    const cost = read('cost.csv')[0]!
    expect(cost).toMatchObject({
      'Hires from credit InMails': String(report.cost.hires),
      'Cost per reply to a credit InMail (cents)': String(report.cost.perReplyCents ?? ''),
    })
    expect(Object.keys(cost)).toContain('Cost per hire from a credit InMail (cents)')

    const funnel = read('funnel-by-group.csv')
    expect(funnel[0]).toMatchObject({ 'Group by': 'all', Delivered: '4', Replies: '1' })
    expect(funnel.find((r) => r['Group by'] === 'role')!.Group).toBe("'@Backend lead")
    expect(Number(funnel[0]!['Reply rate'])).toBe(report.funnel.replyRate.value)
  })

  it('refuses a file where a folder is needed, and says so', async () => {
    const { backend } = await ledger()
    const file = join(tempDir(), 'report.json')
    await call(backend, 'reports.export', { ...november, format: 'json', out: file })
    const error = await refused(backend, 'reports.export', {
      ...november,
      format: 'csv',
      out: file,
    })
    expect(error.message).toBe(
      `${file} is a file. CSV export writes one file per table: give a folder.`,
    )
  })

  it('never writes over a file: a name given twice is refused, the default one gets "(2)"', async () => {
    const { backend } = await ledger()
    const dir = tempDir()
    const file = join(dir, 'november.pdf')
    writeFileSync(file, 'the accountant’s copy')
    const error = await refused(backend, 'reports.export', {
      ...november,
      format: 'pdf',
      out: file,
    })
    expect(error).toMatchObject({
      code: 'EXPORT_FAILED',
      message: `A file already exists at ${file}. Choose a new name or folder so nothing is overwritten.`,
    })
    expect(readFileSync(file, 'utf8')).toBe('the accountant’s copy')
    // A CSV folder that already holds one of the tables is refused whole: nothing is written.
    const csv = join(dir, 'tables')
    mkdirSync(csv)
    writeFileSync(join(csv, 'outreach.csv'), 'mine')
    await refused(backend, 'reports.export', { ...november, format: 'csv', out: csv })
    expect(readdirSync(csv)).toEqual(['outreach.csv'])

    const first = await call<ReportExport>(backend, 'reports.export', {
      ...november,
      format: 'pdf',
    })
    const second = await call<ReportExport>(backend, 'reports.export', {
      ...november,
      format: 'pdf',
    })
    expect(second.path).toBe(first.path.replace(/\.pdf$/, ' (2).pdf'))
    expect(readdirSync(dirname(first.path)).sort()).toEqual([
      'outreach-report-2026-11 (2).pdf',
      'outreach-report-2026-11.pdf',
    ])
    const recent = await call<ReportExport[]>(backend, 'reports.recent', {})
    expect(recent.map((r) => r.path)).toEqual([second.path, first.path])
  })
})

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
}

describe('PDF export', () => {
  it('prints non-Latin names in the embedded font, with the period, date and page X of Y on every page', async () => {
    const { backend, seat } = await ledger()
    const file = join(tempDir(), 'november.pdf')
    await call(backend, 'reports.export', { ...november, format: 'pdf', out: file })
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
    const text = pdfText(file)
    for (const name of ['Анна Рекрутер', 'Ελληνικό πρότυπο', '@Backend lead'])
      expect(text).toContain(name)
    const pages = text.split('\f').filter((p) => p.trim() !== '')
    expect(pages.length).toBeGreaterThanOrEqual(2)
    pages.forEach((page, i) => {
      expect(page).toContain('November 2026 (2026-11-01 to 2026-11-30)')
      expect(page).toContain('Generated 2 Dec 2026, 13:00')
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`)
    })
    // The statement's figures as the engine gives them.
    const report = await call<Report>(backend, 'reports.build', { ...november, seatId: seat.id })
    const s = report.statements[0]!
    expect(text).toMatch(
      new RegExp(
        `Анна Рекрутер\\s+${s.opening}\\s+\\+${s.granted}\\s+0\\s+−${s.spent}\\s+\\+${s.refunded}`,
      ),
    )
    expect(text).toContain('No sequences ran in this period.')
    // Fonts embedded (a subset of DejaVu Sans), and no raster images: the charts are paths.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
    expect(fonts).toMatch(/DejaVuSans\s.*\byes\b/)
    expect(fonts).not.toMatch(/Helvetica/)
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    expect(images.trim().split('\n')).toHaveLength(2) // the header lines only
  })

  it('lays out A4 and US Letter, and the pages render', async () => {
    const { backend } = await ledger()
    const screens = join('test-results', 'screens')
    mkdirSync(screens, { recursive: true })
    for (const [paper, size] of [
      ['a4', /Page size:\s+595.28 x 841.89 pts \(A4\)/],
      ['letter', /Page size:\s+612 x 792 pts \(letter\)/],
    ] as const) {
      const file = join(tempDir(), `${paper}.pdf`)
      await call(backend, 'reports.export', { ...november, format: 'pdf', paper, out: file })
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(size)
      execFileSync('pdftoppm', ['-png', '-r', '60', file, join(screens, `report-${paper}`)])
    }
    expect(
      readdirSync(screens).filter((f) => /^report-a4-\d+\.png$/.test(f)).length,
    ).toBeGreaterThan(1)
  })
})
