// Sequences on a real ledger: enrolling, the agenda, marking steps done (which logs the send and
// spends the credit), stopping on any response (logged or imported), the conditional InMail of
// the multi-channel plan, the exit step, snoozing and the per-sequence report.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend'
import type {
  Agenda,
  Balance,
  DoneResult,
  Enrolled,
  Enrolment,
  Sequence,
  SequenceReport,
} from '../../../src/shared/contract'
import { daysBetween, weekdayOf } from '../../../src/shared/domain/schedule'
import { call, eventCount, refused, tempDir } from '../../helpers/ledger'
import { sequencesLedger } from '../../helpers/sequences'

const ana = { profileUrl: 'https://www.linkedin.com/in/ana-silva' }
const ben = { profileUrl: 'https://www.linkedin.com/in/ben-okafor' }

const ledger = (seat: Record<string, unknown> = {}) => sequencesLedger({ seat })

const agendaAt = (backend: Backend, at: string, days = 14) =>
  call<Agenda>(backend, 'sequences.agenda', { at, days })
const available = async (backend: Backend, seatId: number) =>
  (await call<Balance>(backend, 'credits.balance', { seatId })).available
const enrolmentOf = async (backend: Backend, contactId: number) =>
  (await call<Enrolment[]>(backend, 'sequences.enrolments', { contactId }))[0]!
/** Enrols Ana (the first contact) in `sequence` from Tuesday 24 November; returns her steps. */
async function enrolAna(backend: Backend, sequence: Sequence) {
  await call(backend, 'sequences.enrol', {
    sequenceId: sequence.id,
    to: [ana],
    startOn: '2026-11-24',
  })
  return (await enrolmentOf(backend, 1)).steps
}
/** Imports a CSV of InMails (Profile, Sent, Replied; YYYY-MM-DD) into the seat. */
async function importCsv(backend: Backend, seatId: number, rows: string[]) {
  const file = join(tempDir(), 'outreach.csv')
  writeFileSync(file, ['Profile,Sent,Replied', ...rows].join('\n'))
  return call<{ importId: number }>(backend, 'imports.run', {
    source: {
      kind: 'csv',
      path: file,
      seatId,
      mapping: {
        columns: { profileUrl: 'Profile', sentAt: 'Sent', repliedAt: 'Replied' },
        dateFormat: 'YYYY-MM-DD',
        defaultChannel: 'inmail',
      },
    },
  })
}

