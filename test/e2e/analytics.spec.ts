import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { daysAgo, expect, screenshot, test, type App } from './fixtures'
import { LedgerPage } from './pages/ledger-page'

/** Day n days ago as DD/MM/YYYY, the spreadsheet's format. */
function day(n: number): string {
  const d = new Date(Date.now() - n * 86_400_000)
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`
}

/** 80 InMails over the last 70 days: Hook A answered 15 times of 40, Hook B 4 of 40; one Open Profile. */
async function seed(app: App): Promise<void> {
  const rows = ['Name;Profile;Sent;Template;Role;Replied;Sentiment']
  for (let i = 0; i < 80; i++) {
    const template = i % 2 === 0 ? 'Hook A' : 'Hook B'
    const k = Math.floor(i / 2)
    const replied = template === 'Hook A' ? k < 15 : k < 4
    const sent = 70 - Math.floor(i * 0.8)
    rows.push(
      [
        `Person ${i}`,
        `https://www.linkedin.com/in/person-${i}`,
        day(sent),
        template,
        i % 3 ? 'Staff Engineer' : 'Data Lead',
        replied ? day(sent - 1) : '',
        replied ? (k % 3 === 0 ? 'positive' : 'neutral') : '',
      ].join(';'),
    )
  }
  const file = join(app.dataDir, 'history.csv')
  writeFileSync(file, rows.join('\n'))
  const map = join(app.dataDir, 'map.json')
  writeFileSync(
    map,
    JSON.stringify({
      columns: {
        name: 'Name',
        profileUrl: 'Profile',
        sentAt: 'Sent',
        template: 'Template',
        role: 'Role',
        repliedAt: 'Replied',
        sentiment: 'Sentiment',
      },
      dateFormat: 'DD/MM/YYYY',
      defaultChannel: 'inmail',
    }),
  )
  await app.run('settings', '--time-zone', 'UTC')
  await app.addSeat({ since: daysAgo(200), balance: 120 })
  await app.run('import', 'csv', file, '--seat', 'Work', '--map', map)
  // One Open Profile InMail: free, it spends no credit.
  await app.run(
    'send',
    '--seat',
    'Work',
    '--to',
    'https://www.linkedin.com/in/open-profile-1',
    '--at',
    new Date(Date.now() - 5 * 86_400_000).toISOString(),
    '--open-profile',
  )
}

test('analytics: funnel, rates by template with intervals, the numbers behind each chart, and A/B', async ({
  page,
  app,
}) => {
  await seed(app)
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const ledger = new LedgerPage(page)
  await ledger.open(app, '#/analytics')
  await expect(ledger.heading('Analytics')).toBeVisible()
  const kpis = page.getByLabel('Rates', { exact: true })
  await expect(kpis).toContainText('Reply rate')
  await expect(kpis).toContainText('23.5%') // 19 of 81
  // Cost: the seat's price over the 80 InMails that spent a credit; the Open Profile one is free.
  await expect(kpis).toContainText('per paid InMail')
  await expect(kpis).toContainText(/over 80 paid InMails, 19 replies/)
  // Each cost per result names what it is divided by; hires too.
  await expect(kpis).toContainText('19 replies to paid InMails')
  await expect(kpis).toContainText('per hire · 0 hires from paid InMails')
  // The credits sentence reads the paid InMails' reply rate: 19 of 80, not 19 of 81 delivered.
  await expect(
    page.getByText(/At your 24% reply rate on paid InMails \(19 of 80\), 76 of every 100/),
  ).toBeVisible()
  // Where the Recruiter seat stands on LinkedIn's 13% rule, in plain words.
  await expect(page.getByTestId('recruiter-rule')).toContainText(
    /Last 14 days: \d+ InMails?, \d+% answered: .*LinkedIn's/,
  )
  await page.getByText('How cost is counted').click()
  await expect(page.getByText(/Cost is each seat’s plan price/)).toBeVisible()
  await expect(page.getByRole('img', { name: /Funnel/ }).locator('svg')).toBeVisible()

  const byGroup = page.getByRole('region', { name: 'Rates by group' })
  await expect(byGroup.getByRole('img', { name: /Rate by group/ })).toBeVisible()
  await byGroup.getByRole('button', { name: 'Table' }).click()
  const numbers = byGroup.getByRole('table', { name: 'Rates by group (numbers)' })
  await expect(numbers.getByRole('row', { name: /Hook A/ })).toContainText('37.5')
  await expect(numbers.getByRole('row', { name: /Hook B/ })).toContainText('10')
  await byGroup.getByRole('button', { name: 'Copy CSV' }).click()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    /^Template,Delivered,Rate %,Low %,High %,Small sample,Paid InMails,Cost,Replies to paid InMails,Cost per reply,Hires from paid InMails,Cost per hire\n/,
  )
  // By channel: the InMails that spent a credit carry the cost, Open Profile is free.
  await byGroup.getByRole('button', { name: 'Chart' }).click()
  await byGroup.getByLabel('Break down by').selectOption('channel')
  await byGroup.getByRole('button', { name: 'Table' }).click()
  await expect(numbers.getByRole('row', { name: /Open Profile/ })).toContainText('free')
  await expect(numbers.getByRole('row', { name: /^InMail/ })).toContainText('$')
  await byGroup.getByRole('button', { name: 'Chart' }).click()
  await byGroup.getByLabel('Break down by').selectOption('role')
  await expect(byGroup.getByRole('img', { name: /Rate by group/ })).toBeVisible()

  const verdict = page.getByTestId('verdict')
  await expect(verdict).toContainText(/likely|meaningful|difference/i)
  await screenshot(page, 'analytics')
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(page, 'analytics-dark')
})

