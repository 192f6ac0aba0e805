import { readdirSync, rmSync, writeFileSync } from 'node:fs'
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
  await app.cli(
    'seat',
    'add',
    '--name',
    'Work',
    '--plan',
    'recruiter-lite',
    '--since',
    '2026-01-05',
  )
  await app.cli('backup', '--out', `${app.dataDir}/backups/ledger-before-disaster.sqlite`)
  await app.restart(() => damage(app.dbPath, 'the disk ate this file '))

  const ledger = new LedgerPage(page)
  await ledger.open(app)
  await expect(ledger.heading('Your ledger file needs attention')).toBeVisible()
  await expect(page.getByText(/is damaged/)).toBeVisible()
  const backups = page.getByRole('list', { name: 'Backups' })
  await expect(backups).toContainText('ledger-before-disaster.sqlite')
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
