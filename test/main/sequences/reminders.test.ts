// Desktop reminders, without Electron: what the notification says, when it fires in the user's
// zone, that each step is announced once, and the login item the setting asks for.
import { describe, expect, it } from 'vitest'
import {
  atLoginArgument,
  dueReminder,
  keepRunningInTray,
  loginItemSettings,
  ReminderLoop,
  trayMenu,
  type Reminder,
} from '../../../src/main/electron/reminders'
import type { Agenda, AgendaItem } from '../../../src/shared/contract'
import { call } from '../../helpers/ledger'
import { sequencesLedger } from '../../helpers/sequences'

function item(step: number, dueOn: string, contact: string): AgendaItem {
  return {
    step,
    enrolmentId: step,
    sequenceId: 1,
    sequence: 'InMail 0/3/7/14',
    position: 1,
    stepCount: 4,
    contactId: step,
    contact,
    profileUrl: null,
    seatId: 1,
    seat: 'Work',
    channel: 'inmail',
    dueOn,
    plannedOn: dueOn,
    waitsFor: null,
    note: null,
    exit: false,
    template: null,
    subject: null,
    body: null,
    missing: [],
  }
}

describe('what a reminder says and when', () => {
  const agenda: Agenda = {
    today: '2026-03-29',
    overdue: [item(1, '2026-03-27', 'Ana Silva')],
    due: [item(2, '2026-03-29', 'Bo Chen')],
    upcoming: [],
  }

  it('announces overdue steps at once and today’s from 9:00 local time (here the DST day)', () => {
    // 29 March 2026: Berlin moves to summer time, so 9:00 is 07:00Z.
    const early = dueReminder(agenda, new Set(), new Date('2026-03-29T06:59:00Z'), 'Europe/Berlin')
    expect(early).toEqual({
      title: 'A follow-up is due',
      body: 'InMail to Ana Silva (InMail 0/3/7/14)',
      steps: [1],
    })
    const nine = dueReminder(
      agenda,
      new Set([1]),
      new Date('2026-03-29T07:00:00Z'),
      'Europe/Berlin',
    )
    expect(nine?.steps).toEqual([2])
    expect(
      dueReminder(agenda, new Set([1, 2]), new Date('2026-03-29T12:00:00Z'), 'Europe/Berlin'),
    ).toBeNull()
  })

  it('sums up many steps in one notification', () => {
    const many: Agenda = {
      ...agenda,
      due: ['Bo', 'Cy', 'Di', 'Ed'].map((n, i) => item(10 + i, '2026-03-29', n)),
    }
    const reminder = dueReminder(many, new Set(), new Date('2026-03-29T12:00:00Z'), 'UTC')!
    expect(reminder.title).toBe('5 follow-ups are due')
    expect(reminder.body.split('\n')).toEqual([
      'InMail to Ana Silva (InMail 0/3/7/14)',
      'InMail to Bo (InMail 0/3/7/14)',
      'InMail to Cy (InMail 0/3/7/14)',
      'and 2 more',
    ])
  })
})

describe('the reminder loop on a real ledger', () => {
  it('notifies once per step, and the login item follows the setting', async () => {
    const { backend, clock, inmail } = await sequencesLedger({ now: '2026-11-24T10:00:00.000Z' })
    const now = () => clock.now
    await call(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: [{ profileUrl: 'https://www.linkedin.com/in/ana-silva' }],
      startOn: '2026-11-24',
    })
    const shown: Reminder[] = []
    const loop = new ReminderLoop(
      (c, i) => backend.invoke(c, i),
      (r) => shown.push(r),
      now,
    )
    await loop.check()
    await loop.check()
    expect(shown).toHaveLength(1)
    expect(shown[0]!.body).toBe('InMail to linkedin.com/in/ana-silva (InMail 0/3/7/14)')

    expect(await call(backend, 'sequences.reminders', {})).toEqual({ startAtLogin: false })
    const on = await call<{ startAtLogin: boolean }>(backend, 'sequences.setReminders', {
      startAtLogin: true,
    })
    expect(loginItemSettings(on.startAtLogin)).toEqual({
      openAtLogin: true,
      args: [atLoginArgument],
    })
    expect(loginItemSettings(false)).toEqual({ openAtLogin: false, args: [] })
  })
})

describe('closing the window', () => {
  it('keeps the app in the tray when it started at login or reminders at login are on', () => {
    expect(keepRunningInTray({ startedAtLogin: true, startAtLogin: false })).toBe(true)
    expect(keepRunningInTray({ startedAtLogin: false, startAtLogin: true })).toBe(true)
    // Neither: closing the window quits, as before.
    expect(keepRunningInTray({ startedAtLogin: false, startAtLogin: false })).toBe(false)
    expect(trayMenu.map((item) => item.label)).toEqual(['Open Outreach Ledger', 'Quit'])
  })
})
