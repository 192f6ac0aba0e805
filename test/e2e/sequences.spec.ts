import { readFileSync } from 'node:fs'
import { daysAgo, expect, screenshot, test, type App } from './fixtures'
import { LedgerPage } from './pages/ledger-page'
import { SequencesPage, TodayPage } from './pages/sequences-page'

async function seed(app: App) {
  await app.run('settings', '--time-zone', 'UTC')
  await app.addSeat({ since: daysAgo(60), balance: 30 })
}

test('copies a built-in sequence, edits its steps and refuses steps out of order without losing them', async ({
  page,
  app,
}) => {
  await seed(app)
  const ledger = new LedgerPage(page)
  const sequences = new SequencesPage(page)
  await ledger.open(app)
  await ledger.go('Sequences')
  await sequences.sequence('InMail 0/3/7/14').click()
  await expect(page.getByRole('list', { name: 'Steps' }).getByRole('listitem')).toHaveCount(4)
  await screenshot(page, 'sequences-built-in')

  await page.getByRole('button', { name: 'Copy to edit' }).click()
  await expect(page.getByTestId('notice')).toContainText('Copied to "InMail 0/3/7/14 (copy)"')
  await sequences.editor().getByLabel('Name').fill('InMail fast')
  await sequences.stepField(2, 'day').fill('2')
  await sequences.stepField(2, 'note').fill('Bump: just one line')
  const note = 'Hook, one offer, one question; mention the mutual connection if there is one'
  await sequences.stepField(1, 'note').fill(note)
  await sequences.editor().getByRole('button', { name: 'Add step' }).click()
  await sequences.stepField(5, 'channel').selectOption({ label: 'Call' })
  await sequences.stepField(5, 'day').fill('16')
  await sequences.editor().getByRole('checkbox', { name: 'Friday', exact: true }).check()
  // A call after the exit step would never happen: refused, naming the steps.
  await sequences.save()
  await expect(ledger.alert()).toHaveText(
    'Step 4 ends the sequence, so step 5 would never be sent. Remove the steps after it, or untick "Exit" on step 4.',
  )
  // The copy's notice belonged to the action before: it is gone.
  await expect(page.getByTestId('notice')).toBeHidden()
  await sequences.editor().getByRole('checkbox', { name: 'Step 4 ends the sequence' }).uncheck()
  await sequences.editor().getByRole('checkbox', { name: 'Step 5 ends the sequence' }).check()
  await sequences.save()
  await expect(sequences.editor().getByRole('status')).toContainText('Saved')
  await expect(sequences.sequence('InMail fast')).toContainText('5 steps on days 0/2/7/14/16')
  await expect(sequences.sequence('InMail fast')).toContainText('Tue, Wed, Thu, Fri')

  // A day before the step above it: refused, naming the step, and what was typed stays.
  await sequences.stepField(3, 'day').fill('1')
  await sequences.save()
  await expect(ledger.alert()).toHaveText(
    'Step 3 (day 1) comes before step 2 (day 2). Put the steps in order of their day.',
  )
  await expect(sequences.editor().getByRole('status')).toBeHidden()
  await expect(sequences.stepField(3, 'day')).toHaveValue('1')
  await expect(sequences.stepField(2, 'note')).toHaveValue('Bump: just one line')
  await expect(sequences.stepField(1, 'note')).toHaveValue(note)
  // The note and "Stop when" are wide enough to read in full.
  const noteBox = sequences.stepField(1, 'note')
  expect(await noteBox.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true)
  expect((await noteBox.boundingBox())!.width).toBeGreaterThan(180)
  const stop = sequences.editor().getByLabel('Stop when')
  expect(
    await stop.evaluate((el: HTMLSelectElement) => {
      const probe = document.createElement('span')
      probe.style.font = getComputedStyle(el).font
      probe.textContent = el.selectedOptions[0]!.text
      document.body.append(probe)
      const wide = probe.getBoundingClientRect().width
      probe.remove()
      return wide + 24 <= el.clientWidth
    }),
  ).toBe(true)
  await screenshot(page, 'sequences-editor')
})

