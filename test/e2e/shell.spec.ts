import { expect, screenshot, test } from './fixtures'
import { LedgerPage } from './pages/ledger-page'

test.beforeEach(async ({ app }) => {
  await app.addSeat({ since: '2026-01-05' })
})

test('the sidebar reaches every screen, and a new ledger says what to do next', async ({
  page,
  app,
}) => {
  const ledger = new LedgerPage(page)
  await ledger.open(app)
  const screens = [
    'Dashboard',
    'Today',
    'Credits',
    'Analytics',
    'Outreach',
    'Contacts',
    'Templates',
    'Import',
    'Sequences',
    'Reports',
    'Settings',
  ]
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveCount(
    screens.length,
  )
  for (const screen of screens) {
    await ledger.go(screen)
    await expect(ledger.navLink(screen)).toHaveAttribute('aria-current', 'page')
  }
  await ledger.go('Today')
  await expect(page.getByRole('region', { name: 'Nothing due today' })).toBeVisible()
  await screenshot(page, 'empty-today')
  // A route survives a reload.
  await ledger.go('Settings')
  await page.reload()
  await expect(ledger.heading('Settings')).toBeVisible()
})

test('keyboard: skip link first, then the sidebar, with a visible focus ring', async ({
  page,
  app,
}) => {
  const ledger = new LedgerPage(page)
  await ledger.open(app)
  await expect(ledger.heading('Dashboard')).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: /Log/ })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(ledger.navLink('Dashboard')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(ledger.navLink('Today')).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(ledger.heading('Credits')).toBeVisible()
  const outline = await ledger
    .navLink('Credits')
    .evaluate((el) => getComputedStyle(el).outlineStyle)
  expect(outline).toBe('solid')
})

test('the dark theme follows the system', async ({ page, app }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  const ledger = new LedgerPage(page)
  await ledger.open(app)
  await expect(ledger.heading('Dashboard')).toBeVisible()
  const background = await page.evaluate(
    () => getComputedStyle(document.documentElement).backgroundColor,
  )
  expect(background).toBe('rgb(15, 18, 22)')
  await screenshot(page, 'dashboard-dark')
})

test('without the session token the app says how to open it, and reads nothing', async ({
  page,
  app,
}) => {
  await page.goto(app.url.replace(/#token=.*/, ''))
  await expect(page.getByRole('alert')).toContainText('no valid session token')
  await expect(page.getByText('Work')).toHaveCount(0)
})
