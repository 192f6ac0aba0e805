import { expect, screenshot, test } from './fixtures'
import { LedgerPage } from './pages/ledger-page'

test.beforeEach(async ({ app }) => {
  await app.addSeat({ since: '2026-01-05' })
})

test('add a custom seat, rename it, archive and restore it', async ({ page, app }) => {
  const ledger = new LedgerPage(page)
  await ledger.open(app, '#/settings')
  await expect(ledger.heading('Settings')).toBeVisible()

  await page.getByRole('button', { name: 'Add seat' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a seat' })
  await expect(dialog).toBeVisible()
  await ledger.fillSeatForm(dialog, {
    name: 'Agency contract',
    plan: 'Custom plan…',
    since: '2026-02-10',
  })
  await dialog.getByLabel('Credits a month').fill('40')
  await dialog.getByLabel('Most credits saved (cap)').fill('20')
  await dialog.getByLabel('Price a month (USD)').fill('250')
  await screenshot(page, 'settings-add-seat')
  await dialog.getByRole('button', { name: 'Add seat' }).click()
  await expect(dialog.getByRole('alert')).toHaveText(
    'The cap must be at least the monthly credits.',
  )
  await dialog.getByLabel('Most credits saved (cap)').fill('160')
  await dialog.getByRole('button', { name: 'Add seat' }).click()
  await expect(dialog).toBeHidden()

  const row = ledger.seatRow('Agency contract')
  await expect(row).toContainText('Custom plan')
  await expect(row.getByRole('cell').nth(1)).toHaveText('40')
  await expect(row.getByRole('cell').nth(2)).toHaveText('160')
  await expect(row).toContainText('10th')

  // Rename, first to a name that is taken.
  await row.getByRole('button', { name: 'Rename Agency contract' }).click()
  const rename = page.getByRole('dialog', { name: 'Rename Agency contract' })
  await rename.getByLabel('New name').fill('work')
  await rename.getByRole('button', { name: 'Rename' }).click()
  await expect(rename.getByRole('alert')).toHaveText(
    'A seat named "work" already exists. Choose another name.',
  )
  await rename.getByLabel('New name').fill('Client A')
  await rename.getByLabel('New name').press('Enter')
  await expect(rename).toBeHidden()
  await expect(ledger.seatRow('Client A')).toBeVisible()

  // Archive asks first; Cancel changes nothing.
  await ledger.seatRow('Client A').getByRole('button', { name: 'Archive Client A' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Archive Client A?' })
  await expect(confirm).toContainText('Its history stays in the ledger')
  await screenshot(page, 'settings-archive-confirm')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(ledger.seatRow('Client A')).toBeVisible()
  await ledger.seatRow('Client A').getByRole('button', { name: 'Archive Client A' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Archive seat' }).click()
  await expect(ledger.seatRow('Client A')).toHaveCount(0)

  await page.getByLabel('Show archived').check()
  await expect(ledger.seatRow('Client A')).toContainText('Archived')
  await screenshot(page, 'settings-seats')
  await ledger.seatRow('Client A').getByRole('button', { name: 'Restore Client A' }).click()
  await expect(ledger.seatRow('Client A')).not.toContainText('Archived')

  const listed = JSON.parse((await app.cli('seat', 'list', '--json')).stdout)
  expect(listed.seats.map((s: { name: string }) => s.name)).toEqual(['Client A', 'Work'])
})

test('dialogs work from the keyboard and close with Escape', async ({ page, app }) => {
  const ledger = new LedgerPage(page)
  await ledger.open(app, '#/settings')
  const add = page.getByRole('button', { name: 'Add seat' })
  await add.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Add a seat' })
  await expect(dialog.getByLabel('Seat name')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(add).toBeFocused()
})

test('back up now writes a backup and lists it', async ({ page, app }) => {
  const ledger = new LedgerPage(page)
  await ledger.open(app, '#/settings')
  const data = page.getByRole('region', { name: 'Your data' })
  await expect(data).toContainText(app.dbPath)
  await expect(data).toContainText('No backups yet')
  await data.getByRole('button', { name: 'Back up now' }).click()
  await expect(data.getByRole('status')).toContainText('Backed up to')
  // A header row and the backup.
  await expect(data.getByRole('table', { name: 'Backups' }).getByRole('row')).toHaveCount(2)
  await screenshot(page, 'settings-data')
  const backups = JSON.parse((await app.cli('backups', '--json')).stdout)
  expect(backups.backups).toHaveLength(1)
})
