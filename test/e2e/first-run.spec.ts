import { expect, screenshot, test } from './fixtures'
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
  const added = await app.cli(
    'seat',
    'add',
    '--name',
    'Sales',
    '--plan',
    'sales-navigator-core',
    '--since',
    '2026-02-17',
  )
  expect(added.code).toBe(0)
  const ledger = new LedgerPage(page)
  await ledger.open(app)
  await expect(ledger.heading('Dashboard')).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'Sales' })).toContainText(
    'Renews on the 1st',
  )
})
