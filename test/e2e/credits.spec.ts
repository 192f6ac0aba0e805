import type { Page } from '@playwright/test'
import { daysAgo, expect, screenshot, test, type App } from './fixtures'
import { LedgerPage } from './pages/ledger-page'

async function seed(app: App): Promise<void> {
  await app.run('settings', '--time-zone', 'UTC')
  await app.addSeat({ since: daysAgo(100), balance: 20 })
  for (const [who, ago] of [
    ['ana-silva', 40],
    ['bo-chen', 12],
    ['chidi-okafor', 6],
    ['dana-levi', 3],
  ] as const)
    await app.run(
      'send',
      '--seat',
      'Work',
      '--to',
      `https://www.linkedin.com/in/${who}`,
      '--at',
      `${daysAgo(ago)}T09:30:00Z`,
    )
  await app.run(
    'respond',
    '--to',
    'linkedin.com/in/bo-chen',
    '--at',
    `${daysAgo(10)}T15:00:00Z`,
    '--sentiment',
    'positive',
  )
  await app.run(
    'purchase',
    '--seat',
    'Work',
    '--credits',
    '5',
    '--at',
    daysAgo(20),
    '--price-cents',
    '5000',
  )
}

async function ledgerBalance(app: App): Promise<number> {
  return JSON.parse((await app.cli('balance', '--seat', 'Work', '--json')).stdout)
    .available as number
}

function available(page: Page) {
  return page.getByTestId('available')
}

test('the Credits screen explains the balance and logs what happened', async ({ page, app }) => {
  await seed(app)
  const expected = await ledgerBalance(app)
  const ledger = new LedgerPage(page)
  await ledger.open(app, '#/credits')
  await expect(ledger.heading('Credits')).toBeVisible()
  await expect(available(page)).toHaveText(String(expected))

  // Where the credits come from and what is pending.
  await expect(
    page.getByRole('table', { name: 'Credit batches' }).getByRole('row'),
  ).not.toHaveCount(1)
  const pending = page.getByRole('table', { name: 'Pending refunds' })
  await expect(pending).toContainText('ana-silva')
  await expect(pending).toContainText('dana-levi')
  await expect(pending).not.toContainText('bo-chen')
  await expect(
    page.getByRole('img', { name: /Credit balance over time/ }).locator('svg.recharts-surface'),
  ).toBeVisible()
  await expect(page.getByTestId('forecast-caption')).toContainText('InMails a week')
  await expect(page.getByRole('table', { name: 'Statement totals' })).toContainText(
    'Closing balance',
  )
  await screenshot(page, 'credits')

  // Log an InMail: one credit fewer.
  await page.getByRole('button', { name: 'Log InMail' }).click()
  const log = page.getByRole('dialog', { name: 'Log an InMail' })
  await log.getByRole('button', { name: 'Log InMail' }).click()
  await expect(log.getByRole('alert')).toHaveText(
    'Say who it went to: a LinkedIn profile URL or a name.',
  )
  await log.getByLabel('Person').fill('https://www.linkedin.com/in/eve-martin')
  await log.getByLabel('Template (optional)').fill('Hook A')
  await screenshot(page, 'credits-log-inmail')
  await log.getByRole('button', { name: 'Log InMail' }).click()
  await expect(log).toBeHidden()
  await expect(page.getByTestId('notice')).toHaveText(
    /Logged the InMail to https:\/\/www\.linkedin\.com\/in\/eve-martin/,
  )
  await expect(available(page)).toHaveText(String(expected - 1))

  // Her reply brings the credit back.
  await page.getByRole('button', { name: 'Log response' }).click()
  const respond = page.getByRole('dialog', { name: 'Log a response' })
  await respond.getByLabel('Person').fill('linkedin.com/in/Eve-Martin/')
  await respond.getByLabel('Sentiment').selectOption('positive')
  await respond.getByRole('button', { name: 'Log response' }).click()
  await expect(page.getByTestId('notice')).toHaveText('Logged the response: 1 credit refunded.')
  await expect(available(page)).toHaveText(String(expected))

  // A response from someone never contacted is refused in place.
  await page.getByRole('button', { name: 'Log response' }).click()
  await respond.getByLabel('Person').fill('https://www.linkedin.com/in/stranger')
  await respond.getByRole('button', { name: 'Log response' }).click()
  await expect(respond.getByRole('alert')).toContainText(
    'There is no outreach to https://www.linkedin.com/in/stranger',
  )
  await page.keyboard.press('Escape')

  // LinkedIn's counter says two fewer: the ledger records an adjustment.
  await page.getByRole('button', { name: 'LinkedIn shows…' }).click()
  const reconcile = page.getByRole('dialog', { name: 'LinkedIn shows…' })
  await reconcile.getByLabel('Credits LinkedIn shows').fill(String(expected - 2))
  await reconcile.getByLabel('Note (optional)').fill('sent two from my phone')
  await reconcile.getByRole('button', { name: 'Reconcile' }).click()
  await expect(page.getByTestId('notice')).toHaveText(
    `Adjusted by -2: LinkedIn shows ${expected - 2}, the ledger had ${expected}.`,
  )
  await expect(available(page)).toHaveText(String(expected - 2))
  await expect(page.getByRole('table', { name: 'Statement entries' })).toContainText(
    'sent two from my phone',
  )
  expect(await ledgerBalance(app)).toBe(expected - 2)
})

