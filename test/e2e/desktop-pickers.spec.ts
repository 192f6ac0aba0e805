// Choosing files and showing saved ones. Browser mode has no window.desktop, so paths are typed
// and saved ones shown as text. The Electron shell cannot start on this machine, so for the
// desktop side a stand-in window.desktop is injected; it stands in for the OS dialog and file
// manager only: the dialog "answers" a real fixture path, and everything after it (preview,
// import, export) runs on the real backend. Main's side of these calls (validation, the dialog
// options, the sender check) is tested in test/main/electron/desktop.test.ts.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, screenshot, test } from './fixtures'
import { LedgerPage } from './pages/ledger-page'

const fixture = resolve('..', 'shared', 'fixtures', 'linkedin-export')

type Method = 'pickFile' | 'pickFolder' | 'showInFolder'

interface DesktopStub {
  /** What the "dialog" answers: a path, or null as when the user cancels. */
  answer: (method: Method, purpose: string) => string | null
  /** Set: every call is refused with this, as main refuses a file that is gone. */
  refuse?: { code: string; message: string }
  /** Every call the renderer made and the stub answered, in order. */
  calls: { method: Method; input: Record<string, string> }[]
}

/** Injects window.desktop into every page of the test, answering like the shell does. */
async function withDesktop(page: Page, stub: DesktopStub): Promise<void> {
  await page.exposeFunction('desktopStub', (method: Method, input: Record<string, string>) => {
    if (stub.refuse) return { ok: false, error: stub.refuse }
    stub.calls.push({ method, input })
    const result = method === 'showInFolder' ? null : stub.answer(method, input.purpose ?? '')
    return { ok: true, result }
  })
  await page.addInitScript(() => {
    const w = window as unknown as {
      desktopStub: (method: string, input: unknown) => Promise<unknown>
      desktop: Record<string, (input: unknown) => Promise<unknown>>
    }
    const send = (method: string) => (input: unknown) => w.desktopStub(method, input)
    w.desktop = {
      pickFile: send('pickFile'),
      pickFolder: send('pickFolder'),
      showInFolder: send('showInFolder'),
    }
  })
}

test('browser mode: paths are typed and saved ones shown as text, with no desktop buttons', async ({
  page,
  app,
}) => {
  const ledger = new LedgerPage(page)
  await ledger.open(app)
  await page.getByRole('button', { name: 'Import an export file (JSON)' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import an export file' })
  await expect(dialog.getByLabel('Export file (JSON)')).toBeVisible()
  await expect(dialog).toContainText('then type or paste its full path')
  await expect(dialog.getByRole('button', { name: /Choose/ })).toHaveCount(0)
  await page.keyboard.press('Escape')

  await app.addSeat({ since: '2025-12-01' })
  await page.reload()
  await ledger.go('Import')
  const path = page.getByLabel('Export folder or messages.csv')
  await path.fill(fixture)
  await expect(path).toHaveValue(fixture)
  await expect(page.getByRole('button', { name: /Choose/ })).toHaveCount(0)

  await ledger.go('Settings')
  const data = page.getByRole('region', { name: 'Your data' })
  await data.getByRole('button', { name: 'Export all data (JSON)' }).click()
  await expect(data.getByRole('status')).toContainText('Exported')
  await expect(data.getByRole('status').locator('code')).toContainText(app.dataDir)
  await expect(page.getByRole('button', { name: /Show in folder/ })).toHaveCount(0)
})

test('desktop: Choose… fills the path from the dialog and the import runs', async ({
  page,
  app,
}) => {
  await app.addSeat({ since: '2025-12-01' })
  const stub: DesktopStub = {
    answer: (method) => (method === 'pickFolder' ? fixture : join(fixture, 'messages.csv')),
    calls: [],
  }
  await withDesktop(page, stub)
  const ledger = new LedgerPage(page)
  await ledger.open(app, '#/import')
  const source = page.getByRole('form', { name: 'Import source' })
  const path = source.getByLabel('Export folder or messages.csv')

  await source.getByRole('button', { name: 'Choose file…' }).click()
  await expect(path).toHaveValue(join(fixture, 'messages.csv'))
  expect(stub.calls).toEqual([{ method: 'pickFile', input: { purpose: 'linkedin-export' } }])

  // Cancelling the dialog leaves what was there.
  stub.answer = () => null
  await source.getByRole('button', { name: 'Choose folder…' }).click()
  await expect.poll(() => stub.calls.length).toBe(2)
  await expect(path).toHaveValue(join(fixture, 'messages.csv'))

  stub.answer = () => fixture
  await source.getByRole('button', { name: 'Choose folder…' }).click()
  await expect(path).toHaveValue(fixture)
  expect(stub.calls[2]).toEqual({ method: 'pickFolder', input: { purpose: 'linkedin-export' } })
  await screenshot(page, 'desktop-import-chosen')

  // From here on it is the real backend reading the chosen folder.
  await page.getByRole('button', { name: 'Preview' }).click()
  const found = page.getByRole('region', { name: '2. What was found' })
  await expect(found).toContainText('jordan-avery-recruits')
  await found.getByRole('button', { name: 'Import' }).click()
  const progress = page.getByRole('region', { name: '3. Importing' })
  await expect(progress.getByRole('status')).toHaveText(/Import #1 is done/)
  await expect(progress.getByLabel('Imported')).toContainText('57')
  const listed = JSON.parse((await app.cli('imports', 'list', '--json')).stdout)
  expect(listed.imports).toEqual([
    expect.objectContaining({ source: 'linkedin-export', summary: expect.anything() }),
  ])

  // A spreadsheet is one file: one button, asking for a CSV.
  await page.getByRole('radio', { name: 'A spreadsheet (CSV)' }).check()
  await expect(source.getByRole('button', { name: /Choose/ })).toHaveText(['Choose…'])
  await source.getByRole('button', { name: 'Choose…' }).click()
  await expect
    .poll(() => stub.calls.at(-1))
    .toEqual({
      method: 'pickFile',
      input: { purpose: 'csv' },
    })
})

test.describe('desktop, with a ledger from another computer', () => {
  let dir = ''
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'outreach-ledger-e2e-desktop-'))
  })
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }))

  test('first run: Choose… picks the export file and the ledger moves in', async ({
    page,
    app,
  }) => {
    const other = join(dir, 'ledger.sqlite')
    const file = join(dir, 'ledger-export.json')
    await app.addSeat({ name: 'Old laptop seat', since: '2026-01-31', db: other })
    expect((await app.cli('--db', other, 'export', '--out', file)).code).toBe(0)

    const stub: DesktopStub = { answer: () => file, calls: [] }
    await withDesktop(page, stub)
    const ledger = new LedgerPage(page)
    await ledger.open(app)
    await page.getByRole('button', { name: 'Import an export file (JSON)' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import an export file' })
    await expect(dialog).toContainText('then choose it (or paste its full path)')
    await dialog.getByRole('button', { name: 'Choose…' }).click()
    await expect(dialog.getByLabel('Export file (JSON)')).toHaveValue(file)
    expect(stub.calls).toEqual([{ method: 'pickFile', input: { purpose: 'ledger-export' } }])
    await screenshot(page, 'desktop-first-run-chosen')
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    await expect(ledger.heading('Dashboard')).toBeVisible()
    await expect(page.getByRole('list', { name: 'Seats' })).toContainText('Old laptop seat')
  })
})

