// The PDF keeps a table with its heading (no page starts with a table's header row) and never
// cuts a period's name in the cost table (review 2, #17).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemo } from '../../../bench/demo'
import type { Report } from '../../../src/shared/contract'
import { reportFonts } from '../../../src/main/reports/fonts'
import { drawSection } from '../../../src/main/reports/pdf'
import { Layout } from '../../../src/main/reports/pdf-layout'
import { type Block, reportSections, type Section } from '../../../src/shared/reports/sections'
import { call, openBackend } from '../../helpers/ledger'

const now = new Date('2026-11-23T18:00:00.000Z')
const dir = mkdtempSync(join(tmpdir(), 'outreach-ledger-pdf-pages-'))
const dbPath = join(dir, 'demo.sqlite')

beforeAll(async () => {
  await generateDemo(dbPath, { now, days: 80 })
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Each table's header row as pdftotext prints it: its headers, in order, with spaces between. */
function headerRows(report: Report): RegExp[] {
  const tables = (b: Block): string[][] =>
    b.kind === 'table'
      ? [b.table.columns.map((c) => c.header).filter((h) => h !== '')]
      : b.kind === 'details'
        ? b.blocks.flatMap(tables)
        : []
  return reportSections(report)
    .flatMap((s) => s.blocks.flatMap(tables))
    .filter((h) => h.length >= 2)
    .map((h) => new RegExp(`^\\s*${h.map((x) => x.replace(/[()%*+?.]/g, '\\$&')).join('\\s+')}`))
}

describe('the PDF’s pages', () => {
  const scopes = [
    ['all seats', {}],
    ['a seat', { seatId: 1 }],
    ...['Contoso Retail', 'Fabrikam Health', 'Northwind Labs', 'Tailspin Logistics'].map(
      (client) => [client, { client }] as const,
    ),
  ] as const
  for (const [name, scope] of scopes)
    for (const paper of ['a4', 'letter'] as const)
      it(`start with a heading or words, a table never apart from its heading (${name}, ${paper})`, async () => {
        const backend = await openBackend(dbPath, () => now)
        for (const period of [
          { from: '2026-09-01', to: '2026-09-30' },
          { from: '2026-10-01', to: '2026-10-31' },
          { from: '2026-11-01', to: '2026-11-30' },
        ]) {
          const report = await call<Report>(backend, 'reports.build', { ...period, ...scope })
          const out = join(dir, `${name}-${paper}-${period.from}.pdf`.replace(/[^\w.-]+/g, '-'))
          await call(backend, 'reports.export', { ...period, ...scope, format: 'pdf', paper, out })
          const pages = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' })
            .split('\f')
            .filter((p) => p.trim() !== '')
          expect(pages.length).toBeGreaterThan(1)
          const headers = headerRows(report)
          pages.forEach((page, i) => {
            if (i === 0) return
            // The running header is the first line; the page's own content starts after it.
            const first = page
              .split('\n')
              .slice(1)
              .find((l) => l.trim() !== '')!
            // A page may start with a header row only where a table goes on from the page before
            // (its header repeated); a table never starts a page away from its heading.
            for (const header of headers)
              if (header.test(first))
                expect(pages[i - 1]!.split('\n').some((l) => header.test(l))).toBe(true)
          })
          const text = pages.join('\n')
          // The cost table's columns are the periods, named in full.
          expect(text).toContain(report.previousPeriod.label)
          expect(text).not.toMatch(/(September|October|November)…/)
        }
      })
})

describe('a section near the bottom of a page', () => {
  it('takes its heading and note along to the page its table starts on, wherever it falls', async () => {
    const section: Section = {
      id: 'credits',
      heading: 'Credit statements',
      blocks: [
        {
          kind: 'text',
          tone: 'muted',
          text: 'Credits belong to seats, not roles. What the InMails for this client’s roles used, seat by seat, in the period: spends and the refunds their answers earned, nothing else.',
        },
        {
          kind: 'table',
          table: {
            label: 'Credits used',
            columns: [
              { header: 'Seat', width: 40 },
              { header: 'Spent', width: 20, align: 'right' },
              { header: 'Refunded', width: 20, align: 'right' },
              { header: 'Net', width: 20, align: 'right' },
            ],
            rows: ['Work', 'Personal', 'Agency', 'Spare', 'Old'].map((s) => [s, '−3', '+1', '−2']),
          },
        },
      ],
    }
    // Every place on the page the section could start, a few points apart.
    for (let room = 60; room <= 260; room += 6) {
      const layout = new Layout('a4', reportFonts(), {
        title: 'Layout',
        subject: 'Layout',
        createdAt: now,
      })
      layout.y = layout.doc.page.height - 60 - room
      drawSection(layout, section)
      const out = join(dir, `room-${room}.pdf`)
      writeFileSync(out, await layout.finish())
      const pages = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).split(
        '\f',
      )
      const withHeading = pages.find((p) => p.includes('Credit statements'))!
      expect(withHeading, `with ${room} points left`).toContain('Credits belong to seats')
      expect(withHeading, `with ${room} points left`).toMatch(/Seat\s+Spent\s+Refunded\s+Net/)
      expect(withHeading, `with ${room} points left`).toMatch(/Work\s+−3/)
      expect(withHeading, `with ${room} points left`).toMatch(/Personal\s+−3/)
    }
  })
})
