// The .ics export, read back with a real iCalendar parser (ical.js): one all-day event per step,
// stable UIDs, a raised SEQUENCE after a snooze, RFC 5545 folding and escaping.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import type { Enrolment } from '../../../src/shared/contract'
import { buildCalendar, escapeText, foldLine } from '../../../src/shared/domain/ics'
import { call } from '../../helpers/ledger'
import { sequencesLedger } from '../../helpers/sequences'

interface ParsedEvent {
  uid: string
  start: string
  end: string
  summary: string
  description: string
  sequence: number
  allDay: boolean
  status: string
}

function parse(ics: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics))
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component)
    return {
      uid: event.uid,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      summary: event.summary,
      description: event.description,
      sequence: event.sequence,
      allDay: event.startDate.isDate,
      status: String(component.getFirstPropertyValue('status')),
    }
  })
}

const uidPattern = /^enrolment-step-(\d+)@([0-9a-f-]{36})\.outreach-ledger$/

/** The UID of step `stepId` in a ledger whose export had these UIDs. */
function uidOf(exported: Map<string, unknown> | ParsedEvent[], stepId: number): string {
  const uids = Array.isArray(exported) ? exported.map((e) => e.uid) : [...exported.keys()]
  const ledgerId = uidPattern.exec(uids[0]!)![2]
  return `enrolment-step-${stepId}@${ledgerId}.outreach-ledger`
}

