import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, screenshot, test, type App } from './fixtures'
import { LedgerPage } from './pages/ledger-page'

test('a new user is welcomed, adds a first seat and lands on the dashboard', async ({
  page,
  app,
}) => {
  const ledger = new LedgerPage(page)
  await ledger.open(app)
  await expect(ledger.heading('Welcome to Outreach Ledger')).toBeVisible()
  // Going straight to the dashboard this time.
  await page.getByLabel('Take me to Import after adding my seat').uncheck()
  const form = ledger.seatForm()
  await expect(form.getByTestId('plan-terms')).toHaveText(
    /30 InMail credits a month, up to 120 saved/,
  )
  await screenshot(page, 'first-run')

  // Nothing typed: the form says what is missing and nothing is saved.
  await form.getByRole('button', { name: 'Add seat and continue' }).click()
  await expect(ledger.alert()).toHaveText('Give the seat a name.')

  await ledger.fillSeatForm(form, {
    name: 'Work Recruiter Lite',
    plan: 'Recruiter Lite',
    since: '2026-01-31',
  })
  await form.getByRole('button', { name: 'Add seat and continue' }).click()

  await expect(ledger.heading('Dashboard')).toBeVisible()
  const card = page.getByRole('list', { name: 'Seats' }).locator(':scope > li')
  await expect(card).toHaveCount(1)
  await expect(card).toContainText('Work Recruiter Lite')
  await expect(card).toContainText('Recruiter Lite')
  await expect(card).toContainText('Renews on the 31st · since 31 Jan 2026')
  await expect(card.getByText('$170.00/mo')).toBeVisible()
  await screenshot(page, 'dashboard')

  // The other doors see the same ledger.
  const listed = await app.cli('seat', 'list', '--json')
  expect(JSON.parse(listed.stdout).seats).toEqual([
    expect.objectContaining({ name: 'Work Recruiter Lite', startedOn: '2026-01-31' }),
  ])
})

test('a seat added from the CLI skips the welcome and shows on the dashboard', async ({
  page,
  app,
}) => {
  await app.addSeat({ name: 'Sales', plan: 'sales-navigator-core', since: '2026-02-17' })
  const ledger = new LedgerPage(page)
  await ledger.open(app)
  await expect(ledger.heading('Dashboard')).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'Sales' })).toContainText(
    'Renews on the 1st',
  )
})

/**
 * "The other computer": a ledger in a folder of its own, written through the CLI (the later
 * --db wins over the fixture's), then exported to JSON.
 */
async function exportFromAnotherLedger(app: App, dir: string): Promise<string> {
  const other = join(dir, 'ledger.sqlite')
  const run = async (...args: string[]) => {
    const result = await app.cli('--db', other, ...args)
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0)
  }
  await app.addSeat({ name: 'Old laptop seat', since: '2026-01-31', db: other })
  await run(
    'send',
    '--seat',
    'Old laptop seat',
    '--to',
    'https://www.linkedin.com/in/ana-silva',
    '--at',
    '2026-02-03T09:30:00Z',
  )
  const file = join(dir, 'ledger-export.json')
  await run('export', '--out', file)
  return file
}

test.describe('moving from another computer', () => {
  let dir = ''
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'outreach-ledger-e2e-other-'))
  })
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }))

  test('an export from another ledger is imported on first run; bad files are refused in place', async ({
    page,
    app,
  }) => {
    const file = await exportFromAnotherLedger(app, dir)
    const notAnExport = join(dir, 'messages.csv')
    writeFileSync(notAnExport, 'From,To,Date\n')
    const fromNewerApp = join(dir, 'from-newer-app.json')
    const doc = JSON.parse(readFileSync(file, 'utf8'))
    writeFileSync(fromNewerApp, JSON.stringify({ ...doc, schemaVersion: 999 }))

    const ledger = new LedgerPage(page)
    await ledger.open(app)
    await expect(ledger.heading('Welcome to Outreach Ledger')).toBeVisible()
    const moving = page.getByRole('region', { name: 'Moving from another computer?' })
    await expect(moving).toBeVisible()

    // No backups on a new computer: the dialog says where to put one.
    await moving.getByRole('button', { name: 'Restore a backup' }).click()
    const restore = page.getByRole('dialog', { name: 'Restore a backup' })
    await expect(restore.getByRole('status')).toHaveText(
      'There are no backups on this computer yet.',
    )
    await expect(restore).toContainText(join(app.dataDir, 'backups'))
    await page.keyboard.press('Escape')

    await moving.getByRole('button', { name: 'Import an export file (JSON)' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import an export file' })
    const path = dialog.getByLabel('Export file (JSON)')
    const importButton = dialog.getByRole('button', { name: 'Import', exact: true })
    await importButton.click()
    await expect(dialog.getByRole('alert')).toHaveText('Give the export file a path.')

    await path.fill(join(dir, 'not-there.json'))
    await importButton.click()
    await expect(dialog.getByRole('alert')).toHaveAttribute('data-code', 'EXPORT_INVALID')
    await expect(dialog.getByRole('alert')).toContainText('Check the path.')

    await path.fill(notAnExport)
    await importButton.click()
    await expect(dialog.getByRole('alert')).toContainText('it is not valid JSON')
    await expect(dialog.getByRole('alert')).toContainText('Export all data')
    await screenshot(page, 'first-run-import-invalid')

    await path.fill(fromNewerApp)
    await importButton.click()
    await expect(dialog.getByRole('alert')).toHaveAttribute('data-code', 'EXPORT_TOO_NEW')
    await expect(dialog.getByRole('alert')).toContainText('newer version of Outreach Ledger')
    await expect(dialog.getByRole('alert')).toContainText('Update the app')
    // Nothing was written by the refusals.
    expect(JSON.parse((await app.cli('seat', 'list', '--json')).stdout).seats).toEqual([])

    await path.fill(file)
    await screenshot(page, 'first-run-import')
    await importButton.click()
    await expect(ledger.heading('Dashboard')).toBeVisible()
    const card = page.getByRole('list', { name: 'Seats' }).locator(':scope > li')
    await expect(card).toHaveCount(1)
    await expect(card).toContainText('Old laptop seat')
    await expect(card).toContainText('since 31 Jan 2026')
    await screenshot(page, 'first-run-imported')

    // Everything came across, InMail included, and the other doors see it.
    const outreach = JSON.parse((await app.cli('metrics', '--json')).stdout)
    expect(outreach.delivered).toBe(1)
  })

  test('an import into a ledger that is no longer empty is refused, saying why', async ({
    page,
    app,
  }) => {
    const file = await exportFromAnotherLedger(app, dir)
    const ledger = new LedgerPage(page)
    await ledger.open(app)
    await expect(ledger.heading('Welcome to Outreach Ledger')).toBeVisible()
    // Meanwhile a seat arrives from the command line.
    await app.addSeat({ since: '2026-02-01' })

    await page.getByRole('button', { name: 'Import an export file (JSON)' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import an export file' })
    await dialog.getByLabel('Export file (JSON)').fill(file)
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    const alert = dialog.getByRole('alert')
    await expect(alert).toHaveAttribute('data-code', 'LEDGER_NOT_EMPTY')
    await expect(alert).toContainText('This ledger is not empty any more (')
    await expect(alert).toContainText('1 in seats')
    await expect(alert).toContainText(app.dbPath)
    await screenshot(page, 'first-run-import-not-empty')
    const seats = JSON.parse((await app.cli('seat', 'list', '--json')).stdout).seats
    expect(seats.map((s: { name: string }) => s.name)).toEqual(['Work'])
  })
})