test('enrols selected people from the outreach table: who answered or awaits an InMail is left out unless included', async ({
  page,
  app,
}) => {
  await seed(app)
  const url = (who: string) => `https://www.linkedin.com/in/${who}`
  // Ana's InMail of 3 days ago awaits an answer; Bo answered his yesterday.
  await app.run(
    'send',
    '--seat',
    'Work',
    '--to',
    url('ana-silva'),
    '--at',
    `${daysAgo(3)}T09:00:00Z`,
  )
  await app.run(
    'send',
    '--seat',
    'Work',
    '--to',
    url('bo-chen'),
    '--at',
    `${daysAgo(20)}T09:00:00Z`,
  )
  await app.run('respond', '--to', url('bo-chen'), '--at', `${daysAgo(1)}T09:00:00Z`)
  const ledger = new LedgerPage(page)
  const sequences = new SequencesPage(page)
  await ledger.open(app)
  await ledger.go('Outreach')
  await page.getByLabel('Select the message to linkedin.com/in/ana-silva').check()
  await page.getByLabel('Select the message to linkedin.com/in/bo-chen').check()
  await page.getByRole('button', { name: 'Enrol in sequence' }).click()
  const dialog = sequences.enrolDialog()
  await expect(dialog).toContainText('2 people selected')
  await dialog.getByLabel('Sequence', { exact: true }).selectOption({ label: 'InMail 0/3/7/14' })
  // Before anything is spent: both are left out, and said why.
  await expect(sequences.creditsAhead()).toContainText('Nobody here would be enrolled.')
  await expect(sequences.creditsAhead()).toContainText(
    /Left out: linkedin.com\/in\/ana-silva \(InMail of \d{1,2} \w{3} \d{4} still awaiting a response\), linkedin.com\/in\/bo-chen \(answered on \d{1,2} \w{3} \d{4}\)\./,
  )
  await expect(dialog.getByRole('button', { name: 'Enrol 0' })).toBeVisible()
  await screenshot(page, 'sequences-enrol-left-out')
  await dialog.getByRole('checkbox', { name: /Include them anyway/ }).check()
  await expect(sequences.creditsAhead()).toContainText(
    /These enrolments need 8 credits by \d{4}-\d{2}-\d{2}; Work will have \d+/,
  )
  const warnings = dialog.getByRole('list', { name: 'Before you enrol' })
  await expect(warnings).toContainText(
    'linkedin.com/in/ana-silva has had no response to the InMail of',
  )
  await expect(warnings).toContainText("step 1's InMail spends another credit")
  await expect(warnings).toContainText('linkedin.com/in/bo-chen already answered on')
  await screenshot(page, 'sequences-enrol-dialog')
  await dialog.getByRole('button', { name: 'Enrol 2' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('notice')).toContainText('Enrolled 2.')

  await ledger.go('Sequences')
  await sequences.sequence('InMail 0/3/7/14').click()
  const enrolments = page.getByRole('table', { name: 'Enrolments' })
  await expect(enrolments.getByRole('row')).toHaveCount(3)
  await expect(enrolments).toContainText('Next: InMail on')
  await screenshot(page, 'sequences-enrolments')
})

test('Today lists the next step of each person by channel; keys mark done, skip and snooze; the rest wait', async ({
  page,
  app,
}) => {
  await seed(app)
  // Ana and Bo fell behind on the multi-channel plan; Cy and Di on InMail 0/3/7/14.
  await app.run(
    'enrol',
    '--sequence',
    'Connect 1 → InMail 4 → email 7 → final 14',
    '--to',
    'https://www.linkedin.com/in/ana-silva',
    '--to',
    'https://www.linkedin.com/in/bo-chen',
    '--start',
    daysAgo(12),
  )
  await app.run(
    'enrol',
    '--sequence',
    'InMail 0/3/7/14',
    '--to',
    'https://www.linkedin.com/in/cy-park',
    '--to',
    'https://www.linkedin.com/in/di-lopez',
    '--start',
    daysAgo(12),
  )
  const due = JSON.parse((await app.run('--json', 'agenda')).stdout) as {
    overdue: { step: number; channel: string }[]
    due: unknown[]
  }
  // One step each: nobody's InMail or email is due before their connection request is sent.
  expect(due.overdue.map((i) => i.channel).sort()).toEqual([
    'connection-request',
    'connection-request',
    'inmail',
    'inmail',
  ])
  const ledger = new LedgerPage(page)
  const today = new TodayPage(page)
  await ledger.open(app)
  await expect(today.badge()).toContainText('4')
  await ledger.go('Today')
  const overdue = today.section('Overdue')
  await expect(overdue.getByRole('heading', { name: /Connection request/ })).toBeVisible()
  await expect(today.step('InMail to linkedin.com/in/ana-silva')).toHaveCount(0)
  await expect(today.step('Email to linkedin.com/in/ana-silva')).toHaveCount(0)
  const upcoming = page.getByRole('table', { name: 'Upcoming steps' })
  await expect(upcoming.getByRole('row', { name: /ana-silva.*step 2 of 5/ })).toContainText(
    'after step 1 is done',
  )
  await screenshot(page, 'sequences-today')

  // The connection request to Ana: one key logs it; her InMail is now planned, not due.
  await today.press(today.step('Connection request to linkedin.com/in/ana-silva'), 'd')
  await expect(today.notice()).toHaveText('Logged Connection request to linkedin.com/in/ana-silva.')
  await expect(upcoming.getByRole('row', { name: /ana-silva.*step 2 of 5/ })).not.toContainText(
    'after step',
  )
  await expect(today.step('InMail to linkedin.com/in/ana-silva')).toHaveCount(0)

  // Cy's InMail spends a credit.
  const before = JSON.parse((await app.run('--json', 'balance', '--seat', 'Work')).stdout) as {
    available: number
  }
  await today.press(today.step('InMail to linkedin.com/in/cy-park'), 'd')
  await expect(today.notice()).toContainText(
    'Logged InMail to linkedin.com/in/cy-park (1 credit spent).',
  )
  const after = JSON.parse((await app.run('--json', 'balance', '--seat', 'Work')).stdout) as {
    available: number
  }
  expect(after.available).toBe(before.available - 1)

  await today.press(today.step('Connection request to linkedin.com/in/bo-chen'), 's')
  await expect(today.notice()).toHaveText('Skipped Connection request to linkedin.com/in/bo-chen.')
  // Snoozed a day (or to the next day the sequence sends on): the notice names the day.
  await today.press(today.step('InMail to linkedin.com/in/di-lopez'), 'z')
  await expect(today.notice()).toContainText(
    /Snoozed linkedin.com\/in\/di-lopez to \w{3} \d{1,2} \w{3} \d{4}; the 3 later steps moved with it\./,
  )
  await expect(upcoming).toContainText('linkedin.com/in/di-lopez')

  const left = JSON.parse((await app.run('--json', 'agenda')).stdout) as {
    overdue: unknown[]
    due: unknown[]
  }
  // Everyone's next step is done, skipped or snoozed: nothing due until the planned days.
  expect(left.overdue.length + left.due.length).toBe(0)
  await expect(today.badge()).toBeHidden()
  await expect(page.getByText('Nothing due today')).toBeVisible()
  await screenshot(page, 'sequences-today-after')

  // The calendar file lists what is left and cancels what was done or skipped.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export calendar (.ics)' }).click()
  const file = await (await download).path()
  const ics = readFileSync(file, 'utf8')
  expect(ics.match(/STATUS:CANCELLED/g)).toHaveLength(3)
  await expect(today.notice()).toContainText('and 3 ended ones (as cancelled)')
})

test('snoozing to a day the sequence does not send on is kept, with a warning', async ({
  page,
  app,
}) => {
  await seed(app)
  await app.run(
    'enrol',
    '--sequence',
    'InMail 0/3/7/14',
    '--to',
    'https://www.linkedin.com/in/cy-park',
    '--start',
    daysAgo(12),
  )
  // The next Saturday after today (UTC, as the seeded ledger's days are).
  const now = new Date()
  const saturday = new Date(now.getTime() + ((6 - now.getUTCDay() + 7) % 7 || 7) * 86_400_000)
    .toISOString()
    .slice(0, 10)
  const ledger = new LedgerPage(page)
  const today = new TodayPage(page)
  await ledger.open(app)
  await ledger.go('Today')
  const card = today.step('InMail to linkedin.com/in/cy-park')
  await card.getByLabel('Snooze linkedin.com/in/cy-park to').fill(saturday)
  await card.getByRole('button', { name: 'Snooze', exact: true }).click()
  await expect(today.notice()).toContainText(/Snoozed linkedin.com\/in\/cy-park to Sat/)
  await expect(page.getByTestId('warning')).toHaveText(
    /^Saturday is not one of this sequence's sending days \(Tuesday, Wednesday, Thursday\); the step stays on \d{1,2} \w{3} \d{4} as you asked\.$/,
  )
  await screenshot(page, 'sequences-snooze-warning')
})