describe('the iCalendar writer', () => {
  it('escapes text and folds long lines at 75 octets without splitting a character', () => {
    expect(escapeText('Doe, Jane; PhD\\MBA\nline two')).toBe('Doe\\, Jane\\; PhD\\\\MBA\\nline two')
    const long = `DESCRIPTION:${'Zoë Müller – ünïcödé '.repeat(12)}`
    const folded = foldLine(long)
    const lines = folded.split('\r\n')
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    for (const line of lines.slice(1)) expect(line.startsWith(' ')).toBe(true)
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(long)
    expect(folded).not.toContain('\uFFFD')
  })

  it('writes a calendar a parser reads back exactly', () => {
    const summary = 'InMail: Doe, Jane; PhD'
    const description = `Line one\nLine two with a comma, a semicolon; and a backslash \\. ${'x'.repeat(200)}`
    const ics = buildCalendar(
      [{ uid: 'step-1@test', day: '2026-12-31', summary, description, sequence: 2 }],
      { name: 'Follow-ups', stamp: new Date('2026-11-23T12:00:00Z') },
    )
    expect(ics.endsWith('\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/)
    expect(ics).toContain('DTSTAMP:20261123T120000Z')
    expect(parse(ics)).toEqual([
      {
        uid: 'step-1@test',
        start: '2026-12-31',
        end: '2027-01-01',
        summary,
        description,
        sequence: 2,
        allDay: true,
        status: 'CONFIRMED',
      },
    ])
  })
})

describe('exporting the agenda', () => {
  it('UIDs carry a per-ledger id: two ledgers never share one, and each keeps its own', async () => {
    const uidsOf = async () => {
      const { backend, inmail } = await sequencesLedger()
      await call(backend, 'sequences.enrol', {
        sequenceId: inmail.id,
        to: [{ profileUrl: 'https://www.linkedin.com/in/jane-doe' }],
        startOn: '2026-11-24',
      })
      const once = async () =>
        parse((await call<{ ics: string }>(backend, 'sequences.exportIcs', {})).ics).map(
          (e) => e.uid,
        )
      const first = await once()
      expect(await once()).toEqual(first)
      return first
    }
    const work = await uidsOf()
    const personal = await uidsOf()
    // Both ledgers number their steps from 1, yet no event of one can update the other's.
    expect(work.map((u) => uidPattern.exec(u)![1])).toEqual(
      personal.map((u) => uidPattern.exec(u)![1]),
    )
    expect(work.filter((u) => personal.includes(u))).toEqual([])
  })

  it('has one event per upcoming step; a re-export keeps the UIDs and a snoozed step moves', async () => {
    const { backend, inmail } = await sequencesLedger({ timeZone: 'Europe/Berlin' })
    await call(backend, 'contacts.add', {
      profileUrl: 'https://www.linkedin.com/in/jane-doe',
      name: 'Doe, Jane; PhD',
    })
    await call(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: [{ profileUrl: 'https://www.linkedin.com/in/jane-doe' }],
      startOn: '2026-11-24',
    })
    const first = await call<{ ics: string; events: number }>(backend, 'sequences.exportIcs', {})
    const events = parse(first.ics)
    expect(first.events).toBe(4)
    expect(events.map((e) => [e.start, e.summary, e.allDay])).toEqual([
      ['2026-11-24', 'InMail: Doe, Jane; PhD', true],
      ['2026-12-01', 'InMail: Doe, Jane; PhD', true],
      ['2026-12-08', 'InMail: Doe, Jane; PhD', true],
      ['2026-12-15', 'InMail: Doe, Jane; PhD (last step)', true],
    ])
    expect(events[0]!.description).toMatch(/InMail 0\/3\/7\/14, step 1 of 4 \(from Work\)/)
    expect(new Set(events.map((e) => e.uid)).size).toBe(4)
    // The step's id and this ledger's own id: another ledger's step 1 is another event.
    expect(events[0]!.uid).toMatch(uidPattern)

    const [enrolment] = await call<Enrolment[]>(backend, 'sequences.enrolments', {})
    await call(backend, 'sequences.snooze', { stepId: enrolment!.steps[3]!.id, to: '2026-12-17' })
    const second = parse((await call<{ ics: string }>(backend, 'sequences.exportIcs', {})).ics)
    expect(second.map((e) => e.uid)).toEqual(events.map((e) => e.uid))
    expect(second[3]!.start).toBe('2026-12-17')
    expect(second[3]!.sequence).toBeGreaterThan(events[3]!.sequence)
    expect(second[0]!.sequence).toBe(events[0]!.sequence)
  })

  it('cancels, under the same UIDs and with a higher SEQUENCE, the steps of someone who replied', async () => {
    const { backend, clock, inmail } = await sequencesLedger()
    const jane = { profileUrl: 'https://www.linkedin.com/in/jane-doe' }
    const bob = { profileUrl: 'https://www.linkedin.com/in/bob-roe' }
    await call(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: [jane, bob],
      startOn: '2026-11-24',
    })
    const exportNow = async () =>
      parse((await call<{ ics: string }>(backend, 'sequences.exportIcs', {})).ics)
    const byUid = (events: ParsedEvent[]) => new Map(events.map((e) => [e.uid, e]))
    const before = byUid(await exportNow())
    expect(before.size).toBe(8)
    expect([...before.values()].every((e) => e.status === 'CONFIRMED')).toBe(true)

    const enrolments = await call<Enrolment[]>(backend, 'sequences.enrolments', {})
    const uidsOf = (url: string) =>
      enrolments.find((e) => e.profileUrl === url)!.steps.map((s) => uidOf(before, s.id))
    // Jane's opener goes out on the 24th; she replies on the 25th.
    clock.now = new Date('2026-11-24T10:00:00.000Z')
    const janes = enrolments.find((e) => e.profileUrl === jane.profileUrl)!
    await call(backend, 'sequences.done', { stepId: janes.steps[0]!.id })
    clock.now = new Date('2026-11-25T10:00:00.000Z')
    await call(backend, 'credits.respond', { to: jane, at: '2026-11-25T09:00:00Z' })

    // Two days later, Bob's opener (due on the 24th) is still to do.
    clock.now = new Date('2026-11-26T10:00:00.000Z')
    const after = byUid(await exportNow())
    for (const uid of uidsOf(jane.profileUrl)) {
      expect(after.get(uid)).toMatchObject({ status: 'CANCELLED' })
      expect(after.get(uid)!.sequence).toBeGreaterThan(before.get(uid)!.sequence)
    }
    // Bob's overdue opener shows on today, so its SEQUENCE rises, and again the next day.
    const [bobOpener, bobBump] = uidsOf(bob.profileUrl)
    expect(after.get(bobOpener!)).toMatchObject({ status: 'CONFIRMED', start: '2026-11-26' })
    expect(after.get(bobOpener!)!.sequence).toBeGreaterThan(before.get(bobOpener!)!.sequence)
    expect(after.get(bobBump!)).toMatchObject({ status: 'CONFIRMED', start: '2026-12-01' })
    clock.now = new Date('2026-11-27T10:00:00.000Z')
    const nextDay = byUid(await exportNow())
    expect(nextDay.get(bobOpener!)!.start).toBe('2026-11-27')
    expect(nextDay.get(bobOpener!)!.sequence).toBeGreaterThan(after.get(bobOpener!)!.sequence)
  })

  it('an accepted connection request cancels the InMails meant for non-connections and lists the message', async () => {
    const { backend, clock, multi } = await sequencesLedger()
    const ana = { profileUrl: 'https://www.linkedin.com/in/ana-silva' }
    await call(backend, 'sequences.enrol', {
      sequenceId: multi.id,
      to: [ana],
      startOn: '2026-11-23',
    })
    const [enrolment] = await call<Enrolment[]>(backend, 'sequences.enrolments', {})
    const exportNow = async () =>
      new Map(
        parse((await call<{ ics: string }>(backend, 'sequences.exportIcs', {})).ics).map((e) => [
          e.uid,
          e,
        ]),
      )
    const before = await exportNow()
    const uid = (i: number) => uidOf(before, enrolment!.steps[i]!.id)
    // The final message is for connections only: not in the file until she accepts.
    expect(before.has(uid(3))).toBe(false)
    expect(before.get(uid(1))).toMatchObject({ status: 'CONFIRMED' })

    clock.now = new Date('2026-11-24T10:00:00.000Z')
    await call(backend, 'sequences.done', { stepId: enrolment!.steps[0]!.id })
    clock.now = new Date('2026-11-24T16:00:00.000Z')
    await call(backend, 'credits.respond', { to: ana, at: '2026-11-24T15:00:00Z', kind: 'accept' })
    const after = await exportNow()
    for (const i of [1, 4]) {
      expect(after.get(uid(i))).toMatchObject({ status: 'CANCELLED' })
      expect(after.get(uid(i))!.sequence).toBeGreaterThan(before.get(uid(i))!.sequence)
    }
    expect(after.get(uid(3))).toMatchObject({ status: 'CONFIRMED' })
  })
})

