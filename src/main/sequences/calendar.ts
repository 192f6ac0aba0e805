// The upcoming steps as a calendar file: one all-day event per step, its UID fixed by the
// step's id, so a second export updates the events the first one created.
import { stepChannelNames } from '../../shared/contract/sequences'
import { buildCalendar, type CalendarEvent } from '../../shared/domain/ics'
import { addDays } from '../../shared/domain/schedule'
import type { Ledger } from '../ledger'
import { timeZoneOf } from '../settings/service'
import { pendingSteps } from './agenda'
import { todayIn } from './clock'

export function stepUid(stepId: number): string {
  return `enrolment-step-${stepId}@outreach-ledger`
}

export function exportCalendar(
  ledger: Ledger,
  input: { at?: string | undefined; days: number },
): { ics: string; events: number } {
  const today = input.at ?? todayIn(ledger.now(), timeZoneOf(ledger))
  const revision = ledger.db.prepare('SELECT revision FROM enrolment_steps WHERE id = ?')
  // Overdue steps are still to do: they appear on today.
  const events: CalendarEvent[] = pendingSteps(ledger, addDays(today, input.days)).map((item) => {
    const description = [
      `${item.sequence}, step ${item.position} of ${item.stepCount} (from ${item.seat}).`,
      item.note,
      item.subject ? `Subject: ${item.subject}` : null,
      item.body,
      item.profileUrl,
    ]
      .filter((line): line is string => Boolean(line))
      .join('\n\n')
    return {
      uid: stepUid(item.step),
      day: item.dueOn < today ? today : item.dueOn,
      summary: `${stepChannelNames[item.channel]}: ${item.contact}${item.exit ? ' (last step)' : ''}`,
      description,
      ...(item.profileUrl ? { url: item.profileUrl } : {}),
      sequence: (revision.get(item.step) as { revision: number }).revision,
    }
  })
  return {
    ics: buildCalendar(events, { name: 'Outreach follow-ups', stamp: ledger.now() }),
    events: events.length,
  }
}