describe('built-in sequences', () => {
  it('ships the two plans from the seeds, read-only, sending Tuesday to Thursday', async () => {
    const { backend, inmail, multi } = await ledger()
    expect(inmail.steps.map((s) => [s.dayOffset, s.channel])).toEqual([
      [0, 'inmail'],
      [3, 'inmail'],
      [7, 'inmail'],
      [14, 'inmail'],
    ])
    expect(inmail.steps.at(-1)!.exit).toBe(true)
    expect(inmail.preferredWeekdays).toEqual([2, 3, 4])
    expect(multi.steps.map((s) => [s.dayOffset, s.channel, s.condition])).toEqual([
      [1, 'connection-request', 'always'],
      [4, 'inmail', 'not-connected'],
      [7, 'email', 'always'],
      [14, 'message', 'connected'],
      [14, 'inmail', 'not-connected'],
    ])
    const error = await refused(backend, 'sequences.save', {
      sequenceId: inmail.id,
      name: inmail.name,
      steps: [{ dayOffset: 0, channel: 'task' }],
    })
    expect(error.message).toMatch(/built in.*Copy it/)
  })

  it('copies one for editing; an edit never moves the steps of people already enrolled', async () => {
    const { backend, inmail } = await ledger()
    const copy = await call<Sequence>(backend, 'sequences.copy', { sequenceId: inmail.id })
    expect(copy).toMatchObject({ name: 'InMail 0/3/7/14 (copy)', builtin: false })
    const enrolled = await call<Enrolled>(backend, 'sequences.enrol', {
      sequenceId: copy.id,
      to: [ana],
      startOn: '2026-11-24',
    })
    const edited = await call<Sequence>(backend, 'sequences.save', {
      sequenceId: copy.id,
      name: 'Short',
      preferredWeekdays: [],
      steps: [
        { dayOffset: 0, channel: 'inmail' },
        { dayOffset: 2, channel: 'call', note: 'Ring after lunch', exit: true },
      ],
    })
    expect(edited.steps.map((s) => s.channel)).toEqual(['inmail', 'call'])
    const [enrolment] = await call<Enrolment[]>(backend, 'sequences.enrolments', {
      sequenceId: copy.id,
    })
    expect(enrolment!.id).toBe(enrolled.enrolmentIds[0])
    // Day 3 is a Friday, so it moves to Tuesday; the new angle keeps its 4 days after it.
    expect(enrolment!.steps.map((s) => [s.channel, s.dueOn])).toEqual([
      ['inmail', '2026-11-24'],
      ['inmail', '2026-12-01'],
      ['inmail', '2026-12-08'],
      ['inmail', '2026-12-15'],
    ])
  })

  it('refuses steps out of order with a sentence to act on', async () => {
    const { backend } = await ledger()
    const error = await refused(backend, 'sequences.save', {
      name: 'Backwards',
      steps: [
        { dayOffset: 7, channel: 'inmail' },
        { dayOffset: 3, channel: 'inmail' },
      ],
    })
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Step 2 (day 3) comes before step 1 (day 7). Put the steps in order of their day.',
    })
  })

  it('refuses a step after the exit step, which would never be sent', async () => {
    const { backend } = await ledger()
    const error = await refused(backend, 'sequences.save', {
      name: 'Exit, then a call',
      steps: [
        { dayOffset: 0, channel: 'inmail' },
        { dayOffset: 14, channel: 'inmail', exit: true },
        { dayOffset: 16, channel: 'call' },
      ],
    })
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(error.message).toBe(
      'Step 2 ends the sequence, so step 3 would never be sent. Remove the steps after it, or untick "Exit" on step 2.',
    )
  })
})

