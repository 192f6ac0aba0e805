import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, screenshot, test } from './fixtures'
import { LedgerPage } from './pages/ledger-page'

const fixture = resolve('..', 'shared', 'fixtures', 'linkedin-export')

test('first run leads to the import wizard: preview, correct, import, undo', async ({
  page,
  app,
}) => {
  const ledger = new LedgerPage(page)
  await ledger.open(app)
  const form = ledger.seatForm()
  await ledger.fillSeatForm(form, { name: 'Work', plan: 'Recruiter Lite', since: '2025-12-01' })
  await form.getByRole('button', { name: 'Add seat and continue' }).click()
  await expect(ledger.heading('Import')).toBeVisible()

  await page.getByLabel('Export folder or messages.csv').fill(join(fixture, 'nope'))
  await page.getByRole('button', { name: 'Preview' }).click()
  await expect(page.getByRole('alert')).toContainText('nope')

  await page.getByLabel('Export folder or messages.csv').fill(fixture)
  await page.getByRole('button', { name: 'Preview' }).click()
  const found = page.getByRole('region', { name: '2. What was found' })
  await expect(found).toContainText('jordan-avery-recruits')
  const wouldImport = found.getByLabel('Would import')
  await expect(wouldImport.locator('div', { hasText: 'InMails' }).first()).toContainText('57')
  await expect(found).toContainText('Skipped: 17 inbound')
  await screenshot(page, 'import-preview')

  // The user knows one "InMail" was really an Open Profile message.
  const first = found
    .getByRole('table', { name: 'What will be imported' })
    .getByRole('combobox')
    .first()
  await first.selectOption('open-profile')
  await found.getByRole('button', { name: 'Update preview' }).click()
  await expect(wouldImport.locator('div', { hasText: 'InMails' }).first()).toContainText('56')

  await found.getByRole('button', { name: 'Import' }).click()
  const progress = page.getByRole('region', { name: '3. Importing' })
  await expect(progress.getByRole('status')).toHaveText(/Import #1 is done/)
  await expect(progress.getByLabel('Imported')).toContainText('56')
  await screenshot(page, 'import-done')

  await ledger.go('Outreach')
  await expect(page.getByText(/of 82$/).or(page.getByText(/1–50 of \d+/))).toBeVisible()

  await ledger.go('Import')
  const history = page.getByRole('table', { name: 'Past imports' })
  await history.getByRole('button', { name: 'Undo import 1' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Undo import' }).click()
  await expect(history).toContainText('Undone')
  await ledger.go('Outreach')
  await expect(page.getByRole('region', { name: 'No outreach yet' })).toBeVisible()
})

test('a spreadsheet import: read the file, check the guessed mapping, preview and import', async ({
  page,
  app,
}) => {
  await app.addSeat({ since: '2025-12-01' })
  const file = join(app.dataDir, 'outreach.csv')
  writeFileSync(
    file,
    [
      'Name;Profile;Sent;Template;Replied;Sentiment',
      'Zoë Müller;https://www.linkedin.com/in/zoe-muller;05/01/2026;Hook A;07/01/2026;positive',
      'Ana Silva;linkedin.com/in/ana-silva;16/01/2026;Hook A;;',
      'Bo Chen;https://example.com/bo;17/01/2026;Hook B;;',
    ].join('\n'),
  )
  const ledger = new LedgerPage(page)
  await ledger.open(app, '#/import')
  await page.getByLabel('A spreadsheet (CSV)').check()
  await page.getByLabel('CSV file').fill(file)
  await page.getByRole('button', { name: 'Read the file' }).click()
  const mapping = page.getByRole('group', { name: 'Column mapping' })
  await expect(mapping.getByLabel('Name')).toHaveValue('Name')
  await expect(mapping.getByLabel('LinkedIn profile URL')).toHaveValue('Profile')
  await expect(mapping.getByLabel('Date sent (required)')).toHaveValue('Sent')
  await expect(mapping.getByLabel('Date format')).toHaveValue('DD/MM/YYYY')
  await screenshot(page, 'import-csv-mapping')
  await page.getByRole('button', { name: 'Preview' }).click()
  const found = page.getByRole('region', { name: '2. What was found' })
  await expect(found.getByText('1 row could not be read (the rest will import)')).toBeVisible()
  await found.getByText('1 row could not be read').click()
  await expect(found.getByRole('list', { name: 'Rows that could not be read' })).toContainText(
    'Line 4',
  )
  await found.getByRole('button', { name: 'Import' }).click()
  await expect(page.getByRole('region', { name: '3. Importing' }).getByRole('status')).toHaveText(
    /is done/,
  )
})
