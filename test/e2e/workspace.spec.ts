import { expect, screenshot, test, type App } from './fixtures'
import { LedgerPage } from './pages/ledger-page'

function daysAgo(n: number, time = '09:30:00'): string {
  return `${new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10)}T${time}Z`
}

async function seed(app: App) {
  await app.run('settings', '--time-zone', 'UTC')
  await app.addSeat({ since: daysAgo(60).slice(0, 10), balance: 30 })
  const people = ['ana-silva', 'bo-chen', 'chidi-okafor', 'dana-levi', 'eve-martin']
  for (const [i, who] of people.entries())
    await app.run(
      'send',
      '--seat',
      'Work',
      '--to',
      `https://www.linkedin.com/in/${who}`,
      '--at',
      daysAgo(20 - i),
      '--template',
      i % 2 ? 'Hook B' : 'Hook A',
      '--role',
      'Staff Engineer',
    )
  await app.run(
    'respond',
    '--to',
    'linkedin.com/in/bo-chen',
    '--at',
    daysAgo(10),
    '--sentiment',
    'positive',
  )
}

test('the outreach table filters, sorts, marks several rows by keyboard, and quick-log adds one', async ({
  page,
  app,
}) => {
  await seed(app)
  const ledger = new LedgerPage(page)
  await ledger.open(app, '#/outreach')
  const table = page.getByRole('table', { name: 'Outreach' })
  await expect(table.getByRole('row')).toHaveCount(6)
  await expect(table.getByRole('row', { name: /bo-chen/ })).toContainText('Positive')

  await page.getByLabel('Status').selectOption('awaiting')
  await expect(table.getByRole('row')).toHaveCount(5)
  await page.getByLabel('Template').fill('Hook A')
  await expect(table.getByRole('row')).toHaveCount(4)
  await page.getByLabel('Template').fill('')
  await page.getByLabel('Status').selectOption('')

  // Sort by person, A to Z.
  await table.getByRole('button', { name: 'Person' }).click()
  await table.getByRole('button', { name: 'Person' }).click()
  await expect(table.getByRole('row').nth(1)).toContainText('ana-silva')

  await page.getByLabel('Select the message to linkedin.com/in/ana-silva').check()
  await page.getByLabel('Select the message to linkedin.com/in/chidi-okafor').check()
  await expect(page.getByText('2 selected')).toBeVisible()
  await screenshot(page, 'outreach-selected')
  await page.locator('body').click({ position: { x: 5, y: 700 } })
  await page.keyboard.press('m')
  await expect(page.getByTestId('notice')).toHaveText('Marked 2 messages meeting.')
  await expect(table.getByRole('row', { name: /ana-silva/ })).toContainText('Meeting')
  await expect(table.getByRole('row', { name: /chidi-okafor/ })).toContainText('Meeting')

  // Ctrl+K from anywhere: log an InMail in a few keystrokes.
  await page.keyboard.press('Control+k')
  const quick = page.getByRole('dialog', { name: 'Quick log' })
  await expect(quick.getByLabel('Person')).toBeFocused()
  await page.keyboard.type('https://www.linkedin.com/in/farah-smith')
  await page.keyboard.press('Enter')
  await expect(quick.getByRole('status')).toHaveText('Logged the InMail (1 credit).')
  await screenshot(page, 'quick-log')
  await page.keyboard.press('Escape')
  await expect(table.getByRole('row')).toHaveCount(7)
  await expect(table).toContainText('farah-smith')

  // "/" jumps to the search box.
  await page.locator('body').click({ position: { x: 5, y: 700 } })
  await page.keyboard.press('/')
  await expect(page.getByLabel('Search')).toBeFocused()
  await page.keyboard.type('dana')
  await expect(table.getByRole('row')).toHaveCount(2)
  await screenshot(page, 'outreach')
})