describe('the agenda and marking steps done', () => {
  it('lists due, overdue and upcoming steps; done logs the InMail and spends one credit', async () => {
    const { backend, clock, seat, inmail } = await ledger()
    const enrolled = await call<Enrolled>(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: [ana, ben],
      startOn: '2026-11-23',
    })
    expect(enrolled.enrolmentIds).toHaveLength(2)
    // Monday start, Tuesday–Thursday preferred: the first InMails fall on Tuesday the 24th.
    const monday = await agendaAt(backend, '2026-11-23')
    expect(monday.due).toEqual([])
    expect(monday.upcoming.filter((i) => i.dueOn === '2026-11-24')).toHaveLength(2)

    const wednesday = await agendaAt(backend, '2026-11-25', 1)
    expect(wednesday.overdue.map((i) => [i.contact, i.position])).toEqual([
      ['linkedin.com/in/ana-silva', 1],
      ['linkedin.com/in/ben-okafor', 1],
    ])
    // The bumps wait for the openers: not listed as due, and not within the next day.
    expect(wednesday.upcoming).toEqual([])
    const fortnight = await agendaAt(backend, '2026-11-25', 14)
    expect(
      fortnight.upcoming.filter((i) => i.position === 2).map((i) => [i.dueOn, i.waitsFor]),
    ).toEqual([
      ['2026-12-01', 1],
      ['2026-12-01', 1],
    ])

    clock.now = new Date('2026-11-24T09:30:00.000Z')
    const before = await available(backend, seat.id)
    const first = wednesday.overdue[0]!
    const done = await call<DoneResult>(backend, 'sequences.done', { stepId: first.step })
    expect(done).toMatchObject({ creditSpent: true, step: { state: 'done' } })
    expect(await available(backend, seat.id)).toBe(before - 1)
    const outreach = await call<{ rows: { id: number; channel: string; sentAt: string }[] }>(
      backend,
      'outreach.list',
      {},
    )
    expect(outreach.rows.find((r) => r.id === done.eventId)).toMatchObject({
      channel: 'inmail',
      sentAt: '2026-11-24T09:30:00.000Z',
    })
    const after = await agendaAt(backend, '2026-11-24', 0)
    expect(after.due.map((i) => i.contact)).toEqual(['linkedin.com/in/ben-okafor'])

    // Done twice is refused and spends nothing more.
    const again = await refused(backend, 'sequences.done', { stepId: first.step })
    expect(again.message).toMatch(/already done on 2026-11-24/)
    expect(await available(backend, seat.id)).toBe(before - 1)
  })

  it('sends the day-3 bump in the same thread: a second credit, but one person in the funnel', async () => {
    const { backend, clock, seat, inmail } = await ledger()
    await call<Enrolled>(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: [ana],
      startOn: '2026-11-23',
    })
    const start = await available(backend, seat.id)
    clock.now = new Date('2026-11-24T09:00:00.000Z')
    const [opening] = (await agendaAt(backend, '2026-11-24', 0)).due
    const first = await call<DoneResult>(backend, 'sequences.done', { stepId: opening!.step })
    expect(await available(backend, seat.id)).toBe(start - 1)
    // 1 December: the bump is due (and the seat's monthly credits have arrived).
    clock.now = new Date('2026-12-01T09:00:00.000Z')
    const [bump] = (await agendaAt(backend, '2026-12-01', 0)).due
    expect(bump!.position).toBe(2)
    const renewed = await available(backend, seat.id)
    const second = await call<DoneResult>(backend, 'sequences.done', { stepId: bump!.step })
    expect(second.creditSpent).toBe(true)
    expect(await available(backend, seat.id)).toBe(renewed - 1)

    const outreach = await call<{ rows: { id: number; followups: number }[] }>(
      backend,
      'outreach.list',
      {},
    )
    expect(outreach.rows.map((r) => [r.id, r.followups])).toEqual([[first.eventId, 1]])
    const metrics = await call<{ delivered: number }>(backend, 'analytics.metrics', {
      from: '2026-11-01',
      to: '2026-11-30',
    })
    expect(metrics.delivered).toBe(1)
  })

  it('renders the step template for the person, ready to copy', async () => {
    const { backend, inmail } = await ledger()
    const template = await call<{ id: number }>(backend, 'templates.add', {
      name: 'Hook',
      channel: 'inmail',
      subject: 'Platform role at Acme',
      body: 'Hi {firstName}, would a 15-minute call about {company} work this week?',
    })
    const own = await call<Sequence>(backend, 'sequences.save', {
      name: 'One shot',
      preferredWeekdays: [],
      steps: [{ dayOffset: 0, channel: 'inmail', templateId: template.id, exit: true }],
    })
    const contact = await call<{ id: number }>(backend, 'contacts.add', {
      ...ana,
      name: 'Ana Silva',
    })
    await call(backend, 'sequences.enrol', {
      sequenceId: own.id,
      contactIds: [contact.id],
      startOn: '2026-11-23',
    })
    const today = await agendaAt(backend, '2026-11-23', 0)
    expect(today.due[0]).toMatchObject({
      template: 'Hook',
      subject: 'Platform role at Acme',
      body: 'Hi Ana, would a 15-minute call about {company} work this week?',
      missing: ['company'],
    })
    expect(inmail.id).not.toBe(own.id)
  })

  it('refuses an InMail step when the seat has no credit, and leaves the step to do', async () => {
    const { backend, clock, seat, inmail } = await ledger({
      planId: 'premium-career',
      openingBalance: 1,
    })
    await call(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      seatId: seat.id,
      to: [ana, ben],
      startOn: '2026-11-24',
    })
    clock.now = new Date('2026-11-24T10:00:00.000Z')
    const [first, second] = (await agendaAt(backend, '2026-11-24', 0)).due
    await call(backend, 'sequences.done', { stepId: first!.step })
    const events = eventCount(backend)
    const error = await refused(backend, 'sequences.done', { stepId: second!.step })
    expect(error.code).toBe('NO_CREDITS')
    expect(eventCount(backend)).toBe(events)
    expect((await agendaAt(backend, '2026-11-24', 0)).due.map((i) => i.step)).toEqual([
      second!.step,
    ])
  })
})

