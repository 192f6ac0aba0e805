// Browser mode checks the ledger's integrity while the dashboard loads, so damage can come to
// light after the dashboard is on screen (or later, when a disk fails under the running app).
// Either way the window switches to the recovery screen, and nothing is backed up.
import { closeSync, openSync, readdirSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect, screenshot, test } from './fixtures'
import { LedgerPage } from './pages/ledger-page'

/** Templates with long texts, written straight into the (closed) file: pages the dashboard never reads. */
function addTemplates(dbPath: string): void {
  const db = new Database(dbPath)
  const template = db.prepare(
    "INSERT INTO templates (name, channel, created_at) VALUES (?, 'inmail', '2026-01-05T09:00:00.000Z')",
  )
  const version = db.prepare(
    "INSERT INTO template_versions (template_id, version, body, created_at) VALUES (?, 1, ?, '2026-01-05T09:00:00.000Z')",
  )
  db.transaction(() => {
    for (let i = 0; i < 60; i++) {
      const { lastInsertRowid } = template.run(`Template ${i}`)
      version.run(lastInsertRowid, `Hello, ${'a role you may like. '.repeat(200)}`)
    }
  })()
  db.close()
}

/** Overwrites the templates' pages with junk, as a failing disk might (the rest still reads). */
function damageTemplates(dbPath: string): void {
  const db = new Database(dbPath, { readonly: true })
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const pages = db
    .prepare("SELECT pageno FROM dbstat WHERE name IN ('templates', 'template_versions')")
    .pluck()
    .all() as number[]
  db.close()
  const junk = Buffer.alloc(pageSize, 0xa5)
  const fd = openSync(dbPath, 'r+')
  for (const page of pages) writeSync(fd, junk, 0, pageSize, (page - 1) * pageSize)
  closeSync(fd)
}

const dailyBackups = (dataDir: string): string[] => {
  try {
    return readdirSync(join(dataDir, 'backups')).filter((name) => name.includes('daily'))
  } catch {
    return []
  }
}

test('damage met after the dashboard is shown switches the window to recovery', async ({
  page,
  app,
}) => {
  await app.addSeat({ since: '2026-01-05' })
  // Today's automatic backup first: taking it reads every page through the app's connection,
  // which would then answer from memory instead of the file.
  await app.restart()
  await expect.poll(() => dailyBackups(app.dataDir)).toHaveLength(1)
  await app.restart(() => addTemplates(app.dbPath))
  const ledger = new LedgerPage(page)
  await ledger.open(app)
  await expect(ledger.heading('Dashboard')).toBeVisible()
  await expect(page.getByRole('list', { name: 'Seats' })).toContainText('Work')

  // The disk fails under the running app; the templates are read from it next.
  damageTemplates(app.dbPath)
  await ledger.navLink('Templates').click()
  await expect(ledger.heading('Your ledger file needs attention')).toBeVisible()
  await expect(page.getByText(/is damaged/)).toBeVisible()
  await screenshot(page, 'recovery-after-dashboard')
})

test('a ledger whose damage only the integrity check finds ends on recovery, never backed up', async ({
  page,
  app,
}) => {
  await app.addSeat({ since: '2026-01-05' })
  // Opening reads the schema and the migrations, not the templates: the file opens.
  await app.restart(() => {
    addTemplates(app.dbPath)
    damageTemplates(app.dbPath)
  })
  const ledger = new LedgerPage(page)
  await ledger.open(app)
  await expect(ledger.heading('Your ledger file needs attention')).toBeVisible()
  await page.getByRole('button', { name: 'Start empty' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Start empty' }).click()
  await expect(ledger.heading('Welcome to Outreach Ledger')).toBeVisible()
  expect(readdirSync(app.dataDir).some((f) => f.includes('.damaged-'))).toBe(true)
  // The day's automatic backup was never taken of the damaged file.
  expect(dailyBackups(app.dataDir)).toEqual([])
})