test('desktop: after an export or a backup, Show in folder opens the file manager on it', async ({
  page,
  app,
}) => {
  await app.addSeat({ since: '2025-12-01' })
  const stub: DesktopStub = { answer: () => null, calls: [] }
  await withDesktop(page, stub)
  const shown = () => stub.calls.filter((c) => c.method === 'showInFolder').map((c) => c.input.path)
  const ledger = new LedgerPage(page)
  await ledger.open(app, '#/settings')
  const data = page.getByRole('region', { name: 'Your data' })
  await expect(data.getByRole('button', { name: `Show in folder: ${app.dbPath}` })).toBeVisible()

  await data.getByRole('button', { name: 'Export all data (JSON)' }).click()
  const status = data.getByRole('status')
  await expect(status).toContainText('Exported')
  const exported = (await status.locator('code').textContent()) ?? ''
  expect(exported).toContain(app.dataDir)
  await status.getByRole('button', { name: /Show in folder/ }).click()
  await expect.poll(shown).toEqual([exported])
  await screenshot(page, 'desktop-data-show-in-folder')

  // Moved away since: the refusal is said in place, and the path stays there to copy.
  const gone = `Nothing is at ${exported} any more: it may have been moved or deleted.`
  stub.refuse = { code: 'NOT_FOUND', message: gone }
  await status.getByRole('button', { name: /Show in folder/ }).click()
  await expect(status.getByRole('alert')).toHaveText(gone)
  await expect(status.locator('code')).toHaveText(exported)
  await screenshot(page, 'desktop-data-show-in-folder-gone')
  stub.refuse = undefined

  await data.getByRole('button', { name: 'Back up now' }).click()
  await expect(status).toContainText('Backed up to')
  const backup = (await status.locator('code').textContent()) ?? ''
  await status.getByRole('button', { name: /Show in folder/ }).click()
  await expect.poll(shown).toEqual([exported, backup])

  await ledger.go('Reports')
  await page.getByRole('button', { name: 'Export JSON' }).click()
  const saved = page.getByRole('status').filter({ hasText: 'Saved to' })
  await expect(saved).toBeVisible()
  const report = (await saved.locator('code').textContent()) ?? ''
  expect(report).toContain(join(app.dataDir, 'reports'))
  await saved.getByRole('button', { name: /Show in folder/ }).click()
  await expect.poll(() => shown().at(-1)).toBe(report)
  const recent = page.getByRole('table', { name: 'Recent exports' })
  await expect(recent.getByRole('button', { name: `Show in folder: ${report}` })).toBeVisible()
  await screenshot(page, 'desktop-reports-show-in-folder')
})
