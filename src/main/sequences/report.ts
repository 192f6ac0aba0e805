// Sequences run and their completion over a period, for the monthly report: per sequence,
// how many people were enrolled, are still running, completed, or stopped on a response, and
// how many steps were done or skipped.
import type { SequenceReport, SequenceRun } from '../../shared/contract/sequences'
import { startOfLocalDay } from '../credits/zone'
import type { Ledger } from '../ledger'
import { timeZoneOf } from '../settings/service'
import { allEnrolments, type LoadedEnrolment } from './enrolments'

/**
 * Which enrolments a report covers: one seat's, and for a role or client the follow-ups of the
 * people it wrote to: `people` holds "seatId:contactId" of the scope's sends (a sequence's own
 * sends carry no role; the person and the seat say whose outreach it follows up).
 */
export interface SequenceScope {
  seatId?: number | undefined
  people?: ReadonlySet<string> | undefined
}

export const personKey = (seatId: number, contactId: number) => `${seatId}:${contactId}`

function inScope(enrolment: LoadedEnrolment['enrolment'], scope: SequenceScope): boolean {
  if (scope.seatId !== undefined && enrolment.seatId !== scope.seatId) return false
  return (
    scope.people === undefined || scope.people.has(personKey(enrolment.seatId, enrolment.contactId))
  )
}

/**
 * The report helper's entry point ("sequences run and their completion"). Days are the
 * user's calendar days; an enrolment counts as enrolled when its start day is in the period,
 * as active when it was still running at the period's end (judged on today's facts), and as
 * completed or stopped when that happened in the period.
 */
export function sequenceRunsInPeriod(
  ledger: Ledger,
  period: { from: string; to: string },
  scope: SequenceScope = {},
): SequenceReport {
  const timeZone = timeZoneOf(ledger)
  const fromAt = startOfLocalDay(period.from, timeZone)
  const nextDay = new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10)
  const toAt = startOfLocalDay(nextDay, timeZone)
  const within = (at: string | null) => at !== null && at >= fromAt && at < toAt
  const names = new Map(
    (
      ledger.db.prepare('SELECT id, name FROM sequences').all() as { id: number; name: string }[]
    ).map((r) => [r.id, r.name]),
  )
  const runs = new Map<number, SequenceRun>()
  const runOf = (id: number): SequenceRun => {
    let run = runs.get(id)
    if (!run) {
      run = {
        sequenceId: id,
        sequence: names.get(id) ?? `#${id}`,
        enrolled: 0,
        active: 0,
        completed: 0,
        stoppedByResponse: 0,
        stepsDone: 0,
        stepsSkipped: 0,
      }
      runs.set(id, run)
    }
    return run
  }
  for (const { enrolment, progress } of allEnrolments(ledger)) {
    if (enrolment.startOn > period.to || !inScope(enrolment, scope)) continue
    const run = runOf(enrolment.sequenceId)
    if (enrolment.startOn >= period.from) run.enrolled++
    const endedAt = progress.endedAt
    if (progress.status === 'active' || (endedAt !== null && endedAt >= toAt)) run.active++
    else if (progress.status === 'completed' && within(endedAt)) run.completed++
    else if (progress.status === 'stopped' && within(endedAt)) run.stoppedByResponse++
    for (const step of enrolment.steps) {
      if (step.state === 'done' && within(step.doneAt)) run.stepsDone++
      if (step.state === 'skipped' && within(step.doneAt)) run.stepsSkipped++
    }
  }
  const sequences = [...runs.values()]
    .filter(
      (r) =>
        r.enrolled + r.active + r.completed + r.stoppedByResponse + r.stepsDone + r.stepsSkipped >
        0,
    )
    .sort((a, b) => a.sequence.localeCompare(b.sequence))
  return { from: period.from, to: period.to, sequences }
}
