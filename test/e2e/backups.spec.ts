// Settings → Your data: daily and manual backups, exporting everything, restoring a backup.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, screenshot, test } from './fixtures'
import { LedgerPage } from './pages/ledger-page'

test.beforeEach(async ({ app }) => {
  await app.addSeat({ name: 'Work', since: '2026-01-05' })
  // Started again with a seat in the ledger: the app takes its daily backup on start, once the
  // file's integrity check (on another thread) has passed.
  await app.restart()
  const backupsDir = join(app.dataDir, 'backups')
  await expect
    .poll(() => existsSync(backupsDir) && readdirSync(backupsDir).some((f) => f.includes('daily')))
    .toBe(true)
})

test('back up now, export all data, and restore a backup after confirming', async ({
  page,
  app,
}) => {
  const ledger = new LedgerPage(page)
  await ledger.open(app, '#/settings')
  const data = page.getByRole('region', { name: 'Your data' })
  const backups = data.getByRole('table', { name: 'Backups' })
  await expect(backups.getByRole('row')).toHaveCount(2)
  await expect(backups).toContainText('Daily')

  await data.getByRole('button', { name: 'Back up now' }).click()
  await expect(data.getByRole('status')).toContainText('Backed up to')
  await expect(backups.getByRole('row')).toHaveCount(3)
  const manual = backups.getByRole('row').filter({ hasText: 'Manual' })
  await expect(manual).toHaveCount(1)

  // Work done after the backup.
  await app.addSeat({ name: 'Added later', since: '2026-01-05' })
  await data.getByRole('button', { name: 'Export all data (JSON)' }).click()
  await expect(data.getByRole('status')).toContainText(/Exported \d+ rows from \d+ tables to/)
  const exported = (await data.getByRole('status').locator('code').textContent()) ?? ''
  const doc = JSON.parse(readFileSync(exported, 'utf8')) as {
    format: string
    tables: Record<string, { name?: string }[]>
  }
  expect(doc.format).toBe('outreach-ledger-export')
  expect(doc.tables.seats!.map((s) => s.name)).toEqual(['Work', 'Added later'])
  await screenshot(page, 'backups-settings')

  // Restore asks first; Cancel changes nothing.
  await manual.getByRole('button', { name: /^Restore / }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Restore this backup?' })
  await expect(confirm).toContainText('kept beside it (renamed, not deleted)')
  await screenshot(page, 'backups-restore-confirm')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toBeHidden()
  const seatNames = async () =>
    (
      JSON.parse((await app.cli('seat', 'list', '--json')).stdout) as { seats: { name: string }[] }
    ).seats.map((s) => s.name)
  expect(await seatNames()).toEqual(['Added later', 'Work'])

  await manual.getByRole('button', { name: /^Restore / }).click()
  await confirm.getByRole('button', { name: 'Restore backup' }).click()
  await expect(page.getByRole('region', { name: 'Your data' }).getByRole('status')).toContainText(
    /Restored the backup from .* The ledger it replaced is kept at .*before-restore-/,
  )
  await expect(ledger.seatRow('Work')).toBeVisible()
  await expect(ledger.seatRow('Added later')).toHaveCount(0)
  await screenshot(page, 'backups-restored')

  expect(await seatNames()).toEqual(['Work'])
  expect(readdirSync(app.dataDir).some((f) => f.includes('.before-restore-'))).toBe(true)

  // The ledger the restore replaced is listed and can be restored: that undoes the restore.
  const keptAside = backups.getByRole('row').filter({ hasText: 'Before restore' })
  await expect(keptAside).toHaveCount(1)
  await keptAside.getByRole('button', { name: /^Restore / }).click()
  await expect(confirm).toContainText('just before a restore replaced it')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await data.getByRole('button', { name: 'Undo restore' }).click()
  await expect(data.getByRole('status')).toContainText(
    /Undid the restore: the ledger is back as it was. The one restored is kept at .*before-restore-/,
  )
  await expect(ledger.seatRow('Added later')).toBeVisible()
  expect(await seatNames()).toEqual(['Added later', 'Work'])
  // Both ledgers are kept, so going back and forth loses nothing.
  await expect(keptAside).toHaveCount(2)
  await screenshot(page, 'backups-undone')
})

test('restore from the command line is refused while the app has the ledger open', async ({
  page,
  app,
}) => {
  const listed = JSON.parse((await app.cli('backups', '--json')).stdout) as {
    backups: { name: string }[]
  }
  await app.addSeat({ name: 'Added later', since: '2026-01-05' })
  const run = await app.cli('restore', '--backup', listed.backups[0]!.name)
  expect(run.code).toBe(1)
  expect(run.stderr).toContain('error: Close Outreach Ledger first')
  expect(run.stderr).toContain('Nothing was changed.')
  expect(readdirSync(app.dataDir).some((f) => f.includes('.before-restore-'))).toBe(false)
  // The app still works on the same ledger, with everything in it.
  const ledger = new LedgerPage(page)
  await ledger.open(app, '#/settings')
  await expect(ledger.seatRow('Added later')).toBeVisible()
  await expect(ledger.seatRow('Work')).toBeVisible()
})

test('a damaged backup is refused and the ledger stays as it was', async ({ page, app }) => {
  writeFileSync(join(app.dataDir, 'backups', 'broken.sqlite'), 'not a database '.repeat(400))
  const ledger = new LedgerPage(page)
  await ledger.open(app, '#/settings')
  const data = page.getByRole('region', { name: 'Your data' })
  await data.getByRole('button', { name: 'Restore broken.sqlite' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Restore backup' }).click()
  await expect(data.getByRole('alert')).toContainText('The backup broken.sqlite cannot be restored')
  await expect(data.getByRole('alert')).toContainText('Your current ledger was not changed')
  await screenshot(page, 'backups-damaged')
  await expect(ledger.seatRow('Work')).toBeVisible()
  expect(readdirSync(app.dataDir).some((f) => f.includes('.before-restore-'))).toBe(false)
  expect(existsSync(join(app.dataDir, 'backups', 'broken.sqlite'))).toBe(true)
})