describe('stopping on a response', () => {
  it('stops at once on a reply, keeps the others going, and resumes when the user asks', async () => {
    const { backend, clock, inmail } = await ledger()
    await call(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: [ana, ben],
      startOn: '2026-11-24',
    })
    clock.now = new Date('2026-11-24T10:00:00.000Z')
    for (const item of (await agendaAt(backend, '2026-11-24', 0)).due)
      await call(backend, 'sequences.done', { stepId: item.step })
    clock.now = new Date('2026-11-25T08:00:00.000Z')
    await call(backend, 'credits.respond', { to: ana, at: '2026-11-25T07:45:00Z' })

    const ahead = await agendaAt(backend, '2026-11-25', 30)
    expect(new Set(ahead.upcoming.map((i) => i.contact))).toEqual(
      new Set(['linkedin.com/in/ben-okafor']),
    )
    const stopped = (await call<Enrolment[]>(backend, 'sequences.enrolments', {})).find(
      (e) => e.profileUrl === ana.profileUrl,
    )!
    expect(stopped).toMatchObject({ status: 'stopped', stoppedBy: { kind: 'reply' } })
    expect(stopped.steps.map((s) => s.state)).toEqual([
      'done',
      'cancelled',
      'cancelled',
      'cancelled',
    ])
    const error = await refused(backend, 'sequences.done', { stepId: stopped.steps[1]!.id })
    expect(error.message).toMatch(/responded on 2026-11-25.*Resume/)

    const resumed = await call<Enrolment>(backend, 'sequences.resume', { enrolmentId: stopped.id })
    expect(resumed.status).toBe('active')
    expect((await agendaAt(backend, '2026-11-25', 30)).upcoming).toHaveLength(6)
  })

  it('stops on a response that came in with an import, and runs again when the import is undone', async () => {
    const { backend, seat, inmail } = await ledger()
    const { enrolmentIds } = await call<Enrolled>(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: [ana],
      startOn: '2026-11-10',
    })
    const run = await importCsv(backend, seat.id, [
      'https://www.linkedin.com/in/ana-silva,2026-11-10,2026-11-12',
    ])
    const [stopped] = await call<Enrolment[]>(backend, 'sequences.enrolments', {})
    expect(stopped).toMatchObject({ id: enrolmentIds[0], status: 'stopped' })
    expect((await agendaAt(backend, '2026-11-23')).overdue).toEqual([])

    await call(backend, 'imports.undo', { importId: run.importId })
    const [running] = await call<Enrolment[]>(backend, 'sequences.enrolments', {})
    expect(running!.status).toBe('active')
    expect((await agendaAt(backend, '2026-11-23')).overdue.length).toBeGreaterThan(0)
  })

  it('enrols the people an import wrote to who have not answered', async () => {
    const { backend, seat, inmail } = await ledger()
    const run = await importCsv(backend, seat.id, [
      'https://www.linkedin.com/in/ana-silva,2026-11-10,2026-11-12',
      'https://www.linkedin.com/in/ben-okafor,2026-11-10,',
    ])
    const input = { sequenceId: inmail.id, importId: run.importId, startOn: '2026-11-24' }
    // Ben's imported InMail of 10 Nov is still in its refund window: left out unless asked.
    const waiting = await call<Enrolled>(backend, 'sequences.enrol', input)
    expect(waiting.enrolmentIds).toEqual([])
    expect(waiting.skipped).toMatchObject([{ why: 'inmail-awaiting', overridable: true }])
    const enrolled = await call<Enrolled>(backend, 'sequences.enrol', {
      ...input,
      includeAnswered: true,
    })
    expect(enrolled.enrolmentIds).toHaveLength(1)
    const enrolments = await call<Enrolment[]>(backend, 'sequences.enrolments', {})
    expect(enrolments.map((e) => e.profileUrl)).toEqual([ben.profileUrl])
  })

  it('ignores responses from before the enrolment started', async () => {
    const { backend, seat, inmail } = await ledger()
    await call(backend, 'credits.send', { seatId: seat.id, to: ana, at: '2026-11-02T09:00:00Z' })
    await call(backend, 'credits.respond', { to: ana, at: '2026-11-03T09:00:00Z' })
    const enrolled = await call<Enrolled>(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: [ana],
      startOn: '2026-11-24',
      includeAnswered: true,
    })
    expect(enrolled.warnings[0]!.message).toMatch(/already answered on 3 Nov 2026/)
    const [enrolment] = await call<Enrolment[]>(backend, 'sequences.enrolments', {})
    expect(enrolment!.status).toBe('active')
  })
})

