// The follow-ups as a calendar file: one all-day event per step, its UID fixed by the step's id
// and the ledger's own id, so a second export updates the events the first one created.
// Calendars keep events a file no longer lists, so a step that no longer needs doing (done, skipped, not needed, or its
// enrolment stopped or ended) is exported again as cancelled, with a higher SEQUENCE.
import { randomUUID } from 'node:crypto'
import type { AgendaItem, Enrolment } from '../../shared/contract/sequences'
import { stepChannelNames } from '../../shared/contract/sequences'
import { buildCalendar, type CalendarEvent } from '../../shared/domain/ics'
import { addDays, daysBetween } from '../../shared/domain/schedule'
import type { Ledger } from '../ledger'
import { timeZoneOf } from '../settings/service'
import { pendingSteps } from './agenda'
import { todayIn } from './clock'
import { allEnrolments, type StepRow } from './enrolments'

const ledgerIdKey = 'calendar.ledgerId'

/**
 * A random id for this ledger, made on the first export and kept in its settings (so backups,
 * restores and JSON export/import keep it): two ledgers' step 23 are two different events.
 */
export function calendarLedgerId(ledger: Ledger): string {
  ledger.db
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING')
    .run(ledgerIdKey, randomUUID())
  return (
    ledger.db.prepare('SELECT value FROM settings WHERE key = ?').get(ledgerIdKey) as {
      value: string
    }
  ).value
}

export function stepUid(stepId: number, ledgerId: string): string {
  return `enrolment-step-${stepId}@${ledgerId}.outreach-ledger`
}

/** Ended steps whose day is this far back are still cancelled (they may have been exported). */
export const cancelledLookbackDays = 90

/**
 * SEQUENCE: the step's revision (raised each time its stored day changes, and when undoing an
 * import brings a cancelled step back: imports/service.ts) times 1000, plus the
 * days the event is carried past its stored day (an overdue step shows on today, a waiting one on
 * its expected day), so every move raises it; a cancelled event takes the top of its revision.
 */
export function eventSequence(revision: number, storedDay: string, shownDay: string | null) {
  if (shownDay === null) return revision * 1000 + 999
  return revision * 1000 + Math.min(Math.max(daysBetween(storedDay, shownDay), 0), 998)
}

function summary(channel: AgendaItem['channel'], contact: string, exit: boolean): string {
  return `${stepChannelNames[channel]}: ${contact}${exit ? ' (last step)' : ''}`
}

function pendingEvent(
  item: AgendaItem,
  row: StepRow,
  today: string,
  ledgerId: string,
): CalendarEvent {
  const day = item.dueOn < today ? today : item.dueOn
  const description = [
    `${item.sequence}, step ${item.position} of ${item.stepCount} (from ${item.seat}).`,
    item.waitsFor !== null ? `Expected day: after step ${item.waitsFor} is done.` : null,
    item.note,
    item.subject ? `Subject: ${item.subject}` : null,
    item.body,
    item.profileUrl,
  ]
    .filter((line): line is string => Boolean(line))
    .join('\n\n')
  return {
    uid: stepUid(item.step, ledgerId),
    day,
    summary: summary(item.channel, item.contact, item.exit),
    description,
    ...(item.profileUrl ? { url: item.profileUrl } : {}),
    sequence: eventSequence(row.revision, row.due_on, day),
  }
}

const endedBecause: Record<Exclude<Enrolment['steps'][number]['state'], 'pending'>, string> = {
  done: 'Done.',
  skipped: 'Skipped.',
  'not-needed': 'Not needed.',
  cancelled: 'The sequence stopped or ended before this step.',
}

export function exportCalendar(
  ledger: Ledger,
  input: { at?: string | undefined; days: number },
): { ics: string; events: number; cancelled: number } {
  const today = input.at ?? todayIn(ledger.now(), timeZoneOf(ledger))
  const ledgerId = calendarLedgerId(ledger)
  const horizon = addDays(today, input.days)
  const since = addDays(today, -cancelledLookbackDays)
  const rows = new Map<number, StepRow>()
  const cancelled: CalendarEvent[] = []
  for (const { enrolment, rows: stepRows } of allEnrolments(ledger))
    enrolment.steps.forEach((step, i) => {
      const row = stepRows[i]!
      rows.set(step.id, row)
      if (step.state === 'pending' || row.due_on < since) return
      // A step for connections only was never listed before the person accepted: nothing to
      // cancel, and no cancelled event to outrank it when they do accept.
      if (step.state === 'not-needed' && step.condition === 'connected') return
      cancelled.push({
        uid: stepUid(step.id, ledgerId),
        day: row.due_on,
        summary: summary(step.channel, enrolment.contact, step.exit),
        description: `${enrolment.sequence}, step ${step.position}: ${endedBecause[step.state]}`,
        sequence: eventSequence(row.revision, row.due_on, null),
        cancelled: true,
      })
    })
  // Steps within the horizon, and any step that was moved (it may have been exported before).
  const pending = pendingSteps(ledger, today, '9999-12-31')
    .filter((item) => {
      const row = rows.get(item.step)!
      return row.due_on <= horizon || row.revision > 0
    })
    .map((item) => pendingEvent(item, rows.get(item.step)!, today, ledgerId))
  const events = [...pending, ...cancelled]
  return {
    ics: buildCalendar(events, { name: 'Outreach follow-ups', stamp: ledger.now() }),
    events: pending.length,
    cancelled: cancelled.length,
  }
}