test('purchases, credit rules, plan change and cancellation', async ({ page, app }) => {
  await seed(app)
  const start = await ledgerBalance(app)
  const ledger = new LedgerPage(page)
  await ledger.open(app, '#/credits')
  await expect(available(page)).toHaveText(String(start))

  await page.getByRole('button', { name: 'Record purchase' }).click()
  const buy = page.getByRole('dialog', { name: 'Record a purchase' })
  await buy.getByLabel('Credits').fill('-4')
  await buy.getByRole('button', { name: 'Record purchase' }).click()
  await expect(buy.getByRole('alert')).toHaveText('Credits cannot be negative.')
  await buy.getByLabel('Credits').fill('4')
  await buy.getByLabel('Total price (USD)').fill('40')
  await buy.getByRole('button', { name: 'Record purchase' }).click()
  await expect(available(page)).toHaveText(String(start + 4))

  await page.getByRole('button', { name: 'Credit rules' }).click()
  const rules = page.getByRole('dialog', { name: 'Credit rules' })
  await expect(rules.getByLabel(/90 days after they arrive/)).toBeChecked()
  await rules.getByLabel(/Never; only the cap/).check()
  await screenshot(page, 'credits-rules')
  await rules.getByRole('button', { name: 'Save rules' }).click()
  await expect(page.getByTestId('notice')).toHaveText('Saved the credit rules.')
  const policy = JSON.parse((await app.cli('balance', '--seat', 'Work', '--json')).stdout).policy
  expect(policy).toEqual({ expiry: 'never', refundDeclines: true })

  await page.getByRole('button', { name: 'Change plan' }).click()
  const plan = page.getByRole('dialog', { name: 'Change plan' })
  await plan.getByLabel('New plan').selectOption({ label: 'Premium Business' })
  await plan.getByRole('button', { name: 'Change plan' }).click()
  await expect(page.getByTestId('notice')).toContainText('credits of the old plan were forfeited')
  await expect(available(page)).toHaveText('15')
  await expect(page.getByText('Work · Premium Business')).toBeVisible()

  await page.getByRole('button', { name: 'Cancel subscription' }).click()
  const cancel = page.getByRole('dialog', { name: 'Cancel Work?' })
  await expect(cancel).toContainText('forfeits every credit at once (15 now)')
  await cancel.getByRole('button', { name: 'Record cancellation' }).click()
  await expect(available(page)).toHaveText('0')
  await expect(page.getByRole('list', { name: 'Warnings' })).toContainText(/cancelled/i)
  await screenshot(page, 'credits-cancelled')
})

test('the dashboard shows each seat’s balance and warnings', async ({ page, app }) => {
  await seed(app)
  const expected = await ledgerBalance(app)
  const ledger = new LedgerPage(page)
  await ledger.open(app)
  await expect(page.getByTestId('seat-available')).toHaveText(String(expected))
  await page.getByRole('link', { name: 'Credits and forecast' }).click()
  await expect(ledger.heading('Credits')).toBeVisible()
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(page, 'credits-dark')
})