describe('the multi-channel plan', () => {
  async function started() {
    const l = await ledger()
    await call(l.backend, 'sequences.enrol', {
      sequenceId: l.multi.id,
      to: [ana],
      startOn: '2026-11-23',
    })
    l.clock.now = new Date('2026-11-24T10:00:00.000Z')
    const [request] = (await agendaAt(l.backend, '2026-11-24', 0)).due
    expect(request!.channel).toBe('connection-request')
    const done = await call<DoneResult>(l.backend, 'sequences.done', { stepId: request!.step })
    expect(done.creditSpent).toBe(false)
    return l
  }

  it('skips the InMail once the connection request is accepted, and sends the final message instead', async () => {
    const { backend, clock } = await started()
    clock.now = new Date('2026-11-25T10:00:00.000Z')
    await call(backend, 'credits.respond', { to: ana, at: '2026-11-25T09:00:00Z', kind: 'accept' })
    const enrolment = await enrolmentOf(backend, 1)
    expect(enrolment).toMatchObject({ status: 'active', connected: true })
    expect(enrolment.steps.map((s) => [s.channel, s.state])).toEqual([
      ['connection-request', 'done'],
      ['inmail', 'not-needed'],
      ['email', 'pending'],
      ['message', 'pending'],
      ['inmail', 'not-needed'],
    ])
    const ahead = await agendaAt(backend, '2026-11-25', 30)
    expect(ahead.upcoming.map((i) => i.channel)).toEqual(['email', 'message'])
    const error = await refused(backend, 'sequences.done', { stepId: enrolment.steps[1]!.id })
    expect(error.message).toMatch(/accepted the connection request/)
  })

  it('sends the InMail when the request is not accepted, and ends with the exit step', async () => {
    const { backend, clock } = await started()
    const steps = (await enrolmentOf(backend, 1)).steps
    expect(steps.map((s) => s.state)).toEqual([
      'done',
      'pending',
      'pending',
      'not-needed',
      'pending',
    ])
    for (const [i, at] of [
      [1, '2026-12-01T10:00:00.000Z'],
      [2, '2026-12-02T10:00:00.000Z'],
      [4, '2026-12-08T10:00:00.000Z'],
    ] as const) {
      clock.now = new Date(at)
      await call(backend, 'sequences.done', { stepId: steps[i]!.id })
    }
    const ended = await enrolmentOf(backend, 1)
    expect(ended.status).toBe('completed')
    // A reply after the exit step leaves it completed.
    clock.now = new Date('2026-12-09T10:00:00.000Z')
    await call(backend, 'credits.respond', { to: ana, at: '2026-12-09T09:00:00Z' })
    expect((await enrolmentOf(backend, 1)).status).toBe('completed')
  })
})