test('the dashboard shows this month against last, the weekly trend and today’s to-dos', async ({
  page,
  app,
}) => {
  await seed(app)
  const ledger = new LedgerPage(page)
  await ledger.open(app)
  await expect(ledger.heading('Dashboard')).toBeVisible()
  await expect(page.getByRole('region', { name: 'This month' })).toContainText('Delivered')
  // A month so far against the same days of the month before, said in words.
  await expect(page.getByTestId('month-compared')).toContainText(
    /^1(–\d+)? \w{3} against 1(–\d+)? \w{3}/,
  )
  // The last weeks' replies cannot all be in yet: drawn dashed and said so, not read as a fall.
  await expect(page.getByRole('img', { name: /rates by week/ })).toHaveAttribute(
    'aria-label',
    /dashed: replies still coming in/,
  )
  await expect(page.getByTestId('recruiter-rule')).toContainText(/^Last 14 days: /)
  await expect(page.getByRole('region', { name: 'Today' })).toContainText(
    /Waiting for a reply|Refund windows|Nothing needs you/,
  )
  await screenshot(page, 'dashboard-full')
})

test('a year of demo outreach reads well on the dashboard and in analytics', async ({
  page,
  app,
}) => {
  // `npm run demo` writes a year of plausible outreach; here, into this test's own ledger.
  await app.restart(() =>
    execFileSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'bench/demo.ts', '--db', app.dbPath, '--force'],
      {
        stdio: 'ignore',
      },
    ),
  )
  const ledger = new LedgerPage(page)
  await ledger.open(app)
  await expect(page.getByRole('list', { name: 'Seats' }).locator(':scope > li')).toHaveCount(2)
  await expect(page.getByRole('img', { name: /rates by week/ })).toBeVisible()
  // Refund windows of every seat, soonest first, the rest counted with a way to Credits.
  const windows = page.getByRole('list', { name: 'Refund windows closing this week' })
  await expect(windows.getByRole('listitem')).toHaveCount(5)
  await expect(page.getByRole('link', { name: /more closing this week in Credits/ })).toBeVisible()
  const days = await windows.getByRole('listitem').allTextContents()
  const closes = days.map((d) => Date.parse(/by (\d+ \w+ \d{4})/.exec(d)![1]!))
  expect(closes).toEqual([...closes].sort((a, b) => a - b))
  await screenshot(page, 'demo-dashboard')
  await ledger.go('Analytics')
  await page
    .getByRole('form', { name: 'Period and filters' })
    .getByRole('combobox')
    .first()
    .selectOption('This year')
  const byGroup = page.getByRole('region', { name: 'Rates by group' })
  await expect(byGroup.getByRole('img', { name: /Rate by group/ })).toBeVisible()
  await expect(page.getByTestId('verdict')).not.toBeEmpty()
  await screenshot(page, 'demo-analytics')
})
