import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, screenshot, test, type App } from './fixtures'
import { LedgerPage } from './pages/ledger-page'

/** The calendar month before this one, as YYYY-MM, and its name ("October 2026"). */
function lastMonth(): { month: string; label: string } {
  const now = new Date()
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
  return {
    month: d.toISOString().slice(0, 7),
    label: d.toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  }
}

/** Ninety days of demo outreach (`npm run demo`) in this test's own ledger. */
async function demo(app: App): Promise<void> {
  await app.restart(() =>
    execFileSync(
      process.execPath,
      [
        'node_modules/tsx/dist/cli.mjs',
        'bench/demo.ts',
        '--db',
        app.dbPath,
        '--days',
        '90',
        '--force',
      ],
      { stdio: 'ignore' },
    ),
  )
}

test('reports: preview a month for a client, export PDF and CSV, and see where they went', async ({
  page,
  app,
}) => {
  await demo(app)
  const ledger = new LedgerPage(page)
  await ledger.open(app, '#/reports')
  await expect(ledger.heading('Reports')).toBeVisible()
  const preview = page.getByRole('article', { name: 'Report preview' })
  await expect(preview.getByRole('heading', { name: 'Outreach report' })).toBeVisible()

  const { month, label } = lastMonth()
  const form = page.getByRole('form', { name: 'Period and scope' })
  await form.getByLabel('Month', { exact: true }).fill(month)
  await expect(preview).toContainText(`${label} · All seats`)
  await expect(
    preview.getByRole('table', { name: 'Credit statements' }).getByRole('row'),
  ).toHaveCount(3)
  await expect(preview.getByLabel('Key figures')).toContainText('Reply rate')
  // The PDF's sections, from the same model: by channel, by seat, cost with its definition, and
  // each seat's entries folded away.
  for (const name of ['By channel', 'By seat', 'Cost', 'Month over month'])
    await expect(preview.getByRole('table', { name, exact: true })).toBeVisible()
  await expect(preview).toContainText('Cost is each seat’s plan price')
  const entries = preview.getByText('Work (Recruiter Lite) · Recruiter Lite')
  await expect(
    preview.getByRole('table', { name: 'Entries of Work (Recruiter Lite)' }),
  ).toBeHidden()
  await entries.click()
  await expect(
    preview.getByRole('table', { name: 'Entries of Work (Recruiter Lite)' }),
  ).toBeVisible()
  await screenshot(page, 'reports')

  // One role, as a freelancer bills it: the client's name is in the scope.
  await form
    .getByLabel('For', { exact: true })
    .selectOption({ label: 'Product Designer (Northwind Labs)' })
  await expect(preview).toContainText(`${label} · Product Designer (Northwind Labs)`)
  await page.getByRole('button', { name: 'Export PDF' }).click()
  const saved = page.getByRole('status')
  await expect(saved).toContainText('Saved to')
  const pdf = join(
    app.dataDir,
    'reports',
    `outreach-report-${month}-product-designer-northwind-labs.pdf`,
  )
  await expect(saved).toContainText(pdf)
  expect(existsSync(pdf)).toBe(true)
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  expect(text).toContain('Product Designer (Northwind Labs)')
  expect(text).toMatch(/Page 1 of \d/)

  await page.getByRole('button', { name: 'Export CSV' }).click()
  await expect(saved).toContainText('Saved 5 CSV files to')
  const recent = page.getByRole('table', { name: 'Recent exports' })
  await expect(recent.getByRole('row')).toHaveCount(3)
  await expect(recent.getByRole('row').nth(1)).toContainText('CSV')
  await expect(recent.getByRole('row').nth(2)).toContainText(pdf)
  expect(readdirSync(join(app.dataDir, 'reports')).sort()).toEqual([
    `outreach-report-${month}-product-designer-northwind-labs`,
    `outreach-report-${month}-product-designer-northwind-labs.pdf`,
  ])

  // A client: all its roles, what their InMails used, and seat totals said to cover the whole seat.
  await form.getByLabel('For', { exact: true }).selectOption({ label: 'Northwind Labs' })
  await expect(preview).toContainText(`${label} · Northwind Labs`)
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveCount(0)
  await expect(preview.getByRole('table', { name: 'Credits used' })).toBeVisible()
  await expect(preview).toContainText('cover the whole seat')
  await screenshot(page, 'reports-client')

  // Any range; a backwards one is explained, and nothing is lost.
  await form.getByLabel('Period', { exact: true }).selectOption('range')
  await form.getByLabel('From', { exact: true }).fill(`${month}-20`)
  await form.getByLabel('To', { exact: true }).fill(`${month}-05`)
  await expect(page.getByRole('alert')).toContainText('The period must start on or before its end.')
  await form.getByLabel('To', { exact: true }).fill(`${month}-25`)
  await expect(preview).toContainText(`20 `)
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(recent.getByRole('row')).toHaveCount(3)

  await form.getByLabel('For', { exact: true }).selectOption({ label: 'All seats' })
  await form.getByLabel('Period', { exact: true }).selectOption('month')
  await expect(preview).toContainText(`${label} · All seats`)
  // Each cost per result names its divisor; hires have theirs.
  await expect(preview.getByLabel('Key figures')).toContainText(/\d+ repl(y|ies) to paid InMails/)
  await expect(preview.getByRole('table', { name: 'Cost', exact: true })).toContainText(
    /Per hire.*hires? from paid InMails/,
  )
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(page, 'reports-dark')
  await page.emulateMedia({ colorScheme: 'light' })

  // This month is not over: the report ends today and says so; next month is refused.
  const now = new Date()
  const thisMonth = now.toISOString().slice(0, 7)
  const thisLabel = now.toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })
  await form.getByLabel('Month', { exact: true }).fill(thisMonth)
  await expect(preview).toContainText(`${thisLabel} to date · All seats`)
  await expect(preview).toContainText('Warnings live today')
  await screenshot(page, 'reports-to-date')
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))
  await form.getByLabel('Month', { exact: true }).fill(next.toISOString().slice(0, 7))
  await expect(page.getByRole('alert')).toContainText('after today')
})

test('the built CLI writes the same report, its font found outside the bundle', async ({ app }) => {
  await demo(app)
  const { month } = lastMonth()
  const out = join(app.dataDir, 'cli.pdf')
  const run = await app.cli(
    'report',
    '--month',
    month,
    '--format',
    'pdf',
    '--paper',
    'letter',
    '--out',
    out,
  )
  expect(run.code, run.stderr).toBe(0)
  expect(execFileSync('pdffonts', [out], { encoding: 'utf8' })).toMatch(/DejaVuSans/)
  const json = join(app.dataDir, 'cli.json')
  expect((await app.cli('report', '--month', month, '--format', 'json', '--out', json)).code).toBe(
    0,
  )
})