describe('skip and snooze', () => {
  it('snoozes to a date, moving the later steps by as many days; never onto one day', async () => {
    const { backend, inmail } = await ledger()
    const steps = await enrolAna(backend, inmail)
    expect(steps.map((s) => s.dueOn)).toEqual([
      '2026-11-24',
      '2026-12-01',
      '2026-12-08',
      '2026-12-15',
    ])
    // The bump moves 2 days (Tue 1 → Thu 3 Dec); the new angle and the exit move 2 days too.
    const moved = await call<Enrolment>(backend, 'sequences.snooze', {
      stepId: steps[1]!.id,
      to: '2026-12-03',
    })
    expect(moved.steps.map((s) => s.dueOn)).toEqual([
      '2026-11-24',
      '2026-12-03',
      '2026-12-10',
      '2026-12-17',
    ])
    // Snoozing the bump far ahead sends one InMail that day, not all the rest with it.
    const far = await call<Enrolment>(backend, 'sequences.snooze', {
      stepId: steps[1]!.id,
      to: '2026-12-09',
    })
    expect(far.steps.map((s) => s.dueOn)).toEqual([
      '2026-11-24',
      '2026-12-09',
      '2026-12-16',
      '2026-12-23',
    ])
    expect(new Set(far.steps.map((s) => s.dueOn)).size).toBe(4)

    const past = await refused(backend, 'sequences.snooze', {
      stepId: steps[0]!.id,
      to: '2026-11-20',
    })
    expect(past.message).toMatch(/has passed/)
    const skipped = await call<Enrolment>(backend, 'sequences.skip', { stepId: steps[0]!.id })
    expect(skipped.steps[0]!.state).toBe('skipped')
  })

  it("snoozes by days onto a day the sequence sends on, and the later steps' gaps hold", async () => {
    const { backend, inmail } = await ledger()
    const steps = await enrolAna(backend, inmail)
    // Tue 24 + 2 days is Thu 26, a preferred day.
    const two = await call<Enrolment>(backend, 'sequences.snooze', {
      stepId: steps[0]!.id,
      days: 2,
    })
    expect(two.steps[0]!.dueOn).toBe('2026-11-26')
    // Thu 26 + 3 days is Sunday: it moves on to Tuesday 1 December, not to the weekend.
    const three = await call<Enrolment>(backend, 'sequences.snooze', {
      stepId: steps[0]!.id,
      days: 3,
    })
    expect(three.steps[0]!.dueOn).toBe('2026-12-01')
    const days = three.steps.map((s) => s.dueOn)
    for (const [i, gap] of [3, 4, 7].entries())
      expect(daysBetween(days[i]!, days[i + 1]!)).toBeGreaterThanOrEqual(gap)
    for (const day of days) expect([2, 3, 4]).toContain(weekdayOf(day))
  })
})

describe('the plan moves with what was done', () => {
  it('keeps the gaps from the day a step was actually done', async () => {
    const { backend, clock, inmail } = await ledger()
    const [opener] = await enrolAna(backend, inmail)
    // Planned for Tue 24, sent on Thu 3 December.
    clock.now = new Date('2026-12-03T10:00:00.000Z')
    const done = await call<DoneResult>(backend, 'sequences.done', { stepId: opener!.id })
    expect(done.enrolment.steps.map((s) => s.dueOn)).toEqual([
      '2026-11-24',
      '2026-12-08',
      '2026-12-15',
      '2026-12-22',
    ])
    // The bump planned for 1 December is not overdue: it is three days after the opener.
    const today = await agendaAt(backend, '2026-12-03')
    expect(today.overdue).toEqual([])
    expect(today.upcoming[0]).toMatchObject({ position: 2, dueOn: '2026-12-08', waitsFor: null })
  })

  it('moves the rest from the day a step was skipped', async () => {
    const { backend, clock, inmail } = await ledger()
    const [opener] = await enrolAna(backend, inmail)
    // Skipped a week late, on Wed 2 December: the bump keeps its 3 days from then (Sat 5 →
    // Tue 8), and the rest follow.
    clock.now = new Date('2026-12-02T10:00:00.000Z')
    const skipped = await call<Enrolment>(backend, 'sequences.skip', { stepId: opener!.id })
    expect(skipped.steps.slice(1).map((s) => s.dueOn)).toEqual([
      '2026-12-08',
      '2026-12-15',
      '2026-12-22',
    ])
  })

  it('lists only the next step of an enrolment that fell behind; the conditional InMail waits for the request', async () => {
    const { backend, clock, multi } = await ledger()
    // Started 13 days ago and nothing done: only the connection request is to do.
    await call(backend, 'sequences.enrol', {
      sequenceId: multi.id,
      to: [ana],
      startOn: '2026-11-10',
    })
    const behind = await agendaAt(backend, '2026-11-23', 30)
    expect(behind.overdue.map((i) => i.channel)).toEqual(['connection-request'])
    expect(behind.due).toEqual([])
    // The InMail only if not accepted waits: 3 days after the request is sent, not before.
    expect(behind.upcoming.map((i) => [i.channel, i.dueOn, i.waitsFor])).toEqual([
      ['inmail', '2026-11-26', 1],
      ['email', '2026-12-01', 2],
      ['inmail', '2026-12-08', 3],
    ])
    const [request] = behind.overdue
    await call(backend, 'sequences.done', { stepId: request!.step })
    const sent = await agendaAt(backend, '2026-11-23', 30)
    expect(sent.overdue).toEqual([])
    expect(sent.upcoming[0]).toMatchObject({
      channel: 'inmail',
      dueOn: '2026-11-26',
      waitsFor: null,
    })
    clock.now = new Date('2026-11-26T08:00:00.000Z')
    expect((await agendaAt(backend, '2026-11-26', 0)).due.map((i) => i.channel)).toEqual(['inmail'])
  })
})

