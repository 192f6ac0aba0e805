import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, screenshot, test } from './fixtures'
import { LedgerPage } from './pages/ledger-page'

/** What a failing disk might leave: a main file of garbage and no write-ahead log. */
function damage(dbPath: string, garbage: string): void {
  writeFileSync(dbPath, garbage.repeat(500))
  rmSync(`${dbPath}-wal`, { force: true })
  rmSync(`${dbPath}-shm`, { force: true })
}

test('a damaged ledger opens the recovery screen, and a backup brings the seats back', async ({
  page,
  app,
}) => {
  await app.addSeat({ since: '2026-01-05' })
  await app.cli('backup', '--out', `${app.dataDir}/backups/ledger-before-disaster.sqlite`)
  await app.restart(() => damage(app.dbPath, 'the disk ate this file '))

  const ledger = new LedgerPage(page)
  await ledger.open(app)
  await expect(ledger.heading('Your ledger file needs attention')).toBeVisible()
  await expect(page.getByText(/is damaged/)).toBeVisible()
  const backups = page.getByRole('list', { name: 'Backups' })
  await expect(backups).toContainText('ledger-before-disaster.sqlite')
  // A backup the user made, by whatever name, is a manual one.
  await expect(backups.getByRole('listitem')).toContainText('Manual')
  await screenshot(page, 'recovery')

  await backups.getByRole('button', { name: 'Restore' }).click()
  await expect(ledger.heading('Dashboard')).toBeVisible()
  await expect(page.getByRole('list', { name: 'Seats' })).toContainText('Work')
})

test('starting empty keeps the damaged file aside', async ({ page, app }) => {
  await app.restart(() => damage(app.dbPath, 'not a ledger '))
  const ledger = new LedgerPage(page)
  await ledger.open(app)
  await page.getByRole('button', { name: 'Start empty' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Start empty' }).click()
  await expect(ledger.heading('Welcome to Outreach Ledger')).toBeVisible()
  expect(readdirSync(app.dataDir).some((f) => f.includes('.damaged-'))).toBe(true)
})

test('a lost ledger file: first run lists the backups with their kinds and restores one', async ({
  page,
  app,
}) => {
  await app.addSeat({ since: '2026-01-05' })
  const backupsDir = join(app.dataDir, 'backups')
  // The folder appears with the first backup, once the ledger's integrity check has passed.
  const names = () =>
    existsSync(backupsDir) ? readdirSync(backupsDir).filter((n) => n.endsWith('.sqlite')) : []
  // Starting with seats in the ledger writes the day's backup.
  await app.restart()
  await expect.poll(() => names().some((n) => n.endsWith('-daily.sqlite'))).toBe(true)
  expect((await app.cli('backup')).code).toBe(0)
  // The ledger file is gone (a new disk, say); the backups folder is still there.
  await app.restart(() => {
    for (const extra of ['', '-wal', '-shm']) rmSync(app.dbPath + extra, { force: true })
  })

  const ledger = new LedgerPage(page)
  await ledger.open(app)
  await expect(ledger.heading('Welcome to Outreach Ledger')).toBeVisible()
  await page.getByRole('button', { name: 'Restore a backup' }).click()
  const dialog = page.getByRole('dialog', { name: 'Restore a backup' })
  const items = dialog.getByRole('list', { name: 'Backups' }).getByRole('listitem')
  await expect(items).toHaveCount(2)
  await expect(items.filter({ hasText: /-manual\.sqlite/ })).toContainText('Manual')
  await expect(items.filter({ hasText: /-daily\.sqlite/ })).toContainText('Daily')
  await screenshot(page, 'first-run-restore')

  await items
    .filter({ hasText: /-daily\.sqlite/ })
    .getByRole('button', { name: /^Restore/ })
    .click()
  await expect(ledger.heading('Dashboard')).toBeVisible()
  await expect(page.getByRole('list', { name: 'Seats' })).toContainText('Work')
  // The empty ledger it replaced is kept beside it.
  expect(readdirSync(app.dataDir).some((f) => f.includes('.before-restore-'))).toBe(true)
})