describe('undoing an import that held a reply', () => {
  it('brings the cancelled steps back with a SEQUENCE above their cancellation', async () => {
    const { backend, clock, seat, inmail } = await sequencesLedger()
    const jane = { profileUrl: 'https://www.linkedin.com/in/jane-doe' }
    await call(backend, 'sequences.enrol', {
      sequenceId: inmail.id,
      to: [jane],
      startOn: '2026-11-24',
    })
    const exportNow = async () =>
      new Map(
        parse((await call<{ ics: string }>(backend, 'sequences.exportIcs', {})).ics).map((e) => [
          e.uid,
          e,
        ]),
      )
    const before = await exportNow()
    const folder = mkdtempSync(join(tmpdir(), 'outreach-ics-import-'))
    const me = 'https://www.linkedin.com/in/jordan-avery-recruits'
    writeFileSync(
      join(folder, 'messages.csv'),
      [
        'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
        `c1,,Jane Doe,${jane.profileUrl},Jordan Avery,${me},2026-11-25 09:00:00 UTC,,Sounds great,INBOX`,
        `c1,,Jordan Avery,${me},Jane Doe,${jane.profileUrl},2026-11-24 09:00:00 UTC,Role,Hi Jane,INBOX`,
      ].join('\n') + '\n',
    )
    clock.now = new Date('2026-11-26T10:00:00.000Z')
    const { importId } = await call<{ importId: number }>(backend, 'imports.run', {
      source: { kind: 'linkedin', path: folder, seatId: seat.id, me },
    })
    const cancelled = await exportNow()
    expect([...cancelled.values()].every((e) => e.status === 'CANCELLED')).toBe(true)

    await call(backend, 'imports.undo', { importId })
    const back = await exportNow()
    expect(back.size).toBe(before.size)
    for (const [uid, event] of back) {
      expect(event.status).toBe('CONFIRMED')
      expect(event.sequence).toBeGreaterThan(cancelled.get(uid)!.sequence)
    }
    rmSync(folder, { recursive: true, force: true })
  })
})