describe('when a sequence may start', () => {
  it('refuses a start before the seat started, or more than 30 days back', async () => {
    const { backend, inmail } = await ledger()
    const beforeSeat = await refused(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: [ana],
      startOn: '2026-10-30',
    })
    expect(beforeSeat.message).toBe(
      'Work started on 2026-11-01; start the sequence on that day or later (today is 2026-11-23).',
    )
    const { backend: older, inmail: again } = await ledger({ startedOn: '2020-01-01' })
    const longAgo = await refused(older, 'sequences.creditsAhead', {
      sequenceId: again.id,
      to: [ana],
      startOn: '2026-10-23',
    })
    expect(longAgo.message).toBe(
      '2026-10-23 is more than 30 days ago; pick today (2026-11-23) or a later day.',
    )
    expect(await call<Enrolment[]>(older, 'sequences.enrolments', {})).toEqual([])
    const lastMonth = await call<Enrolled>(older, 'sequences.enrol', {
      sequenceId: again.id,
      to: [ana],
      startOn: '2026-10-24',
    })
    expect(lastMonth.enrolmentIds).toHaveLength(1)
  })
})

describe('the report of sequences run', () => {
  it('counts enrolled, active, completed, stopped by a response, steps done and skipped', async () => {
    const { backend, clock, inmail } = await ledger()
    const one = await call<Sequence>(backend, 'sequences.save', {
      name: 'One shot',
      preferredWeekdays: [],
      steps: [{ dayOffset: 0, channel: 'inmail', exit: true }],
    })
    await call(backend, 'sequences.enrol', {
      sequenceId: one.id,
      to: [ana, ben],
      startOn: '2026-11-23',
    })
    await call(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: [{ profileUrl: 'linkedin.com/in/cy' }],
      startOn: '2026-11-24',
    })
    const today = (await agendaAt(backend, '2026-11-23', 0)).due
    await call(backend, 'sequences.done', { stepId: today[0]!.step })
    await call(backend, 'sequences.skip', { stepId: today[1]!.step })
    clock.now = new Date('2026-11-24T12:00:00.000Z')
    const report = await call<SequenceReport>(backend, 'sequences.report', {
      from: '2026-11-01',
      to: '2026-11-30',
    })
    expect(report.sequences).toEqual([
      {
        sequenceId: inmail.id,
        sequence: 'InMail 0/3/7/14',
        enrolled: 1,
        active: 1,
        completed: 0,
        stoppedByResponse: 0,
        stepsDone: 0,
        stepsSkipped: 0,
      },
      {
        sequenceId: one.id,
        sequence: 'One shot',
        enrolled: 2,
        active: 0,
        completed: 2,
        stoppedByResponse: 0,
        stepsDone: 1,
        stepsSkipped: 1,
      },
    ])
  })
})