test('contacts: edit details, see the timeline, merge duplicates and undo', async ({
  page,
  app,
}) => {
  await seed(app)
  await app.run('send', '--seat', 'Work', '--to', "Zoë O'Brien", '--at', daysAgo(5))
  await app.run(
    'send',
    '--seat',
    'Work',
    '--to',
    'https://www.linkedin.com/in/zoe-obrien',
    '--at',
    daysAgo(4),
  )
  const ledger = new LedgerPage(page)
  await ledger.open(app, '#/contacts')
  const people = page.getByRole('list', { name: 'People' })
  await expect(people.getByRole('listitem')).toHaveCount(7)

  await people.getByRole('button', { name: /bo-chen/ }).click()
  const panel = page.getByRole('region', { name: /Contact:/ })
  await expect(panel.getByRole('list', { name: 'Timeline' })).toContainText('InMail · Hook B')
  await expect(panel.getByRole('list', { name: 'Timeline' })).toContainText('Replied (positive)')
  await panel.getByLabel('Name').fill('Bo Chen')
  await panel.getByLabel('Company').fill('Initech')
  await panel.getByLabel('Email').fill('not an email')
  await panel.getByRole('button', { name: 'Save details' }).click()
  await expect(panel.getByRole('alert')).toHaveText('Use an email address like ana@example.com.')
  await panel.getByLabel('Email').fill('bo@initech.example')
  await panel.getByRole('button', { name: 'Save details' }).click()
  await expect(people.getByRole('button', { name: /Bo Chen/ })).toContainText('Initech')

  // Two records of one person: give both the company, and the app offers a merge.
  await people.getByRole('button', { name: /zoe-obrien/ }).click()
  await page
    .getByRole('region', { name: /Contact:/ })
    .getByLabel('Name')
    .fill('Zoe OBrien')
  await page
    .getByRole('region', { name: /Contact:/ })
    .getByLabel('Company')
    .fill('Initech')
  await page
    .getByRole('region', { name: /Contact:/ })
    .getByRole('button', { name: 'Save details' })
    .click()
  await people.getByRole('button', { name: /Zoë O'Brien/ }).click()
  await page
    .getByRole('region', { name: /Contact:/ })
    .getByLabel('Company')
    .fill('initech')
  await page
    .getByRole('region', { name: /Contact:/ })
    .getByRole('button', { name: 'Save details' })
    .click()
  const duplicates = page.getByRole('list', { name: 'Possible duplicates' })
  await expect(duplicates).toContainText('Same name at the same company')
  await screenshot(page, 'contacts-duplicates')
  await duplicates.getByRole('button', { name: 'Merge…' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Merge' }).click()
  await expect(people.getByRole('listitem')).toHaveCount(6)
  await expect(duplicates).toBeHidden()

  // The first record is kept; the other now counts as the same person.
  await people.getByRole('button', { name: /Zoë O'Brien/ }).click()
  const merged = page.getByRole('region', { name: /Contact: Zoë O'Brien/ })
  await expect(merged.getByRole('list', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(2)
  await screenshot(page, 'contacts')
  await merged.getByRole('button', { name: 'Undo merge' }).click()
  await expect(people.getByRole('listitem')).toHaveCount(7)
})

test('templates: the checker speaks as you type, and each template shows its reply rate', async ({
  page,
  app,
}) => {
  await seed(app)
  const ledger = new LedgerPage(page)
  await ledger.open(app, '#/templates')
  await expect(
    page.getByRole('region', { name: 'Nothing here yet' }).or(page.getByText('No templates yet')),
  ).toBeVisible()
  await page.getByRole('button', { name: 'New template' }).click()
  const editor = page.getByRole('form', { name: 'New template' })
  await editor.getByLabel('Name').fill('Hook A')
  await editor.getByLabel('Subject').fill('Exciting opportunity at a fast growing company')
  await editor
    .getByLabel('Message')
    .fill('I am a recruiter at Acme. Are you open? Could you send me your CV? Hi [Name]')
  const checks = editor.getByRole('list', { name: 'Checks' })
  for (const code of [
    'GENERIC_SUBJECT',
    'LONG_SUBJECT',
    'OPENS_WITH_YOU',
    'STACKED_ASKS',
    'CV_ASK',
    'PLACEHOLDER',
  ])
    await expect(checks.locator(`[data-code="${code}"]`)).toBeVisible()
  await screenshot(page, 'template-checker')
  await editor.getByLabel('Subject').fill('Search platform lead')
  await editor
    .getByLabel('Message')
    .fill(
      'Saw your talk on search at {company}, {firstName}. We need a lead for a small remote team that owns indexing end to end. Pay is 95 to 110k, no on call, and you pick the stack. You would move us from batch jobs to streaming with two engineers who know the code and a manager who did it at her last job. It is a calm team and it ships each week. Worth a 15 minute chat?',
    )
  await expect(checks.locator('.finding-limit, .finding-advice')).toHaveCount(0)
  await editor.getByRole('button', { name: 'Create template' }).click()

  const list = page.getByRole('list', { name: 'Templates' })
  // Hook A went to Ana, Chidi and Eve; none of them replied (Bo, who did, got Hook B).
  await expect(
    list.getByRole('button', { name: /Hook A/ }).getByTestId('template-rate'),
  ).toHaveText(/0% replies of 3 sent \(95% interval 0%–\d+%\) — small sample, not yet meaningful/)
  await screenshot(page, 'templates')

  // Write to Ana from the template: copying logs nothing; "I sent it" logs the InMail.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const count = async () =>
    JSON.parse((await app.cli('balance', '--seat', 'Work', '--json')).stdout).available as number
  const before = await count()
  await ledger.go('Contacts')
  await page
    .getByRole('list', { name: 'People' })
    .getByRole('button', { name: /ana-silva/ })
    .click()
  const panel = page.getByRole('region', { name: /Contact:/ })
  await panel.getByLabel('Write from a template').selectOption({ label: 'Hook A' })
  await expect(panel.getByRole('note')).toContainText('No value for {company}, {firstName}')
  await panel.getByLabel('Name').fill('Ana Silva')
  await panel.getByLabel('Company').fill('Acme')
  await panel.getByRole('button', { name: 'Save details' }).click()
  await expect(panel.getByRole('heading', { name: 'Ana Silva' })).toBeVisible()
  await panel.getByLabel('Write from a template').selectOption({ label: 'Hook A' })
  await expect(panel.getByLabel('Message to send')).toContainText(
    'Saw your talk on search at Acme, Ana.',
  )
  await panel.getByRole('button', { name: 'Copy' }).click()
  await expect(panel.getByRole('button', { name: 'Copied' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    /^Search platform lead\n\nSaw your talk/,
  )
  expect(await count()).toBe(before)
  await panel.getByRole('button', { name: 'I sent it' }).click()
  await expect(panel.getByRole('status').filter({ hasText: 'Logged as sent' })).toBeVisible()
  expect(await count()).toBe(before - 1)
  await expect(panel.getByRole('list', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(2)
})
