// The sequence commands as a user types them: enrol, agenda (the promised JSON), done,
// snooze, agenda export, and the usage errors.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { addSeat, cliAt, ledgerWithSeat } from '../../helpers/cli'
import { tempDir } from '../../helpers/ledger'

// Tuesday 24 November 2026, 10:00 UTC.
const cli = cliAt(() => new Date('2026-11-24T10:00:00.000Z'))

const ledger = () => ledgerWithSeat(cli, { since: '2026-11-01' })

/** `enrol` for Ana from `start`, in InMail 0/3/7/14 unless said. */
const enrolAna = (
  db: string,
  start: string,
  { sequence = 'InMail 0/3/7/14', seat }: { sequence?: string; seat?: string } = {},
) =>
  cli(
    db,
    'enrol',
    '--sequence',
    sequence,
    '--to',
    'linkedin.com/in/ana',
    '--start',
    start,
    ...(seat === undefined ? [] : ['--seat', seat]),
  )

describe('sequence commands', () => {
  it('lists the built-in sequences with their steps', async () => {
    const db = await ledger()
    const text = await cli(db, 'sequence', 'list')
    expect(text.stdout).toMatch(/InMail 0\/3\/7\/14 \(built in\): 0 running; Tue, Wed, Thu/)
    expect(text.stdout).toContain('day  4  InMail (if not connected)')
    const json = (await cli(db, '--json', 'sequence', 'list')).json()
    expect((json.sequences as unknown[]).length).toBe(2)
  })

  it('enrols without --seat when there is one seat, then agenda, done, snooze and export', async () => {
    const db = await ledger()
    const enrol = await cli(
      db,
      'enrol',
      '--sequence',
      'inmail 0/3/7/14',
      '--to',
      'linkedin.com/in/ana-silva',
      '--to',
      'https://www.linkedin.com/in/ben-okafor',
      '--start',
      '2026-11-23',
    )
    expect(enrol.code).toBe(0)
    expect(enrol.stdout).toMatch(/Enrolled 2 in "InMail 0\/3\/7\/14" from 2026-11-23\./)
    expect(enrol.stdout).toMatch(/need 8 credits by 2026-12-15; Work will have \d+/)

    const agenda = await cli(db, '--json', 'agenda', '--at', '2026-11-25', '--days', '1')
    expect(agenda.code).toBe(0)
    const json = agenda.json() as {
      due: { contact: string; step: number; channel: string; dueOn: string }[]
      overdue: { contact: string; step: number; channel: string; dueOn: string }[]
    }
    expect(json.due).toEqual([])
    expect(
      json.overdue.map(({ contact, channel, dueOn }) => ({ contact, channel, dueOn })),
    ).toEqual([
      { contact: 'linkedin.com/in/ana-silva', channel: 'inmail', dueOn: '2026-11-24' },
      { contact: 'linkedin.com/in/ben-okafor', channel: 'inmail', dueOn: '2026-11-24' },
    ])
    const step = json.overdue[0]!.step

    const done = await cli(db, 'done', '--step', String(step))
    expect(done.code).toBe(0)
    expect(done.stdout).toMatch(
      /Done: InMail to linkedin.com\/in\/ana-silva \(1 credit\), logged as #\d+/,
    )
    const balance = await cli(db, '--json', 'balance', '--seat', 'Work')
    expect(balance.json().available).toBe(29)

    const snooze = await cli(
      db,
      'snooze',
      '--step',
      String(json.overdue[1]!.step),
      '--to',
      '2026-11-26',
    )
    expect(snooze.stdout).toMatch(/now due on Thu 2026-11-26\./)
    // The later steps move 2 days with it, so their gaps (3, 4 and 7 days) hold.
    expect(snooze.stdout).toMatch(
      /Later steps keep their gaps: Thu 2026-12-03, Thu 2026-12-10, Thu 2026-12-17\./,
    )
    const today = (await cli(db, '--json', 'agenda')).json() as {
      overdue: unknown[]
      due: unknown[]
    }
    expect(today.overdue).toEqual([])

    const file = join(tempDir(), 'follow-ups.ics')
    const exported = await cli(db, 'agenda', 'export', '--ics', file)
    expect(exported.stdout).toMatch(/Wrote 7 steps to .*, and 1 ended step as cancelled events/)
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')))
    const events = calendar.getAllSubcomponents('vevent')
    expect(events).toHaveLength(8)
    expect(events.filter((e) => e.getFirstPropertyValue('status') === 'CANCELLED')).toHaveLength(1)

    // Snoozed by days, the step lands on a day the sequence sends on, and the CLI says which.
    const byDays = await cli(db, 'snooze', '--step', String(json.overdue[1]!.step), '--days', '3')
    expect(byDays.code).toBe(0)
    // Thu 26 + 3 days is Sunday the 29th: Tuesday 1 December instead.
    expect(byDays.stdout).toMatch(
      /now due on Tue 2026-12-01 \(the next day the sequence sends on\)/,
    )
  })

  it('refuses what it cannot do, with the reason and exit code 1 (2 for usage)', async () => {
    const db = await ledger()
    await addSeat(cli, db, { name: 'Home', plan: 'premium-career', since: '2026-11-01' })
    const noSeat = await enrolAna(db, '2026-11-24')
    expect(noSeat.code).toBe(1)
    expect(noSeat.stderr).toMatch(/You have 2 seats; say which one/)
    const unknown = await enrolAna(db, '2026-11-24', { sequence: 'Nope', seat: 'Work' })
    expect(unknown.stderr).toMatch(/There is no sequence named "Nope"/)
    const badDay = await enrolAna(db, '2026-02-30', { seat: 'Work' })
    // A malformed day is a usage error.
    expect(badDay.code).toBe(2)
    expect(badDay.stderr).toMatch(/is not a real day/)
    const missingStep = await cli(db, 'done', '--step', '999')
    expect(missingStep.stderr).toMatch(/There is no step #999/)
    expect(missingStep.code).toBe(1)
    const tooEarly = await enrolAna(db, '2020-01-01', { seat: 'Work' })
    expect(tooEarly.code).toBe(1)
    expect(tooEarly.stderr).toMatch(/Work started on 2026-11-01; start the sequence on that day/)
    expect((await cli(db, 'enrol', '--sequence', 'x')).code).toBe(2)
  })

  it('answers mistyped options with a usage error (exit 2) that says what the option takes', async () => {
    const db = await ledger()
    const cases: [string[], RegExp][] = [
      [['agenda', '--days', '-1'], /--days takes a whole number from 0 to 90 \(got "-1"\)/],
      [['agenda', '--days', 'many'], /--days takes a whole number from 0 to 90 \(got "many"\)/],
      [
        ['agenda', 'export', '--ics', 'x.ics', '--days', '0'],
        /--days takes a whole number from 1 to 365/,
      ],
      [
        ['done', '--step', 'abc'],
        /--step takes a step id as the agenda lists it, like 12 or #12 \(got "abc"\)/,
      ],
      [['skip', '--step', '1.5'], /--step takes a step id/],
      [['snooze', '--step', '0', '--days', '1'], /--step takes a step id/],
      [
        ['snooze', '--step', '1'],
        /Snooze to a date or by a number of days: give --to YYYY-MM-DD or --days N\./,
      ],
      [['snooze', '--step', '1', '--days', 'two'], /--days takes a whole number from 1 to 365/],
    ]
    for (const [args, message] of cases) {
      const run = await cli(db, ...args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).toMatch(message)
      expect(run.stderr).not.toMatch(/Too small|expected number/)
    }
    const json = await cli(db, '--json', 'agenda', '--days', '-1')
    expect(json.json()).toMatchObject({ error: { code: 'USAGE' } })
  })
})
